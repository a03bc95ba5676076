#include "entities/token_stream.h"

#include <doctest/doctest.h>

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

TEST_CASE("tokens: the ASCII fast path splits words exactly as ICU's word break does") {
  const char* samples[] = {
      "U.S. officials met Bashar al-Assad, the Kremlin's envoy, and a 22-year-old in 1996-12-06.",
      "Shares rose 1,234.5 pct to 120,000 dlrs; the 3rd-qtr net was v19 (e.g. a:b) -- so 'quoted' said O'Brien.",
      "SALVADOR, Feb 26 - Showers continued\nthroughout the week... Mr. Smith's dog_name was #1!",
  };
  for (const char* sample : samples) {
    // A trailing non-ASCII word sends the same text through ICU.
    std::vector<std::string> ascii = Words(Tokenize("", sample));
    std::vector<std::string> icu = Words(Tokenize("", std::string(sample) + " \xC3\xA9t\xC3\xA9"));
    REQUIRE(icu.size() == ascii.size() + 1);
    icu.pop_back();
    CHECK(ascii == icu);
  }
}
