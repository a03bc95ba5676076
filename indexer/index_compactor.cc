#include "indexer/index_compactor.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <system_error>

#include <xapian.h>

#include "schemas/store/index_directory.h"
#include "schemas/index_layout.h"

namespace newsfacet {
namespace fs = std::filesystem;
namespace {

uint64_t DirectoryBytes(const fs::path& dir) {
  uint64_t bytes = 0;
  std::error_code error;
  for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
    if (entry.is_regular_file(error)) bytes += entry.file_size(error);
  }
  return bytes;
}

// Swaps two directory entries atomically (Linux renameat2 RENAME_EXCHANGE,
// through syscall: older C libraries lack the wrapper).
Status ExchangePaths(const fs::path& a, const fs::path& b) {
  constexpr unsigned kRenameExchange = 2;  // RENAME_EXCHANGE, <linux/fs.h>
  if (::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), kRenameExchange) != 0) {
    return Status::Error("cannot swap " + a.string() + " and " + b.string() + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

// So that the swap itself survives a power cut.
void SyncDirectory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// A search reads its matches' facet, date and near-duplicate values as
// streams, block after block, and each block is a pread: 32 KiB blocks take
// a quarter of the reads of Xapian's default 8 KiB, and cost a search ~8%
// less CPU on Reuters (bench/README.md, "Compaction"). Later index runs
// into the shard write whole 32 KiB blocks, which is why not the 64 KiB
// maximum, which searched no faster.
constexpr int kCompactedBlockSize = 32 * 1024;
constexpr int kSmallShardBlockSize = 8 * 1024;

Status CompactShard(const fs::path& shard, ShardCompaction* result) {
  const fs::path compacting = CompactingPath(shard);
  std::error_code error;
  fs::remove_all(compacting, error);  // left by a compaction that was killed
  result->bytes_before = DirectoryBytes(shard);
  const int block_size = result->bytes_before < kSmallShardBytes ? kSmallShardBlockSize : kCompactedBlockSize;
  try {
    Xapian::Database(shard.string()).compact(compacting.string(),
                                             Xapian::Compactor::FULL | Xapian::DBCOMPACT_NO_RENUMBER,
                                             block_size);
  } catch (const Xapian::Error& e) {
    fs::remove_all(compacting, error);
    return Status::Error("cannot compact shard " + shard.string() + ": " + e.get_description());
  }
  Status status = ExchangePaths(compacting, shard);
  if (!status.ok()) {
    fs::remove_all(compacting, error);
    return status;
  }
  SyncDirectory(shard.parent_path());
  fs::remove_all(compacting, error);  // now the old shard
  result->bytes_after = DirectoryBytes(shard);
  return Status::Ok();
}

}  // namespace

fs::path CompactingPath(const fs::path& shard) {
  fs::path path = shard;
  path += layout::kCompactingSuffix;
  return path;
}

Status CompactIndex(const fs::path& index_dir, CompactionSummary* summary) {
  const auto started = std::chrono::steady_clock::now();
  IndexManifest manifest;
  Status status = ReadIndexManifest(index_dir, &manifest);
  if (!status.ok()) return status;
  std::unique_ptr<IndexLock> lock;
  status = IndexLock::Acquire(index_dir, &lock, "newsfacet compact");
  if (!status.ok()) return status;
  for (int shard = 0; shard < manifest.shards && status.ok(); ++shard) {
    ShardCompaction result;
    status = CompactShard(ShardPath(index_dir, shard), &result);
    if (status.ok()) summary->shards.push_back(result);
  }
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return status;
}

}  // namespace newsfacet
