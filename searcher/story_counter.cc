#include "story_counter.h"

#include <unordered_set>

#include "index_layout.h"

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

void StoryCounter::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  if (std::optional<uint64_t> key = ParseNearDuplicateKey(doc.get_value(layout::kNearDuplicateSlot))) {
    ++by_key_[*key];
  } else {
    ++unkeyed_;
  }
}

Xapian::doccount StoryCounter::ArticlesWithKey(uint64_t key) const {
  auto found = by_key_.find(key);
  return found == by_key_.end() ? 0 : found->second;
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

}  // namespace newsfacet
