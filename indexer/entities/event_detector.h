// What happened: event types from the fixed vocabulary of
// schemas/events.json (see schemas/events.md), by trigger patterns over
// the folded words of an article.
//
// A pattern is up to five word patterns: an exact word ("dead"), a prefix
// ("assassinat*"), or alternatives ("(shot|gunned)"); "~N" between two
// allows up to N other words there ("shot ~2 dead"). In each sentence an
// event's matches count once per stretch of words (the heaviest of
// overlapping ones), times the guards' factors, times 3 in the title, 2 in
// the lead (the first sentence of the body, "lead_sentences"), 1 in the body; an event is reported when its score reaches the
// vocabulary's threshold. Guards discount or cancel matches in a sentence
// (metaphors, hypotheticals, anniversaries) or across an article (a match
// report's "shot" and "attack", a company's "agreement").
//
// Every event found is a mention (searchable); it is salient (a facet
// value: the story reports it) only when its guarded score still reaches
// the threshold, one clue is strong (or weak ones fill the title and lead),
// and it stands in the title or lead, or, from the body alone, in enough
// sentences with enough weight. Guards of kind "background"
// (hypotheticals, anniversaries) discount only salience: the event is still
// mentioned. Guards of kind "sense" ("storm of protest") discount both.
#pragma once

#include <bitset>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "schemas/store/article_entities.h"
#include "indexer/entities/token_stream.h"
#include "analysis/word_table.h"
#include "common/status.h"

namespace newsfacet {

// What the rest of entity extraction knows of an article's participants,
// for telling a company deal from a government one. Both are optional (a
// null pointer is no information); they are read only during Detect().
struct EventParticipants {
  const std::vector<OrganisationMention>* organisations = nullptr;
  const std::vector<CountryMention>* countries = nullptr;
  // The year the article is dated (0: unknown), for telling a year named
  // in a sentence as past: "the 2000 crash" in a 2004 story is background.
  int article_year = 0;
};

class EventDetector {
 public:
  static Status Load(const std::filesystem::path& data_dir, EventDetector* detector);
  // The parsed vocabulary (the content of events.json).
  Status LoadVocabulary(const nlohmann::json& vocabulary);

  std::vector<EventMention> Detect(const TokenStream& stream, const EventParticipants& participants = {}) const;

  // Why Detect() decides as it does, for tuning the vocabulary: one line
  // per trigger match (event, words, text part, weight, what the guards
  // left of it for the mention and for the facet), then each event's scores.
  std::string Explain(const TokenStream& stream, const EventParticipants& participants = {}) const;

  // The year of an ISO 8601 date ("1987-03-02 ..." -> 1987), or 0.
  static int YearOf(std::string_view iso_date);

  // The display label of an event id ("peace_talks" -> "Peace talks"), or "".
  const std::string& LabelOf(const std::string& id) const;

  // A word's first two bytes as one number (0..65535): the key of the
  // bitsets that turn most words away before any lookup.
  static size_t Pair(std::string_view word) {
    return (static_cast<size_t>(static_cast<unsigned char>(word[0])) << 8) |
           (word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0);
  }

  struct WordPattern {
    std::vector<std::string> alternatives;  // a trailing '*' makes one a prefix
    std::vector<uint64_t> hashes;           // HashWord of each exact alternative; 0 for a prefix
    // The first two letters of every alternative, hashed into 1,024 bits:
    // most words are turned away by one bit, before any comparison.
    std::bitset<1024> starts;
    int gap_before = 0;                      // other words allowed before this one
  };
  struct Pattern {
    std::vector<WordPattern> words;
    double weight = 1;
    int owner = 0;  // event index, or guard index
  };

 private:
  struct Event {
    std::string id, label;
    std::vector<int> implies;
    // Events this one's report makes background unless the title names
    // them too: a verdict story tells of the arrest and trial behind it.
    std::vector<int> supersedes;
  };
  struct Guard {
    std::string id;
    bool article_scope = false;
    bool background = false;  // the event is mentioned, not reported: discounts salience only
    std::vector<int> events;  // guarded event indexes; empty means all
    double min_score = 1;     // article scope: context score that triggers the guard
    double factor = 0;        // what a guarded match is then worth (0 cancels)
    // Article scope: each organisation among the participants adds this to
    // the context score.
    double organisation_weight = 0;
    // Article scope: the guard is lifted when its "unless" patterns score
    // this much (each salient country adds unless_country_weight).
    double unless_min_score = 0;
    double unless_country_weight = 0;
    // Sentence scope: the guard also holds for a match with a year before
    // the article's (any year, when the article is undated) within this
    // many words of it, in its sentence ("the rail crash in 2000"); 0: off.
    int earlier_year_within = 0;
    // Sentence scope: the guard holds only for a match that one of its
    // patterns stands right before (within `near_before` words) or right
    // after (within `near_after`): a trigger's own modifiers, as in "after
    // the quake" or "merger talks", not the rest of its sentence; 0: off.
    int near_before = 0, near_after = 0;
  };
  // Where a guard of near_before or near_after matched.
  struct NearSpan {
    size_t first, last;
    int guard;
  };
  struct Match {
    int event;
    size_t first, last;
    double weight;
  };
  // Per event: its score with every guard (the facet), with sense guards
  // only (the mention), and where the facet score comes from.
  struct EventScore {
    double facet = 0, mention = 0, prominent = 0, title = 0;
    double anchor = 0;  // the strongest single match, guarded, before position weights
    double prominent_anchor = 0;  // the same, in the title and lead
    int sentences = 0, mentions = 0;
    int last_sentence = -1;
  };
  // Which guards hold: per sentence, and for the whole article.
  struct GuardState {
    std::map<int, std::vector<int>> sentence_guards;  // sentence -> guard indexes
    std::vector<bool> article_guard_holds;
    std::vector<size_t> earlier_years;  // word indexes of years before the article's, in order
    std::vector<NearSpan> near_spans;   // in word order
  };
  // Every word some trigger or guard starts with, numbered: a word of an
  // article is looked up once, whatever pattern sets then try it.
  struct FirstWords {
    static constexpr uint32_t kNone = WordTable::kMissing;
    uint32_t SlotOf(HashedWord word) const;
    uint32_t Add(const std::string& word);
    WordTable slots;
    // The first two letters of every word: most words of an article start
    // with no pair of these, and are turned away with one bit test.
    std::bitset<1 << 16> pairs;
  };
  class PatternSet {
   public:
    void Add(Pattern pattern, FirstWords& first_words);
    // Calls `found(pattern, first_word, last_word)` for each match starting
    // at `start`, whose first word has FirstWords slot `slot`.
    template <typename Found>
    void MatchAt(const std::vector<const Token*>& words, size_t start, uint32_t slot, Found&& found) const;

   private:
    std::vector<std::vector<Pattern>> by_first_word_;  // by FirstWords slot
    // Few patterns start with a prefix ("assassinat*"): sorted by prefix,
    // and looked at only for words whose first two letters some prefix has.
    std::vector<std::pair<std::string, std::vector<Pattern>>> by_first_prefix_;
    std::bitset<1 << 16> prefix_pairs_;
  };
  bool Guarded(const Guard& guard, int event) const;
  double PartWeight(TextPart part) const;
  Status LoadGuards(const nlohmann::json& vocabulary, const std::map<std::string, int>& index_of);
  GuardState FindGuards(const std::vector<const Token*>& words, const std::vector<uint32_t>& slots,
                        const EventParticipants& participants) const;
  static std::vector<size_t> FindEarlierYears(const std::vector<const Token*>& words, int article_year);
  bool NearGuardHolds(const std::vector<const Token*>& words, const NearSpan& span, const Match& match) const;
  bool NearEarlierYear(const std::vector<const Token*>& words, const GuardState& guards, const Match& match,
                       int within) const;
  // What the guards leave of a match: `sense` for the mention and the
  // facet, `background` for the facet only (both start at 1); `applied`,
  // if given, gets the ids of the guards that discount it.
  void GuardFactors(const std::vector<const Token*>& words, const GuardState& guards, const Match& match, double* sense,
                    double* background, std::string* applied = nullptr) const;
  std::vector<EventScore> ScoreEvents(const std::vector<const Token*>& words, std::vector<Match> matches,
                                      const GuardState& guards, std::string* trace = nullptr) const;
  std::vector<Match> FindTriggers(const std::vector<const Token*>& words, const std::vector<uint32_t>& slots) const;
  static int SentenceCount(const std::vector<const Token*>& words);
  // The article's words; lead words past the first lead_sentences_
  // sentences are copied into `relabelled` as body words.
  std::vector<const Token*> WordsOf(const TokenStream& stream, std::vector<Token>* relabelled) const;
  // `sentences`: how many sentences the article has, title included.
  bool Salient(const EventScore& score, int sentences) const;

  std::vector<Event> events_;
  std::vector<Guard> guards_;
  FirstWords first_words_;
  PatternSet triggers_;
  PatternSet guard_patterns_;
  PatternSet unless_patterns_;  // owner: guard index
  double threshold_ = 3.0;
  // An event found in the body only is salient from this score, in this
  // many sentences (by default, as one found in the title or lead).
  double body_min_score_ = 3.0;
  int body_min_sentences_ = 1;
  // What the title and lead must score for an event to stand there.
  double prominent_min_score_ = 0;
  // Weak clues alone ("attack", "blast", "deal") make an event salient only
  // when the title and lead repeat them this much; else one match must
  // weigh at least anchor_weight_.
  double anchor_weight_ = 0;
  double unanchored_min_score_ = 0;
  // In an article of at least long_article_sentences_ sentences, an event
  // not in the title and found in one sentence only is salient only from a
  // clue this strong (0: off): a long story whose lead names a deal, a sale
  // or a listing once, and never comes back to it, tells of it in passing.
  // A brief's lead is the whole story, so short articles are left alone.
  double single_sentence_min_anchor_ = 0;
  int long_article_sentences_ = 0;
  double title_weight_ = 3.0, lead_weight_ = 2.0, body_weight_ = 1.0;
  // How many of the tokenizer's lead sentences (two) count as the lead:
  // news copy reports its event in the first; a second sentence that names
  // another event is more often its background or its sequel.
  int lead_sentences_ = 2;
};

// Parses one trigger or guard pattern; false (with `error` set) if malformed.
bool ParseEventPattern(const std::string& text, EventDetector::Pattern* pattern, std::string* error);

}  // namespace newsfacet
