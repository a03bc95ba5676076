#include "indexer/flush_threshold.h"

#include <stdlib.h>

#include <cstdlib>
#include <string>

namespace newsfacet {

// Adding a document to a term's buffered posting list walks a tree of every
// buffered document with that term, so a small buffer means fewer cache
// misses per word, less CPU and a lower peak memory. But each flush
// rewrites the last block of every posting list it touches, and a big run
// flushing that often writes the same blocks over and over; past about
// 200 MB of input a shard, the larger buffer is the quicker
// (bench/README.md has the measurements). Xapian's own default, 10,000, is
// tuned for big runs on one writer.
int FlushThreshold(uint64_t bytes_per_shard) {
  constexpr uint64_t kBigRunBytesPerShard = 200'000'000;
  return bytes_per_shard > kBigRunBytesPerShard ? 2000 : 500;
}

void SetFlushThreshold(int documents) {
  static std::string ours;  // what this process last set
  const char* current = std::getenv("XAPIAN_FLUSH_THRESHOLD");
  if (current != nullptr && ours != current) return;
  ours = std::to_string(documents);
  ::setenv("XAPIAN_FLUSH_THRESHOLD", ours.c_str(), /*overwrite=*/1);
}

}  // namespace newsfacet
