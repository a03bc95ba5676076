#include "analysis/data_files.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <system_error>

namespace newsfacet {
namespace fs = std::filesystem;

namespace {

fs::path& DataOverride() {
  static fs::path directory;
  return directory;
}

fs::path& WebOverride() {
  static fs::path directory;
  return directory;
}

fs::path FromEnvironment(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? fs::path(value) : fs::path();
}

// The source tree named by a build tree's marker file, or empty.
fs::path SourceTreeOfBuild(const fs::path& executable_dir) {
  std::ifstream marker(executable_dir / kSourceTreeMarker);
  std::string line;
  if (!marker || !std::getline(marker, line) || line.empty()) return {};
  return line;
}

struct ShippedDirectories {
  fs::path data;
  fs::path web;
};

ShippedDirectories FindShippedDirectories() {
  const fs::path executable_dir = ExecutableDirectory();
  const fs::path prefix = executable_dir.parent_path();
  ShippedDirectories installed{prefix / kInstalledDataSubdir, prefix / kInstalledWebSubdir};
  std::error_code error;
  if (executable_dir.empty() || fs::exists(installed.data / "events.json", error)) return installed;
  if (fs::path source = SourceTreeOfBuild(executable_dir); !source.empty()) {
    return {source / "schemas", source / "web"};
  }
  return installed;
}

const ShippedDirectories& Shipped() {
  static const ShippedDirectories shipped = FindShippedDirectories();
  return shipped;
}

}  // namespace

fs::path ExecutableDirectory() {
  std::error_code error;
  fs::path executable = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : executable.parent_path();
}

fs::path DataDirectory() {
  if (!DataOverride().empty()) return DataOverride();
  if (fs::path from_environment = FromEnvironment("NEWSFACET_DATA_DIR"); !from_environment.empty()) {
    return from_environment;
  }
  return Shipped().data;
}

fs::path WebDirectory() {
  if (!WebOverride().empty()) return WebOverride();
  if (fs::path from_environment = FromEnvironment("NEWSFACET_WEB_DIR"); !from_environment.empty()) {
    return from_environment;
  }
  return Shipped().web;
}

void SetDataDirectory(const fs::path& directory) { DataOverride() = directory; }
void SetWebDirectory(const fs::path& directory) { WebOverride() = directory; }

}  // namespace newsfacet
