#include "searcher/mark_finder.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "analysis/person_key.h"
#include "analysis/text_analysis.h"

namespace newsfacet {
namespace {

// Capitalised words that come before a surname without being a first name:
// "Ambassador Karlov" and "On Monday Karlov" are the person; "Maria Karlov"
// is someone else.
bool IsNotAFirstName(const std::string& key) {
  static const std::set<std::string> kNotFirstNames = {
      "mr",        "mrs",      "ms",      "miss",     "dr",      "prof",     "professor", "president",
      "ambassador", "minister", "envoy",   "gen",      "general", "sen",      "senator",   "rep",
      "gov",       "governor", "judge",   "justice",  "prime",   "chancellor", "king",    "queen",
      "prince",    "princess", "sir",     "lord",     "lady",    "mayor",    "col",       "colonel",
      "capt",      "captain",  "lt",      "sgt",      "rev",     "pope",     "sheikh",    "secretary",
      "officer",   "coach",    "chairman", "chief",   "director", "deputy",  "spokesman", "spokeswoman",
      "leader",    "premier",  "emir",    "sultan",   "father",  "saint",    "st",        "herr",
      "frau",      "madame",   "monsieur", "senhor",  "senor",   "the",      "diplomat",  "commander",
      "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",    "january",
      "february",  "march",    "april",   "may",      "june",    "july",     "august",    "september",
      "october",   "november", "december", "when",    "but",     "and",      "as",        "after"};
  return kNotFirstNames.count(key) > 0;
}

bool IsArabicArticle(const std::string& key) {
  return key == "al" || key == "el" || key == "ad" || key == "as" || key == "ash" || key == "an" || key == "ar";
}

bool StartsUpper(std::string_view text, const TextToken& token) {
  const unsigned char c = static_cast<unsigned char>(text[token.begin]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;  // a non-ASCII initial is taken as a capital
}

// True when two tokens are parts of one name: "Andrei Karlov", "George W.
// Bush", "al-Assad"; not across a sentence or a line break.
bool NameJoined(std::string_view text, const TextToken& left, const TextToken& right) {
  std::string_view gap = text.substr(left.end, right.begin - left.end);
  if (gap == "-") return true;
  size_t i = 0;
  if (!gap.empty() && gap[0] == '.' && left.end - left.begin == 1) i = 1;  // an initial, "W."
  if (i == gap.size()) return false;
  int newlines = 0;
  for (; i < gap.size(); ++i) {
    if (gap[i] == '\n') ++newlines;
    else if (gap[i] != ' ' && gap[i] != '\t' && gap[i] != '\r') return false;
  }
  return newlines <= 1;
}

std::vector<MarkSpan> Merge(std::vector<MarkSpan> spans) {
  std::sort(spans.begin(), spans.end(), [](const MarkSpan& a, const MarkSpan& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<MarkSpan> merged;
  for (const MarkSpan& span : spans) {
    if (!merged.empty() && span.begin < merged.back().end) {
      if (span.end > merged.back().end) {
        merged.back().end = span.end;
        merged.back().char_end = span.char_end;
      }
      continue;
    }
    merged.push_back(span);
  }
  return merged;
}

MarkSpan SpanOf(const TextToken& first, const TextToken& last, int feature) {
  return {first.begin, last.end, first.char_begin, last.char_end, feature};
}

}  // namespace

MarkFinder::MarkFinder(const HighlightTerms& terms) : terms_(terms), stemmer_(NewsStemmer()) {
  for (const auto* stems : {&terms.stems, &terms.title_stems}) {
    for (const std::string& stem : *stems) {
      if (!stem.empty() && stem_initials_.find(stem[0]) == std::string::npos) stem_initials_.push_back(stem[0]);
    }
  }
}

// Words are numbered by their term so that repeats of one word count once
// towards a snippet's variety; phrases and entities get numbers after them.
int MarkFinder::WordFeature(const TextToken& token, bool in_title) const {
  const std::string& key = token.key;
  if (key.empty()) return 0;
  if (terms_.exact.count(key) || (in_title && terms_.title_exact.count(key))) return 1;
  // Snowball's English stems keep a word's first letter, so a word whose
  // initial starts no stem cannot match one.
  if (stem_initials_.find(key[0]) != std::string::npos) {
    std::string stem = stemmer_(key);
    if (terms_.stems.count(stem) || (in_title && terms_.title_stems.count(stem))) return 1;
  }
  for (const auto* prefixes : {&terms_.prefixes, &terms_.title_prefixes}) {
    if (prefixes == &terms_.title_prefixes && !in_title) break;
    for (const std::string& prefix : *prefixes) {
      if (key.compare(0, prefix.size(), prefix) == 0) return 1;
    }
  }
  return 0;
}

std::vector<MarkSpan> MarkFinder::Find(std::string_view text, const std::vector<TextToken>& tokens,
                                       bool in_title) const {
  std::vector<MarkSpan> spans;
  std::unordered_map<std::string, int> word_features;
  for (const TextToken& token : tokens) {
    if (!WordFeature(token, in_title)) continue;
    auto [it, added] = word_features.emplace(token.key, static_cast<int>(word_features.size()) + 1);
    spans.push_back(SpanOf(token, token, it->second));
  }
  int feature = 1000;
  for (const HighlightTerms::Phrase& phrase : terms_.phrases) {
    if (!phrase.title_only || in_title) FindPhrase(phrase.words, ++feature, tokens, &spans);
  }
  for (const HighlightTerms::Phrase& name : terms_.country_names) FindPhrase(name.words, ++feature, tokens, &spans);
  for (const HighlightTerms::Phrase& name : terms_.organisation_names) FindPhrase(name.words, ++feature, tokens, &spans);
  for (const std::string& id : terms_.person_ids) FindPerson(id, ++feature, text, tokens, &spans);
  return Merge(std::move(spans));
}

void MarkFinder::FindPhrase(const std::vector<std::string>& words, int feature, const std::vector<TextToken>& tokens,
                            std::vector<MarkSpan>* spans) const {
  if (words.empty() || tokens.size() < words.size()) return;
  for (size_t i = 0; i + words.size() <= tokens.size(); ++i) {
    size_t n = 0;
    while (n < words.size() && tokens[i + n].key == words[n]) ++n;
    if (n == words.size()) spans->push_back(SpanOf(tokens[i], tokens[i + n - 1], feature));
  }
}

// Marks the person's mentions: the surname (found by its key under any
// spelling), extended back over the parts of the name written before it
// ("Andrei Karlov", "Mevlüt Mert Altıntaş", "Bashar al-Assad"). A surname
// right after another capitalised name is someone else's, and left alone.
void MarkFinder::FindPerson(const std::string& id, int feature, std::string_view text,
                            const std::vector<TextToken>& tokens, std::vector<MarkSpan>* spans) const {
  const std::string surname = id.substr(id.rfind('-') + 1);
  if (surname.empty()) return;
  std::set<std::string> parts;
  for (size_t start = 0; start <= id.size();) {
    size_t dash = std::min(id.find('-', start), id.size());
    parts.insert(id.substr(start, dash - start));
    start = dash + 1;
  }
  // Canonical spellings may drop a leading "y" ("Yevgeny" -> "evgeni").
  const std::string initials = surname[0] == 'e' ? "ey" : std::string(1, surname[0]);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const TextToken& token = tokens[i];
    if (token.key.empty() || initials.find(token.key[0]) == std::string::npos) continue;
    if (PersonKeyUncached(text.substr(token.begin, token.end - token.begin)) != surname) continue;
    size_t first = i;
    while (first > 0 && NameJoined(text, tokens[first - 1], tokens[first])) {
      const TextToken& before = tokens[first - 1];
      const std::string key = PersonKeyUncached(text.substr(before.begin, before.end - before.begin));
      const bool particle = IsArabicArticle(before.key) && text.substr(before.end, 1) == "-";
      if (!particle && !parts.count(key)) break;
      --first;
    }
    if (first == i && i > 0 && NameJoined(text, tokens[i - 1], token) && StartsUpper(text, tokens[i - 1]) &&
        !IsNotAFirstName(tokens[i - 1].key)) {
      continue;  // "Maria Karlov": another person of that surname
    }
    spans->push_back(SpanOf(tokens[first], token, feature));
  }
}

}  // namespace newsfacet
