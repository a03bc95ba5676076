#include "searcher/story_counter.h"

#include <algorithm>
#include <unordered_set>

#include "schemas/index_layout.h"
#include "searcher/facet_columns.h"

namespace newsfacet {

std::optional<uint64_t> ParseNearDuplicateKey(const std::string& value) {
  if (value.empty() || value.size() > 16) return std::nullopt;
  uint64_t key = 0;
  for (char c : value) {
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else {
      return std::nullopt;
    }
    key = key << 4 | static_cast<uint64_t>(digit);
  }
  return key;
}

size_t StoryCounter::FindSlot(uint64_t key) const {
  const size_t mask = table_.size() - 1;  // the size is a power of two
  size_t at = static_cast<size_t>(key ^ (key >> 29)) & mask;
  while (table_[at].count != 0 && table_[at].key != key) at = (at + 1) & mask;
  return at;
}

void StoryCounter::Reserve(size_t keys) {
  if (distinct_keys_ != 0) return;
  size_t size = table_.size();
  while (size < 2 * keys) size *= 2;
  if (size != table_.size()) table_.assign(size, Slot());
}

void StoryCounter::Grow() {
  std::vector<Slot> old(table_.size() * 2);
  old.swap(table_);
  for (const Slot& slot : old) {
    if (slot.count != 0) table_[FindSlot(slot.key)] = slot;
  }
}

void StoryCounter::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  std::optional<uint64_t> key;
  if (columns_) {
    if (const uint64_t column_key = columns_->StoryKey(doc.get_docid()); column_key != kNoStoryKey) key = column_key;
  } else {
    key = ParseNearDuplicateKey(doc.get_value(layout::kNearDuplicateSlot));
  }
  if (!key) {
    ++unkeyed_;
    return;
  }
  Add(*key, 1);
  if (run_length_ == 0) return;
  Slot& slot = table_[FindSlot(*key)];
  const Xapian::docid run = (doc.get_docid() - 1) / run_length_;
  if (slot.count > 1 && slot.last_run == run) {
    pairs_within_runs_ += slot.in_run++;
  } else {
    slot.last_run = run;
    slot.in_run = 1;
  }
}

void StoryCounter::Add(uint64_t key, Xapian::doccount articles) {
  Slot& slot = table_[FindSlot(key)];
  const bool is_new = slot.count == 0;
  slot.count += articles;
  if (is_new) {
    slot.key = key;
    if (++distinct_keys_ * 2 > table_.size()) Grow();  // at most half full, so probes stay short
  }
}

void StoryCounter::Merge(const StoryCounter& other) {
  seen_ += other.seen_;
  pairs_within_runs_ += other.pairs_within_runs_;
  unkeyed_ += other.unkeyed_;
  for (const Slot& slot : other.table_) {
    if (slot.count != 0) Add(slot.key, slot.count);
  }
}

uint64_t StoryCounter::PairsWithinStories() const {
  uint64_t pairs = 0;
  for (const Slot& slot : table_) pairs += uint64_t{slot.count} * (slot.count - (slot.count > 0 ? 1 : 0)) / 2;
  return pairs;
}

Xapian::doccount StoryCounter::ArticlesWithKey(uint64_t key) const {
  return table_[FindSlot(key)].count;
}

StoryPage PickStories(const std::vector<std::optional<uint64_t>>& keys_by_rank, size_t offset, size_t limit) {
  StoryPage page;
  std::unordered_set<uint64_t> shown;
  size_t stories = 0;
  for (size_t rank = 0; rank < keys_by_rank.size(); ++rank) {
    const std::optional<uint64_t>& key = keys_by_rank[rank];
    if (key && !shown.insert(*key).second) continue;  // a better-ranked article tells this story
    if (stories >= offset) page.ranks.push_back(rank);
    if (++stories == offset + limit) {
      page.complete = true;
      return page;
    }
  }
  page.complete = limit == 0;
  return page;
}

std::vector<Xapian::MSetIterator> RankStories(Xapian::Enquire& enquire, Xapian::doccount offset,
                                              Xapian::doccount limit, Xapian::MSet* ranked, StoryCounter* head) {
  Xapian::doccount length = offset + limit + std::max<Xapian::doccount>(limit, 10);
  for (;;) {
    *ranked = enquire.get_mset(0, length);
    std::vector<std::optional<uint64_t>> keys;
    keys.reserve(ranked->size());
    for (auto it = ranked->begin(); it != ranked->end(); ++it) {
      // The key comes with the match when the ranking has it as its collapse key.
      const std::string key = it.get_collapse_key();
      keys.push_back(ParseNearDuplicateKey(!key.empty() ? key : it.get_document().get_value(layout::kNearDuplicateSlot)));
    }
    StoryPage page = PickStories(keys, offset, limit);
    if (page.complete || ranked->size() < length) {
      for (const std::optional<uint64_t>& key : keys) {
        if (head && key) head->Add(*key, 1);
      }
      std::vector<Xapian::MSetIterator> hits;
      for (size_t rank : page.ranks) hits.push_back((*ranked)[static_cast<Xapian::doccount>(rank)]);
      return hits;
    }
    length *= 2;
  }
}

}  // namespace newsfacet
