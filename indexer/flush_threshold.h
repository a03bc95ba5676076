// How many documents each shard's Xapian writer buffers before it flushes
// to disk (XAPIAN_FLUSH_THRESHOLD): a trade between CPU and memory per
// document and bytes written per flush.
#pragma once

#include <cstdint>

namespace newsfacet {

// The threshold for a run that brings about `bytes_per_shard` of input to
// each shard.
int FlushThreshold(uint64_t bytes_per_shard);

// Sets XAPIAN_FLUSH_THRESHOLD for the writers opened from now on, unless
// the user set it: a value the user set wins; one an earlier call in this
// process set is replaced. Xapian reads it when a writer opens, so this
// must run before any shard writer exists, and while no other thread reads
// the environment.
void SetFlushThreshold(int documents);

}  // namespace newsfacet
