#include "index_directory.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "index_layout.h"

namespace newsfacet {
namespace fs = std::filesystem;

namespace {

std::string ReadSmallFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Written to a temporary name and renamed, so a reader never sees half a file.
Status WriteFileAtomically(const fs::path& path, const std::string& content) {
  fs::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) return Status::Error("cannot write " + temporary.string() + ": " + std::strerror(errno));
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) return Status::Error("cannot write " + path.string() + ": " + error.message());
  return Status::Ok();
}

std::string NowIso8601() {
  char text[32];
  std::time_t now = std::time(nullptr);
  std::tm utc;
  gmtime_r(&now, &utc);
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Status ParseManifest(const fs::path& index_dir, IndexManifest* manifest) {
  fs::path path = index_dir / layout::kManifestFile;
  auto json = nlohmann::json::parse(ReadSmallFile(path), nullptr, false);
  if (!json.is_object() || !json.value("layout_version", nlohmann::json()).is_number_integer() ||
      !json.value("shards", nlohmann::json()).is_number_integer()) {
    return Status::Error(path.string() + " is damaged: it is not a newsfacet manifest");
  }
  manifest->layout_version = json["layout_version"].get<int>();
  manifest->shards = json["shards"].get<int>();
  if (manifest->layout_version != layout::kLayoutVersion) {
    return Status::Error(index_dir.string() + " was built with index layout " +
                         std::to_string(manifest->layout_version) + ", this newsfacet reads layout " +
                         std::to_string(layout::kLayoutVersion) + ": index the articles again into a new directory");
  }
  if (manifest->shards < 1 || manifest->shards > 1024) {
    return Status::Error(path.string() + " is damaged: shard count " + std::to_string(manifest->shards));
  }
  return Status::Ok();
}

}  // namespace

Status IndexLock::Acquire(const fs::path& index_dir, std::unique_ptr<IndexLock>* lock, std::string_view command) {
  fs::path path = index_dir / layout::kLockFile;
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error("cannot open " + path.string() + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    std::string holder = ReadSmallFile(path);
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    ::close(fd);
    return Status::Error("index " + index_dir.string() + " is locked by " +
                         (holder.empty() ? "another process" : holder) +
                         "; wait for it to finish, or stop it");
  }
  std::string holder = "pid " + std::to_string(::getpid()) + " (";
  holder.append(command).append(", started ").append(NowIso8601()).append(")\n");
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, holder.data(), holder.size(), 0) < 0) {
    // The lock holds without the note; only the message to a second writer is poorer.
  }
  lock->reset(new IndexLock(fd));
  return Status::Ok();
}

IndexLock::~IndexLock() { ::close(fd_); }

Status CreateOrOpenIndexDirectory(const fs::path& index_dir, int shards, IndexManifest* manifest) {
  std::error_code error;
  fs::create_directories(index_dir, error);
  if (error) return Status::Error("cannot create index directory " + index_dir.string() + ": " + error.message());
  if (fs::exists(index_dir / layout::kManifestFile)) return ParseManifest(index_dir, manifest);

  for (const auto& entry : fs::directory_iterator(index_dir, error)) {
    std::string name = entry.path().filename().string();
    if (name != layout::kLockFile) {
      return Status::Error(index_dir.string() + " is not empty and is not a newsfacet index (found " + name +
                           "); choose a new directory");
    }
  }
  if (error) return Status::Error("cannot read " + index_dir.string() + ": " + error.message());

  std::string stub;
  for (int shard = 0; shard < shards; ++shard) {
    stub += "auto " + ShardPath("", shard).string() + "\n";
  }
  // The stub is written first: the manifest's presence marks a finished setup.
  Status status = WriteFileAtomically(index_dir / layout::kStubFile, stub);
  if (!status.ok()) return status;
  nlohmann::json json = {{"layout_version", layout::kLayoutVersion}, {"shards", shards}, {"created", NowIso8601()}};
  status = WriteFileAtomically(index_dir / layout::kManifestFile, json.dump(2) + "\n");
  if (!status.ok()) return status;
  manifest->layout_version = layout::kLayoutVersion;
  manifest->shards = shards;
  return Status::Ok();
}

Status ReadIndexManifest(const fs::path& index_dir, IndexManifest* manifest) {
  if (!fs::exists(index_dir / layout::kManifestFile)) {
    return Status::Error(index_dir.string() + " is not a newsfacet index (no " +
                         std::string(layout::kManifestFile) + "); build one with: newsfacet index ARTICLES_DIR --index " +
                         index_dir.string());
  }
  return ParseManifest(index_dir, manifest);
}

fs::path ShardPath(const fs::path& index_dir, int shard) {
  return index_dir / (std::string(layout::kShardDirPrefix) + std::to_string(shard));
}

fs::path CatalogPath(const fs::path& index_dir) { return index_dir / layout::kCatalogDir; }

}  // namespace newsfacet
