#include "searcher/query_words.h"

#include <doctest/doctest.h>

using namespace newsfacet;

using Words = std::vector<std::string>;

TEST_CASE("query words: split on any white space, joined with single spaces") {
  CHECK(SplitOnSpace("  oil\tprices\r\nfall ") == Words{"oil", "prices", "fall"});
  CHECK(SplitOnSpace(" \t ").empty());
  CHECK(JoinWords({"oil", "prices"}) == "oil prices");
  CHECK(IsQuerySpace('\t'));
  CHECK_FALSE(IsQuerySpace('-'));
}

TEST_CASE("query words: syntax becomes plain words, operators lower case") {
  CHECK(AsPlainWords("\"oil price\" AND (opec OR title:gas*) +iran") == " oil price  and  opec or title gas    iran");
  CHECK(AsPlainWords("NEARBY ADJUSTS") == "nearBY adjUSTS");  // every occurrence, as the parser would read them
}

TEST_CASE("query words: a query of nothing but exclusions gives the words excluded") {
  CHECK(OnlyExclusions("-oil  -gas") == Words{"oil", "gas"});
  CHECK_FALSE(OnlyExclusions("-oil gas"));
  CHECK_FALSE(OnlyExclusions("--oil"));
  CHECK_FALSE(OnlyExclusions("-"));
  CHECK_FALSE(OnlyExclusions(""));
}

TEST_CASE("query words: plain words are normalised, a query written as syntax has none") {
  CHECK(PlainWords("Andrei  Karlov") == Words{"andrei", "karlov"});
  CHECK_FALSE(PlainWords("oil OR gas"));
  CHECK_FALSE(PlainWords("-oil gas"));
  CHECK_FALSE(PlainWords("+oil"));
  CHECK_FALSE(PlainWords("title:oil"));
  CHECK_FALSE(PlainWords("\"oil price\""));
  CHECK_FALSE(PlainWords("opec*"));
}
