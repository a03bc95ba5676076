// A set of words, each with a small number: the word lists and pattern
// index entity finding looks every token of every article up in, the
// scratch sets it keeps per article, and TermWriter's vocabulary.
//
// Open addressing over one array with a power-of-two size: a lookup is one
// short hash and, almost always, one probe whose stored hash settles it.
// std::unordered_set costs a division and two or three scattered nodes per
// lookup, and profiles showed those lookups as a third of extraction time.
// Not synchronised: build it, then share it read-only between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

// HashWord in steps, for code that reads a word's bytes anyway:
// FinishWordHash(fold of AddToWordHash from kWordHashStart) == HashWord.
inline constexpr uint64_t kWordHashStart = 1469598103934665603ULL;  // FNV-1a
inline uint64_t AddToWordHash(uint64_t hash, unsigned char c) { return (hash ^ c) * 1099511628211ULL; }
inline uint64_t FinishWordHash(uint64_t hash) {
  // A finalising mix, so that the low bits (the slot) and the high bits
  // (the check) depend on every byte.
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdULL;
  hash ^= hash >> 33;
  return hash | 1;
}
uint64_t HashWord(std::string_view word);  // never 0

// A word with its hash, computed once: each word of an article is looked up
// in several tables (a Token keeps the hash of its folded form).
struct HashedWord {
  HashedWord(std::string_view word) : text(word), hash(HashWord(word)) {}  // NOLINT: implicit on purpose
  HashedWord(const std::string& word) : HashedWord(std::string_view(word)) {}  // NOLINT
  HashedWord(const char* word) : HashedWord(std::string_view(word)) {}  // NOLINT
  HashedWord(std::string_view word, uint64_t word_hash) : text(word), hash(word_hash) {}
  std::string_view text;
  uint64_t hash;
};

class WordTable {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // Adds `word` with `value` unless present; returns the value it has.
  uint32_t Insert(HashedWord word, uint32_t value = 0);
  // The word's value, or kMissing.
  uint32_t Find(HashedWord word) const;
  bool Contains(HashedWord word) const { return Find(word) != kMissing; }
  size_t size() const { return entries_.size(); }
  // Room for `words` words (and `bytes` of them) without growing.
  void Reserve(size_t words, size_t bytes);

 private:
  // Probing reads only slots, 8 bytes each, so that even the 9,000 first
  // names stay in cache; the words themselves are read on a likely match.
  struct Slot {
    uint32_t check = 0;  // the hash's high half, never 0 (0: an empty slot)
    uint32_t entry = 0;  // index into entries_
  };
  struct Entry {
    uint64_t hash;
    uint32_t key_offset, key_length;
    uint32_t value;
  };
  static uint32_t CheckOf(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1; }
  bool Matches(const Slot& slot, uint32_t check, std::string_view word) const {
    if (slot.check != check) return false;
    const Entry& entry = entries_[slot.entry];
    return std::string_view(keys_).substr(entry.key_offset, entry.key_length) == word;
  }
  void Grow();

  std::vector<Slot> slots_;     // a power of two of them, at most half used
  std::vector<Entry> entries_;  // in insertion order
  std::string keys_;            // every word, back to back
};

}  // namespace newsfacet
