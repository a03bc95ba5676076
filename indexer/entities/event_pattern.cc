// Event trigger and guard patterns: parsing their text ("shot ~2 dead",
// "(riot|riots)", "assassinat*") and indexing them by first word.
#include <algorithm>
#include <string>

#include "indexer/entities/event_detector.h"
#include "indexer/entities/event_pattern_match.h"

namespace newsfacet {

namespace {

// One word pattern: "word", "prefix*" or "(a|b|c)"; false (with `error`
// set) if malformed.
bool ParseWordPattern(std::string piece, const std::string& text, EventDetector::WordPattern* word, std::string* error) {
  if (piece.front() == '(') {
    if (piece.back() != ')') {
      *error = "unclosed \"(\" in \"" + text + "\"";
      return false;
    }
    piece = piece.substr(1, piece.size() - 2);
    for (size_t start = 0; start <= piece.size();) {
      size_t bar = piece.find('|', start);
      if (bar == std::string::npos) bar = piece.size();
      if (bar > start) word->alternatives.push_back(piece.substr(start, bar - start));
      start = bar + 1;
    }
  } else {
    word->alternatives.push_back(piece);
  }
  for (const std::string& alternative : word->alternatives) {
    if (alternative == "*" || alternative.find('*') < alternative.size() - 1) {
      *error = "a '*' must end a word, after at least one letter, in \"" + text + "\"";
      return false;
    }
  }
  if (word->alternatives.empty()) {
    *error = "empty alternatives in \"" + text + "\"";
    return false;
  }
  for (const std::string& alternative : word->alternatives) {
    const bool prefix = alternative.back() == '*';
    word->hashes.push_back(prefix ? 0 : HashWord(alternative));
    if (prefix && alternative.size() < 3) {
      word->starts.set();  // "a*": any second letter
    } else {
      word->starts.set(event_match::StartBit(alternative));
    }
  }
  return true;
}

// A gap marker "~N" after at least one word pattern; false if malformed.
bool ParseGap(const std::string& piece, bool after_word, int* gap) {
  if (!after_word || piece.size() < 2 ||
      !std::all_of(piece.begin() + 1, piece.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  *gap = std::stoi(piece.substr(1));
  return true;
}

}  // namespace

bool ParseEventPattern(const std::string& text, EventDetector::Pattern* pattern, std::string* error) {
  pattern->words.clear();
  int gap = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    const std::string piece = text.substr(pos, end - pos);
    pos = end;
    if (piece[0] == '~') {
      if (!ParseGap(piece, !pattern->words.empty(), &gap)) {
        *error = "bad gap \"" + piece + "\" in \"" + text + "\"";
        return false;
      }
      continue;
    }
    EventDetector::WordPattern word;
    word.gap_before = gap;
    gap = 0;
    if (!ParseWordPattern(piece, text, &word, error)) return false;
    pattern->words.push_back(std::move(word));
  }
  if (pattern->words.empty() || gap != 0) {
    *error = "pattern \"" + text + "\" is empty or ends with a gap";
    return false;
  }
  return true;
}

uint32_t EventDetector::FirstWords::SlotOf(HashedWord word) const {
  if (word.text.empty() || !pairs.test(Pair(word.text))) return kNone;
  return slots.Find(word);
}

uint32_t EventDetector::FirstWords::Add(const std::string& word) {
  pairs.set(Pair(word));
  return slots.Insert(word, static_cast<uint32_t>(slots.size()));
}

void EventDetector::PatternSet::Add(Pattern pattern, FirstWords& first_words) {
  for (const std::string& first : pattern.words.front().alternatives) {
    Pattern copy = pattern;
    copy.words.front().alternatives = {first};
    copy.words.front().hashes = {first.back() == '*' ? 0 : HashWord(first)};
    if (first.back() == '*') {
      std::string prefix = first.substr(0, first.size() - 1);
      if (prefix.size() < 2) {
        for (size_t second = 0; second < 256; ++second) prefix_pairs_.set(Pair(prefix) | second);  // "a*": any second letter
      } else {
        prefix_pairs_.set(Pair(prefix));
      }
      // Kept sorted, so that MatchAt finds a word's candidates by binary search.
      auto it = std::lower_bound(by_first_prefix_.begin(), by_first_prefix_.end(), prefix,
                                 [](const auto& entry, const std::string& key) { return entry.first < key; });
      if (it == by_first_prefix_.end() || it->first != prefix) it = by_first_prefix_.insert(it, {prefix, {}});
      it->second.push_back(std::move(copy));
    } else {
      const uint32_t slot = first_words.Add(first);
      if (slot >= by_first_word_.size()) by_first_word_.resize(slot + 1);
      by_first_word_[slot].push_back(std::move(copy));
    }
  }
}

}  // namespace newsfacet
