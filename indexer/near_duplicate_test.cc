#include "indexer/near_duplicate.h"

#include <doctest/doctest.h>

#include <set>

namespace newsfacet {
namespace {

const char* kLead =
    "Brazil's trade surplus doubled in March to 1.2 billion dlrs from 600 mln dlrs in February, "
    "the central bank said. Exports rose to 2.1 billion dlrs while imports fell to 900 mln dlrs, "
    "officials said, adding that the coffee harvest helped. The central bank said the surplus was the largest "
    "since the moratorium on interest payments was declared, and that reserves had begun to recover after "
    "months of steady decline.";

TEST_CASE("the same story filed twice gets the same key") {
  const std::string key = NearDuplicateKey("BRAZIL'S TRADE SURPLUS DOUBLED IN MARCH", kLead);
  CHECK(key.size() == 12);
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

namespace newsfacet {
namespace {

TEST_CASE("stories sharing only a dateline and a headline's opening words get other keys") {
  // Two shingles of boilerplate with small hashes once made every "NEW YORK,
  // April 24 -" story one cluster; a sketch of four needs more in common.
  const char* stories[][2] = {
      {"PHIBRO ENERGY CHAIRMAN SAID TO HAVE RESIGNED",
       "NEW YORK, April 24 - Thomas O'Malley, chairman of Phibro Energy, a subsidiary of Salomon Brothers, has left "
       "the company to form his own oil trading firm, industry sources said. Earlier he resigned from the board."},
      {"VENEZUELA RE-ESTABLISHES POSTED PRODUCT PRICES",
       "NEW YORK, April 24 - Petroleos de Venezuela, the state owned oil company, has re-established posted prices "
       "for some light products and heavy fuel oil, industry sources in New York said on Friday."},
      {"BARCLAYS SAYS PROSPECTS BRIGHT FOR UK ECONOMY",
       "NEW YORK, April 24 - Barclays Bank said prospects for the British economy were bright, with growth expected "
       "to stay strong and inflation low through the rest of the year, its chief economist told reporters."},
  };
  std::set<std::string> keys;
  for (const auto& story : stories) keys.insert(NearDuplicateKey(story[0], story[1]));
  CHECK(keys.size() == 3);
}

TEST_CASE("a headline with no story has no key: flashes alike in their words are not the same news") {
  CHECK(NearDuplicateKey("FED SETS ONE BILLION DLR CUSTOMER REPURCHASE, FED SAYS", "").empty());
  CHECK(NearDuplicateKey("U.S. TREASURY'S BAKER SAYS PARIS PACT ONLY A START TO GREATER COOPERATION", "").empty());
}

}  // namespace
}  // namespace newsfacet
