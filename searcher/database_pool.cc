#include "searcher/database_pool.h"

#include <limits>

namespace newsfacet {

DatabasePool::DatabasePool(std::string path)
    : path_(std::move(path)),
      handles_([this] { return std::make_unique<Xapian::Database>(path_); }, std::numeric_limits<size_t>::max()) {}

DatabasePool::Lease DatabasePool::Acquire() {
  ObjectPool<Xapian::Database>::Lease lease = handles_.Acquire();
  // Cheap when nothing changed, and on a handle just opened: Xapian
  // compares each shard's revision.
  try {
    lease->reopen();
  } catch (...) {
    lease.Discard();
    throw;
  }
  return Lease(std::move(lease));
}

}  // namespace newsfacet
