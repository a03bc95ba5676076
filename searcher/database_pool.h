// Xapian database handles for concurrent requests.
//
// A Xapian::Database is not safe to share between threads, and opening one
// per request costs a file open per table and shard. So handles are pooled:
// a request leases one for its whole life, and no other thread touches it
// meanwhile; the pool grows to the number of requests served at once.
// Leasing reopens the handle at the latest commit, so an index being
// written by `newsfacet index` is searched as of its newest commit.
//
// A lease holds two views of the index: one handle on all its shards (to
// rank), and one handle per shard, opened apart so that a thread per shard
// can count while the ranking goes on (shard_counts.h).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/object_pool.h"

namespace newsfacet {

// What a lease holds. `shards` share nothing with `all`.
struct IndexHandles {
  Xapian::Database all;
  std::vector<Xapian::Database> shards;
  // A cluster's handle (remote_shards.h) has no `shards`, and names here
  // the shards none of whose replicas answered when it was opened.
  std::vector<int> missing_shards;
  std::chrono::steady_clock::time_point opened = std::chrono::steady_clock::now();
};

class DatabasePool {
 public:
  // `path` is what Xapian opens: the index directory, whose XAPIANDB file
  // lists the shards;
  // `shard_paths` each of its shards.
  DatabasePool(std::string path, std::vector<std::string> shard_paths);
  // Handles made by `open` (a cluster's: remote_shards.h). One that lacks
  // shards is opened again once `retry_missing_after` has passed, so that
  // a shard that comes back is searched again.
  DatabasePool(std::function<std::unique_ptr<IndexHandles>()> open, std::chrono::milliseconds retry_missing_after);
  DatabasePool(const DatabasePool&) = delete;
  DatabasePool& operator=(const DatabasePool&) = delete;

  class Lease {
   public:
    Xapian::Database& db() { return lease_->all; }
    std::vector<Xapian::Database>& shards() { return lease_->shards; }
    const std::vector<int>& missing_shards() const { return lease_->missing_shards; }
    // Drops the handle instead of returning it (after an error that may
    // have left it unusable); the next lease opens a new one.
    void Discard() { lease_.Discard(); }

   private:
    friend class DatabasePool;
    explicit Lease(ObjectPool<IndexHandles>::Lease lease) : lease_(std::move(lease)) {}
    ObjectPool<IndexHandles>::Lease lease_;
  };

  // A handle at the latest commit. Throws Xapian::Error when the index
  // cannot be opened.
  Lease Acquire();

  const std::string& path() const { return path_; }

 private:
  std::unique_ptr<IndexHandles> Open() const;
  Lease Acquire(int network_retries);
  // A pooled handle, or a new one in place of one lacking shards for too long.
  ObjectPool<IndexHandles>::Lease AcquireHandles();

  const std::string path_;
  const std::vector<std::string> shard_paths_;
  const std::function<std::unique_ptr<IndexHandles>()> open_;
  const std::chrono::milliseconds retry_missing_after_{0};
  // Every idle handle is kept: there are never more than requests at once.
  ObjectPool<IndexHandles> handles_;
};

}  // namespace newsfacet
