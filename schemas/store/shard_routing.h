// Which shard an article belongs to: a stable hash of its id (FNV-1a, the
// same on every machine and build) modulo the number of shards. The indexer
// routes each article to one of an index's shards by it, and `newsfacet
// index --shard K/N` keeps the articles of shard K of a cluster of N by it,
// so that hosts reading the same input build disjoint shards that hold every
// article once. Changing N moves most articles: a cluster with another
// number of shards is built anew.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/stable_hash.h"

namespace newsfacet {

inline int ShardOfArticle(std::string_view article_id, int shard_count) {
  return static_cast<int>(StableHash(article_id) % static_cast<uint64_t>(shard_count));
}

}  // namespace newsfacet
