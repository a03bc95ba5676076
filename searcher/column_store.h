// The facet columns (facet_columns.h) of an index being served, kept in
// step with its commits.
//
// Columns are read in a background thread, a few seconds per million
// articles, so the first searches after start-up or after a commit count
// from the value slots as before; once the columns of the revision a
// search's handles are at are read, it counts from them. A commit starts a
// new read (of the then newest revision) on the next search that asks; at
// most one read runs at a time, and the columns of the older revision are
// freed once no search uses them. While an index is being written, commits
// come every few seconds: a read starts no sooner after the last one ended
// than twice that read took, so the reads take at most a third of a core.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "searcher/facet_columns.h"

namespace newsfacet {

class ColumnStore {
 public:
  // `shard_paths`: what Xapian opens for each shard, in the shards' order.
  // A read starts no sooner after the last one ended than `pause` times
  // what that read took.
  explicit ColumnStore(std::vector<std::string> shard_paths, int pause = 2)
      : shard_paths_(std::move(shard_paths)), pause_(pause) {}
  ColumnStore(const ColumnStore&) = delete;
  ColumnStore& operator=(const ColumnStore&) = delete;
  // Stops a read under way.
  ~ColumnStore();

  // The columns of exactly `shards`' revisions, or null, and then, unless a
  // read is under way or the columns are newer than `shards`, a read of the
  // shards' newest revisions starts.
  std::shared_ptr<const IndexColumns> For(const std::vector<Xapian::Database>& shards);

  // The memory held by the newest columns read (0: none).
  size_t MemoryBytes();

  // Blocks until no read is under way (for tests and benchmarks).
  void WaitForRead();

 private:
  void Read(std::stop_token stop);

  const std::vector<std::string> shard_paths_;
  const int pause_;
  std::mutex mutex_;
  std::shared_ptr<const IndexColumns> current_;  // guarded by mutex_
  bool reading_ = false;                         // guarded by mutex_
  bool out_of_memory_ = false;                   // guarded by mutex_: no more reads
  std::chrono::steady_clock::time_point next_read_;  // guarded by mutex_: none before
  std::jthread reader_;                          // guarded by mutex_
};

}  // namespace newsfacet
