#include "searcher/static_files.h"

#include <cstdio>
#include <map>
#include <memory>

namespace newsfacet {

namespace fs = std::filesystem;

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code error;
  if (root.empty() || !fs::is_directory(root, error)) return;
  root_ = fs::canonical(root, error);
  if (error) root_.clear();
}

std::optional<fs::path> StaticFiles::Resolve(std::string_view url_path) const {
  if (root_.empty()) return std::nullopt;
  if (url_path.find('\0') != std::string_view::npos || url_path.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  fs::path relative;
  size_t start = 0;
  while (start <= url_path.size()) {
    size_t slash = url_path.find('/', start);
    if (slash == std::string_view::npos) slash = url_path.size();
    std::string_view segment = url_path.substr(start, slash - start);
    start = slash + 1;
    if (segment.empty()) continue;
    if (segment[0] == '.') return std::nullopt;  // "..", "." and hidden files
    relative /= std::string(segment);
  }
  std::error_code error;
  fs::path file = fs::weakly_canonical(root_ / relative, error);
  if (error) return std::nullopt;
  if (fs::is_directory(file, error)) file /= "index.html";
  file = fs::canonical(file, error);  // follows symlinks; fails when missing
  if (error || !fs::is_regular_file(file, error)) return std::nullopt;
  // Symlinks inside web/ could still point outside it.
  const std::string root = root_.string() + "/";
  if (file.string().compare(0, root.size(), root) != 0) return std::nullopt;
  return file;
}

bool ReadStaticFile(const fs::path& file, std::string* content) {
  content->clear();
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!in) return false;
  char buffer[1 << 16];
  while (size_t read = std::fread(buffer, 1, sizeof buffer, in.get())) content->append(buffer, read);
  // fread stops short at the end of the file or on an error; only the first is whole.
  if (std::ferror(in.get())) {
    content->clear();
    return false;
  }
  return true;
}

std::string ContentTypeFor(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".wasm", "application/wasm"},
  };
  std::string extension = file.extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto it = kTypes.find(extension);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace newsfacet
