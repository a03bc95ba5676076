// Counts per short string (a facet value id), for the counters that run
// once per match: an open-addressing table of (hash, count), each id's
// text stored once, when first seen. A match costs a hash of its ids and a
// probe, with no allocation; the table grows with the distinct ids (at most
// the entities of the index), not with the matches.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/fast_hash.h"

namespace newsfacet {

template <typename Value>
class ShortStringTable {
 public:
  struct Entry {
    uint64_t hash = 0;
    uint32_t text = 0;  // index into texts_ + 1; 0: the slot is empty
    Value value{};
  };

  static uint64_t HashOf(std::string_view text) { return FastHash(text); }

  // The value of `text` (whose hash is `hash`), inserted as Value{} when
  // absent. The reference is valid until the next insertion.
  Value& operator()(std::string_view text, uint64_t hash) {
    size_t at = Find(text, hash);
    if (table_[at].text == 0) {
      texts_.emplace_back(text);
      table_[at].hash = hash;
      table_[at].text = static_cast<uint32_t>(texts_.size());
      if (texts_.size() * 2 > table_.size()) {  // at most half full: probes stay short
        Grow();
        at = Find(text, hash);
      }
    }
    return table_[at].value;
  }

  // The value of `text`, or null when absent.
  const Value* Lookup(std::string_view text) const {
    const Entry& entry = table_[Find(text, HashOf(text))];
    return entry.text == 0 ? nullptr : &entry.value;
  }

  size_t size() const { return texts_.size(); }
  const std::string& TextOf(const Entry& entry) const { return texts_[entry.text - 1]; }

  // Calls visit(text, hash, value) for every entry.
  template <typename Visit>
  void ForEach(Visit&& visit) const {
    for (const Entry& entry : table_) {
      if (entry.text != 0) visit(texts_[entry.text - 1], entry.hash, entry.value);
    }
  }

 private:
  size_t Find(std::string_view text, uint64_t hash) const {
    const size_t mask = table_.size() - 1;  // the size is a power of two
    size_t at = static_cast<size_t>(hash) & mask;
    // The text is compared too: two ids whose hashes collide stay apart.
    while (table_[at].text != 0 && (table_[at].hash != hash || texts_[table_[at].text - 1] != text)) {
      at = (at + 1) & mask;
    }
    return at;
  }

  void Grow() {
    std::vector<Entry> old(table_.size() * 2);
    old.swap(table_);
    const size_t mask = table_.size() - 1;
    for (const Entry& entry : old) {
      if (entry.text == 0) continue;
      size_t at = static_cast<size_t>(entry.hash) & mask;
      while (table_[at].text != 0) at = (at + 1) & mask;
      table_[at] = entry;
    }
  }

  std::vector<Entry> table_ = std::vector<Entry>(64);
  std::vector<std::string> texts_;
};

}  // namespace newsfacet
