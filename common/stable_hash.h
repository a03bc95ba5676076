// A 64-bit hash that is the same on every machine and every run (FNV-1a):
// it picks an article's shard and fingerprints file contents, both of which
// are stored, so std::hash (free to change between builds) will not do.
#pragma once

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace newsfacet {

inline constexpr uint64_t kStableHashSeed = 14695981039346656037ull;

inline uint64_t StableHash(std::string_view bytes, uint64_t seed = kStableHashSeed) {
  uint64_t hash = seed;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 1099511628211ull;
  }
  return hash;
}

// 16 hex digits: how hashes are stored in value slots (file and content stamps).
inline std::string HashHex(uint64_t hash) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016" PRIx64, hash);
  return hex;
}

}  // namespace newsfacet
