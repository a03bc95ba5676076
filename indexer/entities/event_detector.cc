#include "indexer/entities/event_detector.h"

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
      if (pattern->words.empty() || piece.size() < 2 || !std::all_of(piece.begin() + 1, piece.end(), [](char c) { return c >= '0' && c <= '9'; })) {
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
  const nlohmann::json salience = vocabulary.value("salience", nlohmann::json::object());
  body_min_score_ = salience.value("body_min_score", threshold_);
  body_min_sentences_ = salience.value("body_min_sentences", 1);
  anchor_weight_ = salience.value("anchor_weight", 0.0);
  prominent_min_score_ = salience.value("prominent_min_score", 0.0);
  unanchored_min_score_ = salience.value("unanchored_min_score", 0.0);
  std::map<std::string, int> index_of;
  for (const auto& event : vocabulary["events"]) {
    index_of[event.value("id", "")] = static_cast<int>(events_.size());
    events_.push_back({event.value("id", ""), event.value("label", ""), {}, {}});
  }
  std::string error;
  for (const auto& event : vocabulary["events"]) {
    const int owner = index_of[event.value("id", "")];
    for (const auto& implied : event.value("implies", nlohmann::json::array())) {
      if (implied.is_string() && index_of.count(implied.get<std::string>())) {
        events_[static_cast<size_t>(owner)].implies.push_back(index_of[implied.get<std::string>()]);
      }
    }
    for (const auto& superseded : event.value("supersedes", nlohmann::json::array())) {
      if (superseded.is_string() && index_of.count(superseded.get<std::string>())) {
        events_[static_cast<size_t>(owner)].supersedes.push_back(index_of[superseded.get<std::string>()]);
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
  return LoadGuards(vocabulary, index_of);
}

Status EventDetector::LoadGuards(const nlohmann::json& vocabulary, const std::map<std::string, int>& index_of) {
  std::string error;
  auto add_patterns = [&](const nlohmann::json& entries, int owner, PatternSet& set) {
    for (const auto& entry : entries) {
      Pattern pattern;
      std::string text = entry.is_string() ? entry.get<std::string>() : entry.value("pattern", "");
      if (!ParseEventPattern(text, &pattern, &error)) return false;
      pattern.weight = entry.is_object() ? entry.value("weight", 1.0) : 1.0;
      pattern.owner = owner;
      set.Add(std::move(pattern), first_words_);
    }
    return true;
  };
  for (const auto& guard_json : vocabulary.value("guards", nlohmann::json::array())) {
    Guard guard;
    guard.article_scope = guard_json.value("scope", "sentence") == "article";
    guard.background = guard_json.value("kind", "sense") == "background";
    guard.min_score = guard_json.value("min_score", guard_json.value("threshold", 1.0));
    guard.factor = guard_json.value("factor", 0.0);
    guard.organisation_weight = guard_json.value("organisation_weight", 0.0);
    if (guard_json.value("years", "") == "earlier") guard.earlier_year_within = guard_json.value("within", 5);
    if (guard.earlier_year_within > 0 && guard.article_scope) return Status::Error("\"years\" is for sentence guards only");
    if (guard.factor < 0 || guard.factor > 1) return Status::Error("a guard's factor must be from 0 to 1 (guards only discount)");
    for (const auto& event : guard_json.value("events", nlohmann::json::array())) {
      if (event.is_string() && index_of.count(event.get<std::string>())) guard.events.push_back(index_of.at(event.get<std::string>()));
    }
    const int owner = static_cast<int>(guards_.size());
    const nlohmann::json unless = guard_json.value("unless", nlohmann::json::object());
    guard.unless_min_score = unless.value("min_score", 0.0);
    guard.unless_country_weight = unless.value("country_weight", 0.0);
    guards_.push_back(guard);
    if (!add_patterns(guard_json.value("patterns", nlohmann::json::array()), owner, guard_patterns_) ||
        !add_patterns(unless.value("patterns", nlohmann::json::array()), owner, unless_patterns_)) {
      return Status::Error(error);
    }
  }
  return Status::Ok();
}

int EventDetector::YearOf(std::string_view iso_date) {
  if (iso_date.size() < 4 || !std::all_of(iso_date.begin(), iso_date.begin() + 4, ::isdigit)) return 0;
  return std::stoi(std::string(iso_date.substr(0, 4)));
}

std::vector<size_t> EventDetector::FindEarlierYears(const std::vector<const Token*>& words, int article_year) {
  std::vector<size_t> years;
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string& text = words[w]->folded;
    if (text.size() != 4 || !std::all_of(text.begin(), text.end(), ::isdigit)) continue;
    const int year = std::stoi(text);
    // An undated article's own year is unknown, so any year named may be
    // past; an article that names no year loses nothing.
    if (year < 1900 || year > 2099 || (article_year != 0 && year >= article_year)) continue;
    years.push_back(w);
  }
  return years;
}

bool EventDetector::NearEarlierYear(const std::vector<const Token*>& words, const GuardState& guards, const Match& match,
                                    int within) const {
  const size_t from = match.first > static_cast<size_t>(within) ? match.first - static_cast<size_t>(within) : 0;
  auto year = std::lower_bound(guards.earlier_years.begin(), guards.earlier_years.end(), from);
  return year != guards.earlier_years.end() && *year <= match.last + static_cast<size_t>(within) &&
         words[*year]->sentence == words[match.first]->sentence;
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

EventDetector::GuardState EventDetector::FindGuards(const std::vector<const Token*>& words,
                                                    const std::vector<uint32_t>& slots,
                                                    const EventParticipants& participants) const {
  GuardState state;
  std::vector<double> context(guards_.size(), 0), unless(guards_.size(), 0);
  for (size_t start = 0; start < words.size(); ++start) {
    guard_patterns_.MatchAt(words, start, slots[start], [&](const Pattern& pattern, size_t first, size_t) {
      const Guard& guard = guards_[static_cast<size_t>(pattern.owner)];
      if (guard.article_scope) {
        context[static_cast<size_t>(pattern.owner)] += pattern.weight * PartWeight(words[first]->part);
      } else {
        std::vector<int>& guards = state.sentence_guards[words[first]->sentence];
        if (std::find(guards.begin(), guards.end(), pattern.owner) == guards.end()) guards.push_back(pattern.owner);
      }
    });
    unless_patterns_.MatchAt(words, start, slots[start], [&](const Pattern& pattern, size_t first, size_t) {
      unless[static_cast<size_t>(pattern.owner)] += pattern.weight * PartWeight(words[first]->part);
    });
  }
  state.earlier_years = FindEarlierYears(words, participants.article_year);
  const size_t organisations = participants.organisations ? participants.organisations->size() : 0;
  size_t salient_countries = 0;
  if (participants.countries) {
    for (const CountryMention& country : *participants.countries) salient_countries += country.salient ? 1 : 0;
  }
  state.article_guard_holds.assign(guards_.size(), false);
  for (size_t g = 0; g < guards_.size(); ++g) {
    const Guard& guard = guards_[g];
    if (!guard.article_scope) continue;
    context[g] += guard.organisation_weight * static_cast<double>(organisations);
    unless[g] += guard.unless_country_weight * static_cast<double>(salient_countries);
    const bool lifted = guard.unless_min_score > 0 && unless[g] >= guard.unless_min_score - kTolerance;
    state.article_guard_holds[g] = context[g] >= guard.min_score - kTolerance && !lifted;
  }
  return state;
}

std::vector<EventDetector::EventScore> EventDetector::ScoreEvents(const std::vector<const Token*>& words,
                                                                  std::vector<Match> matches,
                                                                  const GuardState& guards, std::string* trace) const {
  // Per sentence and event, overlapping matches count once, the heaviest
  // (then the longest): "shot dead" and "shot" are one clue, not two.
  std::sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
    int sentence_a = words[a.first]->sentence, sentence_b = words[b.first]->sentence;
    if (sentence_a != sentence_b) return sentence_a < sentence_b;
    if (a.event != b.event) return a.event < b.event;
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.last - a.first > b.last - b.first;
  });
  std::vector<EventScore> scores(events_.size());
  std::vector<std::pair<size_t, size_t>> kept;  // spans kept for the current sentence and event
  for (size_t m = 0; m < matches.size(); ++m) {
    const Match& match = matches[m];
    const int sentence = words[match.first]->sentence;
    if (m == 0 || match.event != matches[m - 1].event || sentence != words[matches[m - 1].first]->sentence) kept.clear();
    if (std::any_of(kept.begin(), kept.end(), [&](const auto& span) { return match.first <= span.second && span.first <= match.last; })) {
      continue;
    }
    kept.emplace_back(match.first, match.last);
    double sense = 1, background = 1;
    auto apply = [&](const Guard& guard) { (guard.background ? background : sense) *= guard.factor; };
    if (auto found = guards.sentence_guards.find(sentence); found != guards.sentence_guards.end()) {
      for (int guard : found->second) {
        if (Guarded(guards_[static_cast<size_t>(guard)], match.event)) apply(guards_[static_cast<size_t>(guard)]);
      }
    }
    for (size_t g = 0; g < guards_.size(); ++g) {
      if (guards.article_guard_holds[g] && Guarded(guards_[g], match.event)) apply(guards_[g]);
      if (guards_[g].earlier_year_within > 0 && !guards.earlier_years.empty() && Guarded(guards_[g], match.event) &&
          NearEarlierYear(words, guards, match, guards_[g].earlier_year_within)) {
        apply(guards_[g]);
      }
    }
    const TextPart part = words[match.first]->part;
    const double mention = match.weight * sense * PartWeight(part), facet = mention * background;
    if (trace) {
      *trace += events_[static_cast<size_t>(match.event)].id + "\t";
      for (size_t w = match.first; w <= match.last; ++w) *trace += words[w]->folded + (w < match.last ? " " : "");
      *trace += std::string("\t") + (part == TextPart::kTitle ? "title" : part == TextPart::kLead ? "lead" : "body") +
                "\tweight " + std::to_string(match.weight) + " mention " + std::to_string(mention) + " facet " +
                std::to_string(facet) + "\n";
    }
    if (mention <= 0) continue;
    EventScore& score = scores[static_cast<size_t>(match.event)];
    score.mention += mention;
    ++score.mentions;
    if (facet <= 0) continue;
    score.facet += facet;
    score.anchor = std::max(score.anchor, match.weight * sense * background);
    if (part == TextPart::kTitle) score.title += facet;
    if (part != TextPart::kBody) {
      score.prominent += facet;
      score.prominent_anchor = std::max(score.prominent_anchor, match.weight * sense * background);
    }
    if (score.last_sentence != sentence) ++score.sentences;
    score.last_sentence = sentence;
  }
  return scores;
}

bool EventDetector::Salient(const EventScore& score) const {
  if (score.facet < threshold_ - kTolerance) return false;
  if (score.anchor < anchor_weight_ - kTolerance && score.prominent < unanchored_min_score_ - kTolerance) return false;
  // The title and lead report the event when they hold a strong clue, or
  // weak ones enough; a bare "election" in a headline over a body that
  // names one only in passing does not.
  const bool strong_up_front = score.prominent_anchor >= anchor_weight_ - kTolerance ||
                               score.prominent >= unanchored_min_score_ - kTolerance;
  if (score.prominent > 0 && score.prominent >= prominent_min_score_ - kTolerance && strong_up_front) return true;
  return score.facet >= body_min_score_ - kTolerance && score.sentences >= body_min_sentences_;
}

std::vector<EventDetector::Match> EventDetector::FindTriggers(const std::vector<const Token*>& words,
                                                             const std::vector<uint32_t>& slots) const {
  std::vector<Match> matches;
  for (size_t start = 0; start < words.size(); ++start) {
    triggers_.MatchAt(words, start, slots[start], [&](const Pattern& pattern, size_t first, size_t last) {
      matches.push_back({pattern.owner, first, last, pattern.weight});
    });
  }
  return matches;
}

std::string EventDetector::Explain(const TokenStream& stream, const EventParticipants& participants) const {
  std::vector<const Token*> words;
  std::vector<uint32_t> slots;
  for (const Token& token : stream.tokens) {
    if (!token.is_word) continue;
    words.push_back(&token);
    slots.push_back(first_words_.SlotOf(token.word()));
  }
  std::string trace;
  const std::vector<EventScore> scores =
      ScoreEvents(words, FindTriggers(words, slots), FindGuards(words, slots, participants), &trace);
  for (size_t e = 0; e < events_.size(); ++e) {
    if (scores[e].mention <= 0) continue;
    trace += events_[e].id + ": mention " + std::to_string(scores[e].mention) + " facet " + std::to_string(scores[e].facet) +
             " prominent " + std::to_string(scores[e].prominent) + " anchor " + std::to_string(scores[e].anchor) + " sentences " + std::to_string(scores[e].sentences) +
             (Salient(scores[e]) ? " SALIENT\n" : "\n");
  }
  return trace;
}

std::vector<EventMention> EventDetector::Detect(const TokenStream& stream, const EventParticipants& participants) const {
  std::vector<const Token*> words;
  std::vector<uint32_t> slots;  // each word's FirstWords slot
  for (const Token& token : stream.tokens) {
    if (!token.is_word) continue;
    words.push_back(&token);
    slots.push_back(first_words_.SlotOf(token.word()));
  }
  std::vector<Match> matches = FindTriggers(words, slots);
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
  const std::vector<EventScore> scores = ScoreEvents(words, std::move(matches), FindGuards(words, slots, participants));
  std::vector<int> mentioned(events_.size(), 0);  // 0 no, 1 mentioned, 2 salient
  std::vector<int> mentions(events_.size(), 0);
  for (size_t e = 0; e < events_.size(); ++e) {
    if (scores[e].mention < threshold_ - kTolerance) continue;
    const int level = Salient(scores[e]) ? 2 : 1;
    for (int implied : events_[e].implies) {
      const size_t i = static_cast<size_t>(implied);
      mentioned[i] = std::max(mentioned[i], level);
      mentions[i] = std::max({mentions[i], scores[e].mentions, scores[i].mentions});
    }
    mentioned[e] = std::max(mentioned[e], level);
    mentions[e] = std::max(mentions[e], scores[e].mentions);
  }
  for (size_t e = 0; e < events_.size(); ++e) {
    if (mentioned[e] != 2) continue;
    for (int superseded : events_[e].supersedes) {
      const size_t s = static_cast<size_t>(superseded);
      if (mentioned[s] == 2 && scores[s].title <= 0) mentioned[s] = 1;
    }
  }
  std::vector<EventMention> found;
  for (size_t e = 0; e < events_.size(); ++e) {
    if (mentioned[e]) found.push_back({events_[e].id, events_[e].label, mentions[e], mentioned[e] == 2});
  }
  return found;
}

}  // namespace newsfacet
