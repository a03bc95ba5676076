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
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsfacet {

class DatabasePool {
 public:
  // `path` is what Xapian opens: the index directory (its stub file).
  explicit DatabasePool(std::string path) : path_(std::move(path)) {}
  DatabasePool(const DatabasePool&) = delete;
  DatabasePool& operator=(const DatabasePool&) = delete;

  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), db_(std::move(other.db_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    Xapian::Database& db() { return *db_; }
    // Drops the handle instead of returning it (after an error that may
    // have left it unusable); the next lease opens a new one.
    void Discard() { db_.reset(); }

   private:
    friend class DatabasePool;
    Lease(DatabasePool* pool, std::unique_ptr<Xapian::Database> db) : pool_(pool), db_(std::move(db)) {}
    DatabasePool* pool_;
    std::unique_ptr<Xapian::Database> db_;
  };

  // A handle at the latest commit. Throws Xapian::Error when the index
  // cannot be opened.
  Lease Acquire();

  const std::string& path() const { return path_; }

 private:
  void Return(std::unique_ptr<Xapian::Database> db);

  const std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Xapian::Database>> idle_;
};

}  // namespace newsfacet
