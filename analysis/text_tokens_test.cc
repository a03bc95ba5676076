#include "analysis/text_tokens.h"

#include <doctest/doctest.h>

using namespace newsfacet;

namespace {

std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> keys;
  for (const TextToken& token : TokenizeText(text)) keys.push_back(token.key);
  return keys;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (const TextToken& token : TokenizeText(text)) words.emplace_back(text.substr(token.begin, token.end - token.begin));
  return words;
}

}  // namespace

TEST_CASE("words keep their original bytes and get the folded lower-case term the index holds") {
  const std::string text = "Mevlüt Mert Altıntaş, STRASSE and Straße.";
  CHECK(Words(text) == std::vector<std::string>{"Mevlüt", "Mert", "Altıntaş", "STRASSE", "and", "Straße"});
  CHECK(Keys(text) == std::vector<std::string>{"mevlut", "mert", "altintas", "strasse", "and", "strasse"});
}

TEST_CASE("apostrophes and ampersands join letters, possessives fold away, digits keep their separators") {
  CHECK(Keys("Don't Karlov's Kremlin’s AT&T") == std::vector<std::string>{"don't", "karlov", "kremlin", "at&t"});
  CHECK(Keys("1,000.5 tonnes, 3pm") == std::vector<std::string>{"1,000.5", "tonnes", "3pm"});
  CHECK(Keys("rock 'n' roll") == std::vector<std::string>{"rock", "n", "roll"});
}

TEST_CASE("dotted acronyms are one word without dots, and hyphens split words") {
  CHECK(Words("the U.S. said") == std::vector<std::string>{"the", "U.S.", "said"});
  CHECK(Keys("the U.S. said") == std::vector<std::string>{"the", "us", "said"});
  CHECK(Keys("al-Assad e-mail") == std::vector<std::string>{"al", "assad", "e", "mail"});
}

TEST_CASE("offsets are bytes and characters, and CJK characters are words of their own") {
  std::vector<TextToken> tokens = TokenizeText("Łódź 東京 ok");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].key == "lodz");
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 7);  // Ł, ó, ź are two bytes each
  CHECK(tokens[0].char_end == 4);
  CHECK(tokens[1].char_begin == 5);
  CHECK(tokens[2].char_begin == 6);
  CHECK(tokens[3].key == "ok");
  CHECK(tokens[3].char_begin == 8);
}

TEST_CASE("invalid UTF-8 separates words instead of breaking the scan") {
  CHECK(Keys("caf\xff" "ok \xe2\x82 end") == std::vector<std::string>{"caf", "ok", "end"});
}
