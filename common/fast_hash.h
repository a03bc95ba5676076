// A fast hash for the short strings facet counting looks up millions of
// times a second (ids, slot values, surnames): FxHash's mix, eight bytes at
// a time. Not for anything an attacker chooses to collide: request text
// never becomes a key here, only values from the index.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsfacet {

inline size_t FastHash(std::string_view text) {
  constexpr uint64_t kSeed = 0x517cc1b727220a95ull;
  auto mix = [](uint64_t hash, uint64_t word) { return (((hash << 5) | (hash >> 59)) ^ word) * kSeed; };
  uint64_t hash = text.size();
  const char* bytes = text.data();
  size_t left = text.size();
  for (; left >= 8; bytes += 8, left -= 8) {
    uint64_t word;
    std::memcpy(&word, bytes, 8);
    hash = mix(hash, word);
  }
  if (left > 0) {
    uint64_t word = 0;
    std::memcpy(&word, bytes, left);
    hash = mix(hash, word);
  }
  return static_cast<size_t>(hash ^ (hash >> 32));
}

// For unordered containers keyed by std::string and looked up by string_view.
struct FastStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return FastHash(text); }
};

}  // namespace newsfacet
