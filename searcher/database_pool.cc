#include "searcher/database_pool.h"

namespace newsfacet {

DatabasePool::Lease::~Lease() {
  if (db_) pool_->Return(std::move(db_));
}

DatabasePool::Lease DatabasePool::Acquire() {
  std::unique_ptr<Xapian::Database> db;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      db = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (db) {
    // Cheap when nothing changed: Xapian compares each shard's revision.
    db->reopen();
  } else {
    db = std::make_unique<Xapian::Database>(path_);
  }
  return Lease(this, std::move(db));
}

void DatabasePool::Return(std::unique_ptr<Xapian::Database> db) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(db));
}

}  // namespace newsfacet
