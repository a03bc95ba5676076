#include "analysis/word_table.h"

namespace newsfacet {

uint64_t HashWord(std::string_view word) {
  // FNV-1a: words are short, and this is cheaper than std::hash.
  uint64_t hash = kWordHashStart;
  for (unsigned char c : word) hash = AddToWordHash(hash, c);
  return FinishWordHash(hash);
}

uint32_t WordTable::Find(HashedWord word) const {
  if (slots_.empty()) return kMissing;
  const uint32_t check = CheckOf(word.hash);
  const size_t mask = slots_.size() - 1;
  for (size_t i = word.hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.check == 0) return kMissing;
    if (Matches(slot, check, word.text)) return entries_[slot.entry].value;
  }
}

uint32_t WordTable::Insert(HashedWord word, uint32_t value) {
  if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
  const uint32_t check = CheckOf(word.hash);
  const size_t mask = slots_.size() - 1;
  size_t i = word.hash & mask;
  for (; slots_[i].check != 0; i = (i + 1) & mask) {
    if (Matches(slots_[i], check, word.text)) return entries_[slots_[i].entry].value;
  }
  slots_[i] = Slot{check, static_cast<uint32_t>(entries_.size())};
  entries_.push_back(Entry{word.hash, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(word.text.size()), value});
  keys_.append(word.text);
  return value;
}

void WordTable::Reserve(size_t words, size_t bytes) {
  entries_.reserve(words);
  keys_.reserve(bytes);
  size_t slots = 16;
  while (slots < words * 2) slots *= 2;
  if (slots > slots_.size()) {
    slots_.assign(slots / 2, Slot{});  // Grow() doubles it and places the entries
    Grow();
  }
}

void WordTable::Grow() {
  slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (uint32_t e = 0; e < entries_.size(); ++e) {
    size_t i = entries_[e].hash & mask;
    while (slots_[i].check != 0) i = (i + 1) & mask;
    slots_[i] = Slot{CheckOf(entries_[e].hash), e};
  }
}

}  // namespace newsfacet
