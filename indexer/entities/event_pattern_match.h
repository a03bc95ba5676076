// The inner loop of event matching, shared by the files of the event
// detector (an internal header: include it only from event_*.cc). MatchAt
// is a template so that the callback of every match is inlined: it runs for
// every word of every article.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/entities/event_detector.h"

namespace newsfacet {
namespace event_match {

inline size_t StartBit(std::string_view word) { return (EventDetector::Pair(word) * 0x9E3779B1u >> 16) % 1024; }

inline bool WordMatches(const EventDetector::WordPattern& pattern, const Token& token) {
  const std::string& word = token.folded;
  if (word.empty() || !pattern.starts.test(StartBit(word))) return false;
  for (size_t a = 0; a < pattern.alternatives.size(); ++a) {
    const std::string& alternative = pattern.alternatives[a];
    if (pattern.hashes[a] != 0) {  // exact: the hashes settle almost every comparison
      if (pattern.hashes[a] == token.folded_hash && word == alternative) return true;
    } else if (word.size() >= alternative.size() - 1 &&
               word.compare(0, alternative.size() - 1, alternative, 0, alternative.size() - 1) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace event_match

template <typename Found>
inline void EventDetector::PatternSet::MatchAt(const std::vector<const Token*>& words, size_t start, uint32_t slot,
                                        Found&& found) const {
  const std::string& first = words[start]->folded;
  if (first.empty()) return;
  auto try_pattern = [&](const Pattern& pattern) {
    size_t at = start;
    for (size_t k = 1; k < pattern.words.size(); ++k) {
      const WordPattern& next = pattern.words[k];
      size_t limit = std::min(words.size(), at + 2 + static_cast<size_t>(next.gap_before));
      size_t found_at = 0;
      for (size_t candidate = at + 1; candidate < limit; ++candidate) {
        if (words[candidate]->sentence != words[start]->sentence) break;
        if (event_match::WordMatches(next, *words[candidate])) {
          found_at = candidate;
          break;
        }
      }
      if (found_at == 0) return;
      at = found_at;
    }
    found(pattern, start, at);
  };
  if (slot < by_first_word_.size()) {
    for (const Pattern& pattern : by_first_word_[slot]) try_pattern(pattern);
  }
  if (!prefix_pairs_.test(Pair(first))) return;
  // Every prefix of `first` sorts after its first letter and no later than
  // `first` itself: only that stretch of the sorted prefixes is tried.
  const auto from = std::lower_bound(by_first_prefix_.begin(), by_first_prefix_.end(), first.substr(0, 1),
                                     [](const auto& entry, const std::string& key) { return entry.first < key; });
  for (auto it = from; it != by_first_prefix_.end() && it->first <= first; ++it) {
    const std::string& prefix = it->first;
    if (first.compare(0, prefix.size(), prefix) != 0) continue;
    for (const Pattern& pattern : it->second) try_pattern(pattern);
  }
}

}  // namespace newsfacet
