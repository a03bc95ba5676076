#include "near_duplicate.h"

#include <doctest/doctest.h>

namespace newsfacet {
namespace {

const char* kLead =
    "Brazil's trade surplus doubled in March to 1.2 billion dlrs from 600 mln dlrs in February, "
    "the central bank said. Exports rose to 2.1 billion dlrs while imports fell to 900 mln dlrs, "
    "officials said, adding that the coffee harvest helped.";

TEST_CASE("the same story filed twice gets the same key") {
  const std::string key = NearDuplicateKey("BRAZIL'S TRADE SURPLUS DOUBLED IN MARCH", kLead);
  CHECK(key.size() == 16);
  CHECK(NearDuplicateKey("BRAZIL'S TRADE SURPLUS DOUBLED IN MARCH", kLead) == key);
  // Letter case, diacritics and punctuation do not make another story.
  CHECK(NearDuplicateKey("Brazil's trade surplus doubled in March", std::string(kLead) + "  ") == key);
}

TEST_CASE("only the lead counts: a story repeated with more paragraphs keeps its key") {
  std::string longer = std::string(kLead) + " ";
  for (int i = 0; i < 40; ++i) longer += "Analysts in Sao Paulo expect further gains in the coming months. ";
  CHECK(NearDuplicateKey("BRAZIL'S TRADE SURPLUS DOUBLED IN MARCH", longer) ==
        NearDuplicateKey("BRAZIL'S TRADE SURPLUS DOUBLED IN MARCH", kLead));
}

TEST_CASE("templated stories with other figures and names get other keys") {
  const std::string first = NearDuplicateKey("ACME CORP 1ST QTR NET",
                                             "Shr 12 cts vs 10 cts Net 1,200,000 vs 1,000,000 Revs 20.5 mln vs 18.1 mln");
  const std::string second = NearDuplicateKey("ZENITH INC 1ST QTR NET",
                                              "Shr 40 cts vs 31 cts Net 8,300,000 vs 6,100,000 Revs 95.2 mln vs 90.7 mln");
  CHECK(!first.empty());
  CHECK(first != second);
}

TEST_CASE("an article too short to judge has no key") {
  CHECK(NearDuplicateKey("Oil", "Prices rose.").empty());
  CHECK(NearDuplicateKey("", "").empty());
}

TEST_CASE("different stories get different keys") {
  CHECK(NearDuplicateKey("JAPAN CUTS DISCOUNT RATE", "The Bank of Japan cut its official discount rate by half a point "
                                                     "to 2.5 pct, the lowest in its history, the central bank said.") !=
        NearDuplicateKey("BRAZIL'S TRADE SURPLUS DOUBLED IN MARCH", kLead));
}

}  // namespace
}  // namespace newsfacet
