// An article's text as tokens for entity extraction: words and punctuation
// with their place (title, lead, body), sentence and letter case.
//
// Word boundaries are ICU's (UAX #29 word break), so "U.S.", "Kremlin's"
// and "O'Brien" stay whole while "al-Assad" and "22-year-old" split at the
// hyphen, which name and pattern matching then look at explicitly.
// Sentences end at a full stop, question or exclamation mark before a
// capitalised word (not after "Mr." or an initial), at a blank line, and at
// a line break whose line does not run on, so wire copy wrapped mid-sentence
// stays one sentence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/word_table.h"

namespace newsfacet {

enum class TextPart : uint8_t { kTitle, kLead, kBody };

struct Token {
  std::string text;    // as written
  std::string folded;  // FoldForSearch, lower-cased; possessive "'s" dropped
  uint32_t begin = 0;  // byte offsets in the part's text
  uint32_t end = 0;
  int sentence = 0;    // index, counted across the whole article
  TextPart part = TextPart::kBody;
  bool is_word = false;          // letters or digits (else punctuation)
  bool capitalized = false;      // first letter upper case
  bool all_caps = false;         // two or more letters, none lower case
  bool sentence_start = false;   // first word of its sentence
  bool space_before = false;     // white space between this and the previous token
  uint8_t newlines_before = 0;   // line breaks in that white space (2: a blank line or more)
  bool possessive = false;       // written with "'s"
  uint64_t folded_hash = 0;      // HashWord(folded)

  // The folded form, ready for WordTable lookups.
  HashedWord word() const { return HashedWord(folded, folded_hash); }
  // "Kremlin" of "Kremlin's" (either apostrophe); the text otherwise.
  std::string_view TextWithoutPossessive() const {
    if (!possessive) return text;
    size_t cut = text.rfind('\'');
    if (cut == std::string::npos) cut = text.rfind("\xE2\x80\x99");
    return std::string_view(text).substr(0, cut);
  }
};

struct TokenStream {
  std::vector<Token> tokens;
  // True when the title is written in capitals ("BAHIA COCOA REVIEW"):
  // its letter case says nothing about names.
  bool title_all_caps = false;
};

// The lead is the first two sentences of the body.
TokenStream Tokenize(std::string_view title, std::string_view body);

// Tokens [begin, end) as written, spaced as in the text, a final
// possessive dropped: a name's spelling ("Kremlin's" -> "Kremlin").
std::string SpanText(const std::vector<Token>& tokens, size_t begin, size_t end);

}  // namespace newsfacet
