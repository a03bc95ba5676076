// Rewrites an index's shards packed tight, in place.
//
// Each Xapian flush inserts into the middle of the shard's B-trees and
// leaves blocks part full, so an index built in many flushes (any index
// newsfacet writes) holds much free space, often half its size.
// Compaction writes each shard anew beside the old one (Xapian's
// Database::compact, the same document ids, in 32 KiB blocks, or Xapian's
// default 8 KiB for a shard under kSmallShardBytes), then swaps
// the two directories in one atomic rename, so the index opens at every
// moment, and removes the old one. It holds the index lock: no indexer runs
// meanwhile. Readers keep the files they have open (the same articles);
// they move to the compacted shard when the next commit makes them reopen,
// and only then is the old shard's space freed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "common/status.h"

namespace newsfacet {

// A shard smaller than this keeps 8 KiB blocks: a table takes at least a
// block, and a tiny shard rewritten in 32 KiB blocks would grow.
inline constexpr uint64_t kSmallShardBytes = 4 * 1024 * 1024;

struct ShardCompaction {
  uint64_t bytes_before = 0;
  uint64_t bytes_after = 0;
};

struct CompactionSummary {
  std::vector<ShardCompaction> shards;
  double seconds = 0;
};

Status CompactIndex(const std::filesystem::path& index_dir, CompactionSummary* summary);

// Where a shard is written while it is compacted; one left by a compaction
// that was killed is removed by the next.
std::filesystem::path CompactingPath(const std::filesystem::path& shard);

}  // namespace newsfacet
