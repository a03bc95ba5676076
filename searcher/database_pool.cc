#include "searcher/database_pool.h"

#include <limits>

namespace newsfacet {

DatabasePool::DatabasePool(std::string path, std::vector<std::string> shard_paths)
    : path_(std::move(path)),
      shard_paths_(std::move(shard_paths)),
      handles_([this] { return Open(); }, std::numeric_limits<size_t>::max()) {}

DatabasePool::DatabasePool(std::function<std::unique_ptr<IndexHandles>()> open,
                           std::chrono::milliseconds retry_missing_after)
    : open_(std::move(open)),
      retry_missing_after_(retry_missing_after),
      handles_([this] { return Open(); }, std::numeric_limits<size_t>::max()) {}

std::unique_ptr<IndexHandles> DatabasePool::Open() const {
  if (open_) return open_();
  auto handles = std::make_unique<IndexHandles>();
  handles->all = Xapian::Database(path_);
  for (const std::string& shard : shard_paths_) handles->shards.emplace_back(shard);
  return handles;
}

ObjectPool<IndexHandles>::Lease DatabasePool::AcquireHandles() {
  ObjectPool<IndexHandles>::Lease lease = handles_.Acquire();
  if (!lease->missing_shards.empty() && std::chrono::steady_clock::now() - lease->opened > retry_missing_after_) {
    lease.Discard();
    return AcquireHandles();
  }
  return lease;
}

DatabasePool::Lease DatabasePool::Acquire() { return Acquire(/*network_retries=*/64); }

DatabasePool::Lease DatabasePool::Acquire(int network_retries) {
  ObjectPool<IndexHandles>::Lease lease = AcquireHandles();
  // Cheap when nothing changed, and on a handle just opened: Xapian
  // compares each shard's revision.
  try {
    // Shards first: should a commit land in between, the handle on all
    // shards is the newer, so the shards' revisions never claim a commit
    // that `all` has not seen (browse_cache.h keys answers by them).
    for (Xapian::Database& shard : lease->shards) shard.reopen();
    lease->all.reopen();
  } catch (const Xapian::NetworkError&) {
    // A cluster's idle connection that its server closed, or a replica
    // gone: the next pooled handle, or a new one, which skips it.
    lease.Discard();
    if (network_retries == 0) throw;
    return Acquire(network_retries - 1);
  } catch (...) {
    lease.Discard();
    throw;
  }
  return Lease(std::move(lease));
}

}  // namespace newsfacet
