#include "indexer/entities/event_detector.h"

#include <algorithm>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "indexer/entities/event_pattern_match.h"

namespace newsfacet {
namespace {

// A score this close under the threshold passes: 1.0 x 3 must reach 3.0.
constexpr double kTolerance = 1e-9;

}  // namespace

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

bool EventDetector::NearGuardHolds(const std::vector<const Token*>& words, const NearSpan& span,
                                   const Match& match) const {
  const Guard& guard = guards_[static_cast<size_t>(span.guard)];
  if (words[span.first]->sentence != words[match.first]->sentence || !Guarded(guard, match.event)) return false;
  if (span.last < match.first) return match.first - span.last <= static_cast<size_t>(guard.near_before);
  return span.first > match.last && span.first - match.last <= static_cast<size_t>(guard.near_after);
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

EventDetector::GuardState EventDetector::FindGuards(const std::vector<const Token*>& words,
                                                    const std::vector<uint32_t>& slots,
                                                    const EventParticipants& participants) const {
  GuardState state;
  std::vector<double> context(guards_.size(), 0), unless(guards_.size(), 0);
  for (size_t start = 0; start < words.size(); ++start) {
    guard_patterns_.MatchAt(words, start, slots[start], [&](const Pattern& pattern, size_t first, size_t last) {
      const Guard& guard = guards_[static_cast<size_t>(pattern.owner)];
      if (guard.article_scope) {
        context[static_cast<size_t>(pattern.owner)] += pattern.weight * PartWeight(words[first]->part);
      } else if (guard.near_before > 0 || guard.near_after > 0) {
        state.near_spans.push_back({first, last, pattern.owner});
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

void EventDetector::GuardFactors(const std::vector<const Token*>& words, const GuardState& guards, const Match& match,
                                 double* sense, double* background, std::string* applied) const {
  auto apply = [&](const Guard& guard) {
    *(guard.background ? background : sense) *= guard.factor;
    if (applied && guard.factor < 1) *applied += " " + guard.id;
  };
  const int sentence = words[match.first]->sentence;
  if (auto found = guards.sentence_guards.find(sentence); found != guards.sentence_guards.end()) {
    for (int guard : found->second) {
      if (Guarded(guards_[static_cast<size_t>(guard)], match.event)) apply(guards_[static_cast<size_t>(guard)]);
    }
  }
  // A span guards a match once, however many of its guard's patterns matched there.
  std::vector<int> near_applied;
  for (const NearSpan& span : guards.near_spans) {
    if (!NearGuardHolds(words, span, match) ||
        std::find(near_applied.begin(), near_applied.end(), span.guard) != near_applied.end()) {
      continue;
    }
    near_applied.push_back(span.guard);
    apply(guards_[static_cast<size_t>(span.guard)]);
  }
  for (size_t g = 0; g < guards_.size(); ++g) {
    if (guards.article_guard_holds[g] && Guarded(guards_[g], match.event)) apply(guards_[g]);
    if (guards_[g].earlier_year_within > 0 && !guards.earlier_years.empty() && Guarded(guards_[g], match.event) &&
        NearEarlierYear(words, guards, match, guards_[g].earlier_year_within)) {
      apply(guards_[g]);
    }
  }
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
    std::string applied;
    GuardFactors(words, guards, match, &sense, &background, trace ? &applied : nullptr);
    const TextPart part = words[match.first]->part;
    const double mention = match.weight * sense * PartWeight(part), facet = mention * background;
    if (trace) {
      *trace += events_[static_cast<size_t>(match.event)].id + "\t";
      for (size_t w = match.first; w <= match.last; ++w) *trace += words[w]->folded + (w < match.last ? " " : "");
      *trace += std::string("\t") + (part == TextPart::kTitle ? "title" : part == TextPart::kLead ? "lead" : "body") +
                "\tweight " + std::to_string(match.weight) + " mention " + std::to_string(mention) + " facet " +
                std::to_string(facet) + (applied.empty() ? "" : " guards" + applied) + "\n";
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

int EventDetector::SentenceCount(const std::vector<const Token*>& words) {
  return words.empty() ? 0 : words.back()->sentence + 1;
}

bool EventDetector::Salient(const EventScore& score, int sentences) const {
  if (score.facet < threshold_ - kTolerance) return false;
  if (score.anchor < anchor_weight_ - kTolerance && score.prominent < unanchored_min_score_ - kTolerance) return false;
  if (sentences >= long_article_sentences_ && score.title <= 0 && score.sentences == 1 &&
      score.anchor < single_sentence_min_anchor_ - kTolerance) {
    return false;
  }
  // The title and lead report the event when they hold a strong clue, or
  // weak ones enough; a bare "election" in a headline over a body that
  // names one only in passing does not.
  const bool strong_up_front = score.prominent_anchor >= anchor_weight_ - kTolerance ||
                               score.prominent >= unanchored_min_score_ - kTolerance;
  if (score.prominent > 0 && score.prominent >= prominent_min_score_ - kTolerance && strong_up_front) return true;
  return score.facet >= body_min_score_ - kTolerance && score.sentences >= body_min_sentences_;
}

std::vector<const Token*> EventDetector::WordsOf(const TokenStream& stream, std::vector<Token>* relabelled) const {
  int first_lead_sentence = -1;
  size_t past_lead = 0;  // lead words past the lead_sentences_ kept, to copy
  for (const Token& token : stream.tokens) {
    if (!token.is_word || token.part != TextPart::kLead) continue;
    if (first_lead_sentence < 0) first_lead_sentence = token.sentence;
    if (token.sentence - first_lead_sentence >= lead_sentences_) ++past_lead;
  }
  // Reserved up front: the pointers into it must stay valid.
  relabelled->reserve(past_lead);
  std::vector<const Token*> words;
  for (const Token& token : stream.tokens) {
    if (!token.is_word) continue;
    if (token.part == TextPart::kLead && token.sentence - first_lead_sentence >= lead_sentences_) {
      relabelled->push_back(token);
      relabelled->back().part = TextPart::kBody;
      words.push_back(&relabelled->back());
    } else {
      words.push_back(&token);
    }
  }
  return words;
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
  std::vector<Token> relabelled;
  const std::vector<const Token*> words = WordsOf(stream, &relabelled);
  std::vector<uint32_t> slots;  // each word's FirstWords slot
  slots.reserve(words.size());
  for (const Token* word : words) slots.push_back(first_words_.SlotOf(word->word()));
  std::string trace;
  const std::vector<EventScore> scores =
      ScoreEvents(words, FindTriggers(words, slots), FindGuards(words, slots, participants), &trace);
  for (size_t e = 0; e < events_.size(); ++e) {
    if (scores[e].mention <= 0) continue;
    trace += events_[e].id + ": mention " + std::to_string(scores[e].mention) + " facet " + std::to_string(scores[e].facet) +
             " prominent " + std::to_string(scores[e].prominent) + " anchor " + std::to_string(scores[e].anchor) + " sentences " + std::to_string(scores[e].sentences) +
             (Salient(scores[e], SentenceCount(words)) ? " SALIENT\n" : "\n");
  }
  return trace;
}

std::vector<EventMention> EventDetector::Detect(const TokenStream& stream, const EventParticipants& participants) const {
  std::vector<Token> relabelled;
  const std::vector<const Token*> words = WordsOf(stream, &relabelled);
  std::vector<uint32_t> slots;  // each word's FirstWords slot
  slots.reserve(words.size());
  for (const Token* word : words) slots.push_back(first_words_.SlotOf(word->word()));
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
  const int sentences = SentenceCount(words);
  std::vector<int> mentioned(events_.size(), 0);  // 0 no, 1 mentioned, 2 salient
  std::vector<int> mentions(events_.size(), 0);
  for (size_t e = 0; e < events_.size(); ++e) {
    if (scores[e].mention < threshold_ - kTolerance) continue;
    const int level = Salient(scores[e], sentences) ? 2 : 1;
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
