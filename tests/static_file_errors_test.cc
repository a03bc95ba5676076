// End to end: a file of the web directory that the server may not read is
// a 500 with a JSON error, not a 200 with an empty body.
//
// Root reads any file, so as root the server runs without the capabilities
// that let it (setpriv --bounding-set=-dac_override,-dac_read_search).
#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <regex>
#include <thread>

#include "tests/process.h"

using namespace newsfacet::testing;
namespace fs = std::filesystem;

namespace {

// `newsfacet serve` (through setpriv when root); returns the pid.
pid_t StartServer(const std::vector<std::string>& serve_args, const fs::path& out, const fs::path& err) {
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDOUT_FILENO);
    ::dup2(::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDERR_FILENO);
    std::vector<std::string> args;
    if (::geteuid() == 0) args = {"setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"};
    args.push_back(NEWSFACET_BINARY);
    args.insert(args.end(), serve_args.begin(), serve_args.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

bool CanDropFileCapabilities() {
  if (::geteuid() != 0) return true;
  if (std::system("setpriv --bounding-set=-dac_override,-dac_read_search -- true >/dev/null 2>&1") == 0) return true;
  MESSAGE("skipped: running as root without a setpriv that can drop file capabilities");
  return false;
}

}  // namespace

TEST_CASE("a static file the server cannot read is a 500 with a JSON error, not an empty 200") {
  if (!CanDropFileCapabilities()) return;
  TempDir dir;
  REQUIRE(RunNewsfacet({"index", (SourceDir() / "corpus").string(), "--index", (dir / "index").string(), "--quiet"})
              .exit_code == 0);
  dir.Write("web/index.html", "<html>page</html>");
  const fs::path locked = dir.Write("web/locked.js", "console.log('secret');");
  fs::permissions(locked, fs::perms::none);

  pid_t server = StartServer({"serve", "--index", (dir / "index").string(), "--port", "0", "--quiet", "--web-dir",
                              (dir / "web").string()},
                             dir / "out", dir / "err");
  int port = 0;
  const std::regex url(R"(serving http://127\.0\.0\.1:(\d+)/)");
  for (int attempt = 0; attempt < 1000 && port == 0; ++attempt) {
    std::smatch match;
    const std::string out = Slurp(dir / "out");
    if (std::regex_search(out, match, url)) port = std::stoi(match[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  INFO("server stderr: " << Slurp(dir / "err"));
  REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);
  httplib::Result page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body == "<html>page</html>");
  httplib::Result result = client.Get("/locked.js");
  REQUIRE(result);
  CHECK(result->status == 500);
  nlohmann::json error = nlohmann::json::parse(result->body, nullptr, false);
  CHECK(error["error"]["code"] == "internal_error");
  CHECK(error["error"]["message"].get<std::string>().find(dir.path().string()) == std::string::npos);
  ::kill(server, SIGTERM);
  CHECK(WaitExitCode(server) == 0);
}
