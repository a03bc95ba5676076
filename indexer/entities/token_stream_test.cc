#include "indexer/entities/token_stream.h"

#include <cctype>

#include <doctest/doctest.h>

#include "analysis/search_folding.h"

using namespace newsfacet;

namespace {

std::vector<std::string> Words(const TokenStream& stream) {
  std::vector<std::string> words;
  for (const Token& token : stream.tokens) {
    if (token.is_word) words.push_back(token.text);
  }
  return words;
}

const Token& Find(const TokenStream& stream, const std::string& text) {
  for (const Token& token : stream.tokens) {
    if (token.text == text) return token;
  }
  FAIL("no token " << text);
  static Token none;
  return none;
}

}  // namespace

TEST_CASE("tokens: abbreviations and possessives stay whole, hyphens split") {
  TokenStream stream = Tokenize("", "U.S. officials met Bashar al-Assad, the Kremlin's envoy, and a 22-year-old.");
  CHECK(Words(stream) == std::vector<std::string>{"U.S", "officials", "met", "Bashar", "al", "Assad", "the",
                                                  "Kremlin's", "envoy", "and", "a", "22", "year", "old"});
  const Token& kremlin = Find(stream, "Kremlin's");
  CHECK(kremlin.folded == "kremlin");
  CHECK(kremlin.possessive);
  CHECK_FALSE(Find(stream, "Assad").space_before);
}

TEST_CASE("tokens: folded forms are lower-case ASCII, case flags follow the text") {
  TokenStream stream = Tokenize("", "Mevlüt Mert ALTINTAŞ was 22.");
  const Token& first = Find(stream, "Mevlüt");
  CHECK(first.folded == "mevlut");
  CHECK(first.capitalized);
  CHECK_FALSE(first.all_caps);
  CHECK(Find(stream, "ALTINTAŞ").all_caps);
  CHECK(Find(stream, "ALTINTAŞ").folded == "altintas");
  CHECK_FALSE(Find(stream, "was").capitalized);
}

TEST_CASE("tokens: sentences break after full stops but not after Mr.") {
  TokenStream stream = Tokenize("", "Mr. Putin spoke. Karlov died.");
  CHECK(Find(stream, "Putin").sentence == Find(stream, "Mr").sentence);
  CHECK(Find(stream, "Karlov").sentence == Find(stream, "Putin").sentence + 1);
  CHECK(Find(stream, "Karlov").sentence_start);
  CHECK_FALSE(Find(stream, "Putin").sentence_start);
}

TEST_CASE("tokens: initials joined by full stops do not end a sentence") {
  TokenStream stream = Tokenize("", "Brokerage firm E.F. Hutton Group Inc said the U.S. unit was sound.");
  CHECK(Find(stream, "Hutton").sentence == Find(stream, "firm").sentence);
  CHECK(Find(stream, "unit").sentence == Find(stream, "firm").sentence);
}

TEST_CASE("tokens: a wrapped line does not end a sentence, a byline line does") {
  const std::string paragraph =
      "Bankers said there are no plans for the finance minister to\n"
      "meet commercial bankers during his trip to Washington. He will\n"
      "explain Brazil's actions to Federal Reserve Board chairman Paul\n"
      "Volcker and to the International Monetary Fund on Friday.\n";
  TokenStream wrapped = Tokenize("", paragraph);
  CHECK(Find(wrapped, "Volcker").sentence == Find(wrapped, "Paul").sentence);
  CHECK_FALSE(Find(wrapped, "Volcker").sentence_start);
  TokenStream byline = Tokenize("", "By Nadim Ladki\nAL-AIN, United Arab Emirates - Police said.\n" + paragraph);
  CHECK(Find(byline, "AL").sentence == Find(byline, "Ladki").sentence + 1);
  // A sentence per line, as some sources give text: a line's last name ends it.
  TokenStream per_line = Tokenize("",
      "The squad the coach named on Thursday for the qualifying game against the visitors on Saturday is as follows: Chris Sutton\n"
      "Defenders were named later by the coach, who said he was pleased with the squad he had\n"
      "The match will be played at the national stadium in the capital on Saturday afternoon.\n");
  CHECK(Find(per_line, "Defenders").sentence == Find(per_line, "Sutton").sentence + 1);
}

TEST_CASE("tokens: title, lead (two sentences) and body are told apart") {
  TokenStream stream = Tokenize("Envoy shot", "First one. Second one. Third one.");
  CHECK(Find(stream, "Envoy").part == TextPart::kTitle);
  CHECK(Find(stream, "First").part == TextPart::kLead);
  CHECK(Find(stream, "Second").part == TextPart::kLead);
  CHECK(Find(stream, "Third").part == TextPart::kBody);
  CHECK(Find(stream, "Envoy").sentence != Find(stream, "First").sentence);
}

TEST_CASE("tokens: an all-capitals headline is flagged") {
  CHECK(Tokenize("BAHIA COCOA REVIEW", "Showers continued.").title_all_caps);
  CHECK_FALSE(Tokenize("Putin vows to punish NATO", "x").title_all_caps);
}

// The same text with every space a no-break space: no white space is left
// to split it at, so all of it goes through ICU's word break.
std::string AllThroughIcu(std::string text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') {
      out += "\xC2\xA0";
    } else {
      out += c;
    }
  }
  return out;
}

TEST_CASE("tokens: the ASCII fast path splits words exactly as ICU's word break does") {
  const char* samples[] = {
      "U.S. officials met Bashar al-Assad, the Kremlin's envoy, and a 22-year-old in 1996-12-06.",
      "Shares rose 1,234.5 pct to 120,000 dlrs; the 3rd-qtr net was v19 (e.g. a:b) -- so 'quoted' said O'Brien.",
      "SALVADOR, Feb 26 - Showers continued\nthroughout the week... Mr. Smith's dog_name was #1!",
      // Mixed: ASCII words beside ones only ICU segments.
      "He paid \xC2\xA3\x35m to Alt\xC4\xB1nta\xC5\x9F's lawyer, U.S. officials said; \xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD agreed.",
  };
  for (const char* sample : samples) {
    CAPTURE(sample);
    CHECK(Words(Tokenize("", sample)) == Words(Tokenize("", AllThroughIcu(sample))));
  }
  CHECK(Words(Tokenize("", samples[3])) ==
        std::vector<std::string>{"He", "paid", "5m", "to", "Alt\xC4\xB1nta\xC5\x9F's", "lawyer", "U.S", "officials", "said",
                                 "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD", "agreed"});
}

TEST_CASE("tokens: offsets point at each token's text, in ASCII and non-ASCII stretches alike") {
  const std::string body = "Paid \xC2\xA3" "5m to Alt\xC4\xB1nta\xC5\x9F, then left.";
  TokenStream stream = Tokenize("", body);
  for (const Token& token : stream.tokens) {
    CHECK(body.substr(token.begin, token.end - token.begin) == token.text);
  }
}

TEST_CASE("tokens: each carries the hash of its folded form") {
  TokenStream stream = Tokenize("Kremlin's envoy", "Mevlüt Mert ALTINTAŞ, 22, shot Andrey Karlov; \"I'm\" said O'Brien.");
  for (const Token& token : stream.tokens) {
    CAPTURE(token.text);
    CHECK(token.folded_hash == HashWord(token.folded));
  }
}

TEST_CASE("tokens: ASCII words with apostrophes fold as search folding does") {
  for (std::string word : {"Kremlin's", "O'Brien's", "O'Brien", "I'm", "rock'n'roll", "don't", "CEO'S", "it's"}) {
    CAPTURE(word);
    std::string expected = FoldForSearch(word);
    for (char& c : expected) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(Tokenize("", word).tokens.at(0).folded == expected);
  }
}
