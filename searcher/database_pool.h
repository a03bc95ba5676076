// Xapian database handles for concurrent requests.
//
// A Xapian::Database is not safe to share between threads, and opening one
// per request costs a file open per table and shard. So handles are pooled:
// a request leases one for its whole life, and no other thread touches it
// meanwhile; the pool grows to the number of requests served at once.
// Leasing reopens the handle at the latest commit, so an index being
// written by `newsfacet index` is searched as of its newest commit.
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

#include "common/object_pool.h"

namespace newsfacet {

class DatabasePool {
 public:
  // `path` is what Xapian opens: the index directory (its stub file).
  explicit DatabasePool(std::string path);
  DatabasePool(const DatabasePool&) = delete;
  DatabasePool& operator=(const DatabasePool&) = delete;

  class Lease {
   public:
    Xapian::Database& db() { return *lease_; }
    // Drops the handle instead of returning it (after an error that may
    // have left it unusable); the next lease opens a new one.
    void Discard() { lease_.Discard(); }

   private:
    friend class DatabasePool;
    explicit Lease(ObjectPool<Xapian::Database>::Lease lease) : lease_(std::move(lease)) {}
    ObjectPool<Xapian::Database>::Lease lease_;
  };

  // A handle at the latest commit. Throws Xapian::Error when the index
  // cannot be opened.
  Lease Acquire();

  const std::string& path() const { return path_; }

 private:
  const std::string path_;
  // Every idle handle is kept: there are never more than requests at once.
  ObjectPool<Xapian::Database> handles_;
};

}  // namespace newsfacet
