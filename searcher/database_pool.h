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
};

class DatabasePool {
 public:
  // `path` is what Xapian opens: the index directory, whose XAPIANDB file
  // lists the shards;
  // `shard_paths` each of its shards.
  DatabasePool(std::string path, std::vector<std::string> shard_paths);
  DatabasePool(const DatabasePool&) = delete;
  DatabasePool& operator=(const DatabasePool&) = delete;

  class Lease {
   public:
    Xapian::Database& db() { return lease_->all; }
    std::vector<Xapian::Database>& shards() { return lease_->shards; }
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

  const std::string path_;
  const std::vector<std::string> shard_paths_;
  // Every idle handle is kept: there are never more than requests at once.
  ObjectPool<IndexHandles> handles_;
};

}  // namespace newsfacet
