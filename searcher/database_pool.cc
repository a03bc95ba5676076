#include "searcher/database_pool.h"

#include <limits>

namespace newsfacet {

DatabasePool::DatabasePool(std::string path, std::vector<std::string> shard_paths)
    : path_(std::move(path)),
      shard_paths_(std::move(shard_paths)),
      handles_([this] { return Open(); }, std::numeric_limits<size_t>::max()) {}

std::unique_ptr<IndexHandles> DatabasePool::Open() const {
  auto handles = std::make_unique<IndexHandles>();
  handles->all = Xapian::Database(path_);
  for (const std::string& shard : shard_paths_) handles->shards.emplace_back(shard);
  return handles;
}

DatabasePool::Lease DatabasePool::Acquire() {
  ObjectPool<IndexHandles>::Lease lease = handles_.Acquire();
  // Cheap when nothing changed, and on a handle just opened: Xapian
  // compares each shard's revision.
  try {
    // Shards first: should a commit land in between, the handle on all
    // shards is the newer, so the shards' revisions never claim a commit
    // that `all` has not seen (browse_cache.h keys answers by them).
    for (Xapian::Database& shard : lease->shards) shard.reopen();
    lease->all.reopen();
  } catch (...) {
    lease.Discard();
    throw;
  }
  return Lease(std::move(lease));
}

}  // namespace newsfacet
