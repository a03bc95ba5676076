#include "indexer/entities/tagger_features.h"

#include <vector>

#include <doctest/doctest.h>

#include "tests/entity_model_fixture.h"

using namespace newsfacet;

TEST_CASE("tagger features: a token's features need the facts of only one token before it and two after") {
  const EntityModel& model = testing::SharedEntityModel();
  const TaggerFeatures features(model.lexicon(), model.countries());
  const TokenStream stream = Tokenize("", "Foreign Minister Mevlut Cavusoglu of Turkey met U.S. Secretary of State "
                                          "John Kerry in Ankara, the Kremlin said on Monday.");
  const std::vector<Token>& tokens = stream.tokens;
  const size_t end = tokens.size();
  REQUIRE(end > 10);
  const bool caps = IsCapsSentence(tokens, 0, end);
  const std::vector<TokenFacts> all = features.SentenceFacts(tokens, 0, end);
  std::vector<FeatureId> expected, got;
  bool some_place = false, some_flags = false;
  for (size_t i = 0; i < end; ++i) {
    CAPTURE(i);
    some_place = some_place || all[i].place != 0;
    some_flags = some_flags || all[i].flags != 0;
    features.Extract(tokens, 0, end, i, caps, all, &expected);
    // Facts left empty elsewhere: a feature that read them would differ.
    std::vector<TokenFacts> around(end);
    features.FillFacts(tokens, 0, end, i > 0 ? i - 1 : 0, i + 3, &around);
    features.Extract(tokens, 0, end, i, caps, around, &got);
    CHECK(got == expected);
  }
  CHECK(some_place);
  CHECK(some_flags);
}

TEST_CASE("tagger features: the facts of part of a sentence are those of the whole") {
  const EntityModel& model = testing::SharedEntityModel();
  const TaggerFeatures features(model.lexicon(), model.countries());
  const TokenStream stream = Tokenize("", "Chancellor Helmut Kohl and President Reagan spoke in Bonn.");
  const std::vector<Token>& tokens = stream.tokens;
  const std::vector<TokenFacts> all = features.SentenceFacts(tokens, 0, tokens.size());
  std::vector<TokenFacts> part(tokens.size());
  features.FillFacts(tokens, 0, tokens.size(), 2, 6, &part);
  for (size_t i = 0; i < tokens.size(); ++i) {
    CAPTURE(i);
    const bool filled = i >= 2 && i < 6;
    CHECK(part[i].flags == (filled ? all[i].flags : 0));
    CHECK(part[i].shape == (filled ? all[i].shape : 0));
    CHECK(part[i].place == (filled ? all[i].place : 0));
  }
}
