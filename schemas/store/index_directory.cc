#include "schemas/store/index_directory.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "schemas/index_layout.h"

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
  std::string pattern = path.string() + ".tmp-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) return Status::Error("cannot write " + path.string() + ": " + std::strerror(errno));
  bool written = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
                 ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (!written || ::rename(pattern.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(written ? errno : saved_errno);
    ::unlink(pattern.c_str());
    return Status::Error("cannot write " + path.string() + ": " + why);
  }
  return Status::Ok();
}

// So that a rename in `dir` survives a power cut.
void SyncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
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

namespace {

// A new index is built whole in a hidden sibling, ".NAME.creating-XXXXXX",
// and renamed into place: a creation killed at any point leaves either no
// index or a whole one, and two creations racing for one directory leave
// one winner's index, never a mix of both.
constexpr std::string_view kCreatingInfix = ".creating-";

std::string CreatingPrefix(const fs::path& index_dir) {
  return "." + index_dir.filename().string() + std::string(kCreatingInfix);
}

// Removes siblings left by creations that were killed: their lock is free.
void RemoveAbandonedCreations(const fs::path& index_dir) {
  const std::string prefix = CreatingPrefix(index_dir);
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(index_dir.parent_path(), error)) {
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    // A creation takes its lock just after making the directory: one that
    // is young may not have it yet.
    std::error_code entry_error;
    const auto age = fs::file_time_type::clock::now() - fs::last_write_time(entry.path(), entry_error);
    if (entry_error || age < std::chrono::seconds(5)) continue;
    const fs::path lock_path = entry.path() / layout::kLockFile;
    const int fd = ::open(lock_path.c_str(), O_RDWR | O_CLOEXEC);
    const bool abandoned = fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    if (abandoned) fs::remove_all(entry.path(), entry_error);
    if (fd >= 0) ::close(fd);
  }
}

// The first entry of `dir` that no index of ours holds alone; "" if none.
std::string ForeignEntry(const fs::path& dir) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.path().filename() != layout::kLockFile) return entry.path().filename().string();
  }
  return "";
}

bool HoldsOnlyTheLockFile(const fs::path& dir, std::error_code& error) {
  return fs::is_directory(dir, error) && ForeignEntry(dir).empty();
}

Status NotAnIndex(const fs::path& given_dir, const std::string& found) {
  return Status::Error(given_dir.string() + " is not empty and is not a newsfacet index (found " + found +
                       "); choose a new directory");
}

// Everything a new index holds, empty shards and catalog included, so that
// the renamed directory opens as it is.
Status PopulateNewIndex(const fs::path& dir, int shards) {
  std::string stub;
  for (int shard = 0; shard < shards; ++shard) {
    stub += "auto " + ShardPath("", shard).string() + "\n";
  }
  try {
    for (int shard = 0; shard < shards; ++shard) {
      Xapian::WritableDatabase(ShardPath(dir, shard).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS).commit();
    }
    Xapian::WritableDatabase(CatalogPath(dir).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS).commit();
  } catch (const Xapian::Error& e) {
    return Status::Error("cannot create the index: " + e.get_description());
  }
  Status status = WriteFileAtomically(dir / layout::kStubFile, stub);
  if (!status.ok()) return status;
  nlohmann::json json = {{"layout_version", layout::kLayoutVersion}, {"shards", shards}, {"created", NowIso8601()}};
  return WriteFileAtomically(dir / layout::kManifestFile, json.dump(2) + "\n");
}

enum class Placed { kPlaced, kLost };

// Builds a new index beside `index_dir` and renames it into place, holding
// its lock throughout (the lock moves with the directory). kLost: another
// process put its own index there first.
Status CreateIndexBeside(const fs::path& index_dir, int shards, std::unique_ptr<IndexLock>* lock, Placed* placed) {
  RemoveAbandonedCreations(index_dir);
  std::string pattern = (index_dir.parent_path() / (CreatingPrefix(index_dir) + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return Status::Error("cannot create index directory " + index_dir.string() + ": " + std::strerror(errno));
  }
  const fs::path creating = pattern;
  std::error_code error;
  Status status = IndexLock::Acquire(creating, lock);
  if (status.ok()) status = PopulateNewIndex(creating, shards);
  if (status.ok()) SyncDirectory(creating);
  if (status.ok() && HoldsOnlyTheLockFile(index_dir, error)) {
    fs::remove(index_dir / layout::kLockFile, error);  // left by an older newsfacet
  }
  // rename() replaces an empty directory, and fails on one that is not.
  if (status.ok() && ::rename(creating.c_str(), index_dir.c_str()) != 0) {
    if (errno != ENOTEMPTY && errno != EEXIST) {
      status = Status::Error("cannot create index directory " + index_dir.string() + ": " + std::strerror(errno));
    }
    lock->reset();
    fs::remove_all(creating, error);
    *placed = Placed::kLost;
    return status;
  }
  if (!status.ok()) {
    lock->reset();
    fs::remove_all(creating, error);
    return status;
  }
  SyncDirectory(index_dir.parent_path());
  *placed = Placed::kPlaced;
  return Status::Ok();
}

}  // namespace

Status CreateOrOpenIndexDirectory(const fs::path& given_dir, int shards, IndexManifest* manifest,
                                  std::unique_ptr<IndexLock>* lock) {
  std::unique_ptr<IndexLock> local_lock;
  if (lock == nullptr) lock = &local_lock;
  fs::path index_dir = fs::absolute(given_dir).lexically_normal();
  if (index_dir.filename().empty()) index_dir = index_dir.parent_path();  // "INDEX/"
  std::error_code error;
  if (!fs::exists(index_dir / layout::kManifestFile, error)) {
    if (fs::exists(index_dir, error) && !fs::is_directory(index_dir, error)) {
      return Status::Error(given_dir.string() + " exists and is not a directory; choose a new directory");
    }
    if (fs::is_directory(index_dir, error) && !ForeignEntry(index_dir).empty()) {
      return NotAnIndex(given_dir, ForeignEntry(index_dir));
    }
    fs::create_directories(index_dir.parent_path(), error);
    if (error) return Status::Error("cannot create index directory " + given_dir.string() + ": " + error.message());
    Placed placed = Placed::kLost;
    Status status = CreateIndexBeside(index_dir, shards, lock, &placed);
    if (!status.ok()) return status;
    if (placed == Placed::kPlaced) {
      manifest->layout_version = layout::kLayoutVersion;
      manifest->shards = shards;
      return Status::Ok();
    }
    if (!fs::exists(index_dir / layout::kManifestFile, error)) return NotAnIndex(given_dir, ForeignEntry(index_dir));
  }
  Status status = IndexLock::Acquire(given_dir, lock);
  if (!status.ok()) return status;
  return ParseManifest(given_dir, manifest);
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
