#include "event_detector.h"

#include <algorithm>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

namespace newsfacet {
namespace {

// A score this close under the threshold passes: 1.0 x 3 must reach 3.0.
constexpr double kTolerance = 1e-9;

size_t StartBit(std::string_view word) { return (EventDetector::Pair(word) * 0x9E3779B1u >> 16) % 1024; }

bool WordMatches(const EventDetector::WordPattern& pattern, const Token& token) {
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
    std::string piece = text.substr(pos, end - pos);
    pos = end;
    if (piece[0] == '~') {
      if (pattern->words.empty() || piece.size() < 2 || !std::all_of(piece.begin() + 1, piece.end(), ::isdigit)) {
        *error = "bad gap \"" + piece + "\" in \"" + text + "\"";
        return false;
      }
      gap = std::stoi(piece.substr(1));
      continue;
    }
    EventDetector::WordPattern word;
    word.gap_before = gap;
    gap = 0;
    if (piece.front() == '(') {
      if (piece.back() != ')') {
        *error = "unclosed \"(\" in \"" + text + "\"";
        return false;
      }
      piece = piece.substr(1, piece.size() - 2);
      for (size_t start = 0; start <= piece.size();) {
        size_t bar = piece.find('|', start);
        if (bar == std::string::npos) bar = piece.size();
        if (bar > start) word.alternatives.push_back(piece.substr(start, bar - start));
        start = bar + 1;
      }
    } else {
      word.alternatives.push_back(piece);
    }
    for (const std::string& alternative : word.alternatives) {
      if (alternative == "*" || alternative.find('*') < alternative.size() - 1) {
        *error = "a '*' must end a word, after at least one letter, in \"" + text + "\"";
        return false;
      }
    }
    if (word.alternatives.empty()) {
      *error = "empty alternatives in \"" + text + "\"";
      return false;
    }
    for (const std::string& alternative : word.alternatives) {
      const bool prefix = alternative.back() == '*';
      word.hashes.push_back(prefix ? 0 : HashWord(alternative));
      if (prefix && alternative.size() < 3) {
        word.starts.set();  // "a*": any second letter
      } else {
        word.starts.set(StartBit(alternative));
      }
    }
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

template <typename Found>
void EventDetector::PatternSet::MatchAt(const std::vector<const Token*>& words, size_t start, uint32_t slot,
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
        if (WordMatches(next, *words[candidate])) {
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

Status EventDetector::Load(const std::filesystem::path& data_dir, EventDetector* detector) {
  const std::filesystem::path path = data_dir / "events.json";
  std::ifstream in(path);
  if (!in) return Status::Error("cannot read " + path.string());
  nlohmann::json vocabulary = nlohmann::json::parse(in, nullptr, false);
  if (vocabulary.is_discarded()) return Status::Error(path.string() + " is not valid JSON");
  Status status = detector->LoadVocabulary(vocabulary);
  if (!status.ok()) return Status::Error(path.string() + ": " + status.message());
  return Status::Ok();
}

Status EventDetector::LoadVocabulary(const nlohmann::json& vocabulary) {
  if (!vocabulary.is_object() || !vocabulary.value("events", nlohmann::json()).is_array()) {
    return Status::Error("expected an object with an \"events\" array");
  }
  threshold_ = vocabulary.value("threshold", 3.0);
  const nlohmann::json positions = vocabulary.value("position_weights", nlohmann::json::object());
  title_weight_ = positions.value("title", 3.0);
  lead_weight_ = positions.value("lead", 2.0);
  body_weight_ = positions.value("body", 1.0);
  std::map<std::string, int> index_of;
  for (const auto& event : vocabulary["events"]) {
    index_of[event.value("id", "")] = static_cast<int>(events_.size());
    events_.push_back({event.value("id", ""), event.value("label", ""), {}});
  }
  std::string error;
  for (const auto& event : vocabulary["events"]) {
    const int owner = index_of[event.value("id", "")];
    for (const auto& implied : event.value("implies", nlohmann::json::array())) {
      if (implied.is_string() && index_of.count(implied.get<std::string>())) {
        events_[static_cast<size_t>(owner)].implies.push_back(index_of[implied.get<std::string>()]);
      }
    }
    for (const auto& trigger : event.value("triggers", nlohmann::json::array())) {
      Pattern pattern;
      if (!ParseEventPattern(trigger.value("pattern", ""), &pattern, &error)) return Status::Error(error);
      pattern.weight = trigger.value("weight", 1.0);
      pattern.owner = owner;
      triggers_.Add(std::move(pattern), first_words_);
    }
  }
  for (const auto& guard_json : vocabulary.value("guards", nlohmann::json::array())) {
    Guard guard;
    guard.article_scope = guard_json.value("scope", "sentence") == "article";
    guard.min_score = guard_json.value("min_score", guard_json.value("threshold", 1.0));
    guard.factor = guard_json.value("factor", 0.0);
    if (guard.factor < 0 || guard.factor > 1) return Status::Error("a guard's factor must be from 0 to 1 (guards only discount)");
    for (const auto& event : guard_json.value("events", nlohmann::json::array())) {
      if (event.is_string() && index_of.count(event.get<std::string>())) guard.events.push_back(index_of[event.get<std::string>()]);
    }
    const int owner = static_cast<int>(guards_.size());
    guards_.push_back(guard);
    for (const auto& entry : guard_json.value("patterns", nlohmann::json::array())) {
      Pattern pattern;
      std::string text = entry.is_string() ? entry.get<std::string>() : entry.value("pattern", "");
      if (!ParseEventPattern(text, &pattern, &error)) return Status::Error(error);
      pattern.weight = entry.is_object() ? entry.value("weight", 1.0) : 1.0;
      pattern.owner = owner;
      guard_patterns_.Add(std::move(pattern), first_words_);
    }
  }
  return Status::Ok();
}

bool EventDetector::Guarded(const Guard& guard, int event) const {
  return guard.events.empty() || std::find(guard.events.begin(), guard.events.end(), event) != guard.events.end();
}

double EventDetector::PartWeight(TextPart part) const {
  switch (part) {
    case TextPart::kTitle: return title_weight_;
    case TextPart::kLead: return lead_weight_;
    default: return body_weight_;
  }
}

const std::string& EventDetector::LabelOf(const std::string& id) const {
  static const std::string kUnknown;
  for (const Event& event : events_) {
    if (event.id == id) return event.label;
  }
  return kUnknown;
}

std::vector<EventMention> EventDetector::Detect(const TokenStream& stream) const {
  std::vector<const Token*> words;
  std::vector<uint32_t> slots;  // each word's FirstWords slot
  for (const Token& token : stream.tokens) {
    if (!token.is_word) continue;
    words.push_back(&token);
    slots.push_back(first_words_.SlotOf(token.word()));
  }
  struct Match {
    int event;
    size_t first, last;
    double weight;
  };
  std::vector<Match> matches;
  for (size_t start = 0; start < words.size(); ++start) {
    triggers_.MatchAt(words, start, slots[start], [&](const Pattern& pattern, size_t first, size_t last) {
      matches.push_back({pattern.owner, first, last, pattern.weight});
    });
  }
  // Guards only discount (factors are at most 1), so an article whose
  // matches could not reach the threshold even unguarded reports nothing:
  // most articles, spared the guard patterns.
  std::vector<double> unguarded(events_.size(), 0);
  for (const Match& match : matches) {
    unguarded[static_cast<size_t>(match.event)] += std::max(0.0, match.weight) * PartWeight(words[match.first]->part);
  }
  if (std::none_of(unguarded.begin(), unguarded.end(), [&](double score) { return score >= threshold_ - kTolerance; })) {
    return {};
  }
  // Which sentences the guards cancel, how strongly each article guard holds.
  std::map<int, std::vector<int>> sentence_guards;  // sentence -> guard indexes
  std::vector<double> article_guard_score(guards_.size(), 0);
  for (size_t start = 0; start < words.size(); ++start) {
    guard_patterns_.MatchAt(words, start, slots[start], [&](const Pattern& pattern, size_t first, size_t) {
      const Guard& guard = guards_[static_cast<size_t>(pattern.owner)];
      if (guard.article_scope) {
        article_guard_score[static_cast<size_t>(pattern.owner)] += pattern.weight * PartWeight(words[first]->part);
      } else {
        std::vector<int>& guards = sentence_guards[words[first]->sentence];
        if (std::find(guards.begin(), guards.end(), pattern.owner) == guards.end()) guards.push_back(pattern.owner);
      }
    });
  }
  // Per sentence and event, overlapping matches count once, the heaviest
  // (then the longest): "shot dead" and "shot" are one clue, not two.
  std::sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
    int sentence_a = words[a.first]->sentence, sentence_b = words[b.first]->sentence;
    if (sentence_a != sentence_b) return sentence_a < sentence_b;
    if (a.event != b.event) return a.event < b.event;
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.last - a.first > b.last - b.first;
  });
  std::vector<double> score(events_.size(), 0);
  std::vector<int> mentions(events_.size(), 0);
  std::vector<std::pair<size_t, size_t>> kept;  // spans kept for the current sentence and event
  for (size_t m = 0; m < matches.size(); ++m) {
    const Match& match = matches[m];
    const int sentence = words[match.first]->sentence;
    if (m == 0 || match.event != matches[m - 1].event || sentence != words[matches[m - 1].first]->sentence) kept.clear();
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const auto& span) {
      return match.first <= span.second && span.first <= match.last;
    });
    if (overlaps) continue;
    kept.emplace_back(match.first, match.last);
    double weight = match.weight;
    if (auto guards = sentence_guards.find(sentence); guards != sentence_guards.end()) {
      for (int guard : guards->second) {
        if (Guarded(guards_[static_cast<size_t>(guard)], match.event)) weight *= guards_[static_cast<size_t>(guard)].factor;
      }
    }
    for (size_t g = 0; g < guards_.size(); ++g) {
      const Guard& guard = guards_[g];
      if (guard.article_scope && article_guard_score[g] >= guard.min_score && Guarded(guard, match.event)) {
        weight *= guard.factor;
      }
    }
    weight *= PartWeight(words[match.first]->part);
    if (weight <= 0) continue;
    score[static_cast<size_t>(match.event)] += weight;
    ++mentions[static_cast<size_t>(match.event)];
  }
  std::vector<bool> reported(events_.size(), false);
  for (size_t e = 0; e < events_.size(); ++e) {
    if (score[e] < threshold_ - kTolerance) continue;
    reported[e] = true;
    for (int implied : events_[e].implies) {
      reported[static_cast<size_t>(implied)] = true;
      mentions[static_cast<size_t>(implied)] = std::max(mentions[static_cast<size_t>(implied)], mentions[e]);
    }
  }
  std::vector<EventMention> found;
  for (size_t e = 0; e < events_.size(); ++e) {
    if (reported[e]) found.push_back({events_[e].id, events_[e].label, mentions[e]});
  }
  return found;
}

}  // namespace newsfacet
