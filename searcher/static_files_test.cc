#include "searcher/static_files.h"

#include <doctest/doctest.h>

#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;
namespace fs = std::filesystem;

TEST_CASE("files under the root are served, and / and directories serve their index.html") {
  TempDir dir;
  dir.Write("web/index.html", "<html>");
  dir.Write("web/js/app.js", "1");
  StaticFiles files(dir / "web");
  REQUIRE(files.available());
  CHECK(files.Resolve("/") == fs::canonical(dir / "web/index.html"));
  CHECK(files.Resolve("/js/app.js") == fs::canonical(dir / "web/js/app.js"));
  CHECK(files.Resolve("//js//app.js") == fs::canonical(dir / "web/js/app.js"));
  CHECK_FALSE(files.Resolve("/js/"));  // no index.html there
  CHECK_FALSE(files.Resolve("/missing.css"));
}

TEST_CASE("no path reaches outside the root: dot segments, hidden files, backslashes and symlinks out") {
  TempDir dir;
  dir.Write("web/index.html", "<html>");
  dir.Write("secret.txt", "secret");
  dir.Write("web/.env", "TOKEN=x");
  fs::create_symlink(dir / "secret.txt", dir / "web/link.txt");
  fs::create_directory_symlink(dir.path(), dir / "web/up");
  StaticFiles files(dir / "web");
  for (const char* path : {"/../secret.txt", "/../../etc/passwd", "/./index.html", "/js/../../secret.txt", "/.env",
                           "/..\\secret.txt", "/link.txt", "/up/secret.txt"}) {
    CAPTURE(std::string(path));
    CHECK_FALSE(files.Resolve(path));
  }
  CHECK_FALSE(files.Resolve(std::string("/index.html\0.png", 16)));
  // Through a link and back in is still inside: the resolved file decides.
  CHECK(files.Resolve("/up/web/index.html") == fs::canonical(dir / "web/index.html"));
}

TEST_CASE("a missing root serves nothing, and content types follow the extension") {
  StaticFiles none("/no/such/dir");
  CHECK_FALSE(none.available());
  CHECK_FALSE(none.Resolve("/"));
  CHECK(ContentTypeFor("a/index.HTML") == "text/html; charset=utf-8");
  CHECK(ContentTypeFor("app.js") == "text/javascript; charset=utf-8");
  CHECK(ContentTypeFor("style.css") == "text/css; charset=utf-8");
  CHECK(ContentTypeFor("logo.svg") == "image/svg+xml");
  CHECK(ContentTypeFor("data.bin") == "application/octet-stream");
}

TEST_CASE("a static file that cannot be read whole is a failure, not an empty file") {
  TempDir dir;
  dir.Write("web/index.html", "<html>");
  dir.Write("web/app.js", "console.log(1);");
  fs::create_directory(dir / "web/folder.js");
  std::string content;
  CHECK(ReadStaticFile(dir / "web/app.js", &content));
  CHECK(content == "console.log(1);");
  // Opens (a directory does) but every read fails.
  CHECK_FALSE(ReadStaticFile(dir / "web/folder.js", &content));
  CHECK(content.empty());
  // Resolved, then removed before it is read.
  StaticFiles files(dir / "web");
  std::optional<fs::path> resolved = files.Resolve("/app.js");
  REQUIRE(resolved);
  fs::remove(*resolved);
  CHECK_FALSE(ReadStaticFile(*resolved, &content));
}
