// An index on disk: a directory of Xapian shards, a stub file that lets any
// Xapian reader open them as one database, a manifest, a catalog and a lock.
// See schemas/index_layout.md for the files.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace newsfacet {

// Exclusive right to write an index, held from Acquire() until destruction.
// Backed by flock(), so the kernel releases it even after kill -9.
class IndexLock {
 public:
  // Fails with "index DIR is locked by pid N (newsfacet index, started ...)"
  // when another process holds it; `command` is what this one tells others.
  static Status Acquire(const std::filesystem::path& index_dir, std::unique_ptr<IndexLock>* lock,
                        std::string_view command = "newsfacet index");
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  explicit IndexLock(int fd) : fd_(fd) {}
  int fd_;
};

struct IndexManifest {
  int layout_version = 0;
  int shards = 0;
};

// Creates a new index of `shards` shards, or reads the manifest of an
// existing one (whose shard count then wins over `shards`). A new index is
// built whole beside INDEX_DIR and renamed into place, so a creation killed
// or raced by another leaves no index or a whole one. With `lock`, returns
// holding the index lock, taken before anything is written. Fails on a
// directory that holds something else, an index of another layout version,
// or (with `lock`) an index another process holds.
Status CreateOrOpenIndexDirectory(const std::filesystem::path& index_dir, int shards,
                                  IndexManifest* manifest, std::unique_ptr<IndexLock>* lock = nullptr);

// Reads the manifest of an existing index (for readers).
Status ReadIndexManifest(const std::filesystem::path& index_dir, IndexManifest* manifest);

std::filesystem::path ShardPath(const std::filesystem::path& index_dir, int shard);
std::filesystem::path CatalogPath(const std::filesystem::path& index_dir);

}  // namespace newsfacet
