// The static front end (web/): URL paths to files, never outside the root.
//
// A path is refused before it touches the file system when any segment is
// "..", "." or hidden (".git"), or holds a backslash or NUL; what is left
// is resolved with symlinks followed and must still lie under the
// canonical root. So no request can read a file outside web/.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace newsfacet {

class StaticFiles {
 public:
  // An empty or missing `root` serves nothing (every path is not found).
  explicit StaticFiles(const std::filesystem::path& root);

  bool available() const { return !root_.empty(); }
  const std::filesystem::path& root() const { return root_; }

  // The file for decoded URL path `url_path` ("/", "/app.js"), or nullopt
  // when there is none or the path is refused. "/" and directories serve
  // their index.html.
  std::optional<std::filesystem::path> Resolve(std::string_view url_path) const;

 private:
  std::filesystem::path root_;  // canonical
};

// Reads a file Resolve() returned. False when it cannot be read whole (no
// permission, removed since, an I/O error): the server answers 500 then,
// never 200 with a short or empty body.
bool ReadStaticFile(const std::filesystem::path& file, std::string* content);

// "text/html; charset=utf-8" for .html, and so on; octet-stream when unknown.
std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace newsfacet
