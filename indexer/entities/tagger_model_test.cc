#include "indexer/entities/tagger_model.h"

#include <filesystem>
#include <fstream>
#include <random>

#include <doctest/doctest.h>

#include "analysis/data_files.h"

using namespace newsfacet;

namespace {

TaggerModel SmallModel() {
  TagScores person{}, organisation{};
  person[kBeginPerson] = 2.5f;
  organisation[kBeginOrganisation] = -1.25f;
  Transitions transitions{};
  transitions[kBeginPerson][kInsidePerson] = 0.5f;
  return TaggerModel::FromWeights({{7, person}, {9, organisation}}, transitions);
}

TaggerModel Reparse(const std::string& bytes, Status* status) {
  auto path = std::filesystem::temp_directory_path() / "newsfacet-tagger-model-test.bin";
  std::ofstream(path, std::ios::binary) << bytes;
  TaggerModel model;
  *status = TaggerModel::Load(path, &model);
  std::filesystem::remove(path);
  return model;
}

}  // namespace

TEST_CASE("tagger model: weights survive serialisation, and unknown features add nothing") {
  TaggerModel model = SmallModel();
  Status status = Status::Ok();
  TaggerModel loaded = Reparse(model.Serialize(), &status);
  REQUIRE(status.ok());
  CHECK(loaded.Serialize() == model.Serialize());
  TagScores scores{};
  loaded.AddEmissions({7, 9, 12345}, &scores);
  CHECK(scores[kBeginPerson] == doctest::Approx(2.5).epsilon(0.001));
  CHECK(scores[kBeginOrganisation] == doctest::Approx(-1.25).epsilon(0.001));
  CHECK(scores[kOutside] == 0);
  CHECK(loaded.transitions()[kBeginPerson][kInsidePerson] == 0.5f);
}

TEST_CASE("tagger model: a cut or foreign file is refused with a message, not read") {
  const std::string bytes = SmallModel().Serialize();
  Status status = Status::Ok();
  Reparse(bytes.substr(0, bytes.size() - 3), &status);
  CHECK_FALSE(status.ok());
  Reparse("XAPIANDB" + bytes.substr(8), &status);
  CHECK_FALSE(status.ok());
  Reparse(bytes + "x", &status);
  CHECK_FALSE(status.ok());
}

TEST_CASE("tagger model: the best tags never start a name with I-") {
  Transitions transitions{};
  std::vector<TagScores> emissions(4, TagScores{});
  // Emissions alone would say I-PER, O, O, I-ORG: impossible sequences.
  emissions[0][kInsidePerson] = 5;
  emissions[3][kInsideOrganisation] = 5;
  std::vector<int> tags = BestTags(emissions, transitions);
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == kOutside || IsBegin(tags[i])) continue;
    REQUIRE(i > 0);
    CHECK(tags[i - 1] != kOutside);
    CHECK(TypeOf(tags[i - 1]) == TypeOf(tags[i]));
  }
  CHECK(tags[0] != kInsidePerson);
}

TEST_CASE("tagger model: the shipped model loads") {
  TaggerModel model;
  Status status = TaggerModel::Load(DataDirectory() / "data" / "name_tagger.bin", &model);
  REQUIRE_MESSAGE(status.ok(), status.message());
  CHECK(model.feature_count() > 10000);
}

TEST_CASE("tagger model: every one of the nine tags gets its weights, summed over the features") {
  TagScores first{}, second{};
  for (int t = 0; t < kTagCount; ++t) {
    first[t] = static_cast<float>(t + 1);
    second[t] = static_cast<float>(-2 * t);
  }
  TaggerModel model = TaggerModel::FromWeights({{11, first}, {12, second}}, Transitions{});
  TagScores scores{};
  scores[kInsideMisc] = 0.5f;  // emissions add to what is there
  model.AddEmissions({11, 12, 11, 99}, &scores);
  for (int t = 0; t < kTagCount; ++t) {
    CAPTURE(t);
    const double expected = 2.0 * (t + 1) - 2.0 * t + (t == kInsideMisc ? 0.5 : 0.0);
    CHECK(scores[t] == doctest::Approx(expected).epsilon(0.001));
  }
}

namespace {

// The score of a tag sequence as BestTags defines it, and whether it is allowed.
bool SequenceScore(const std::vector<int>& tags, const std::vector<TagScores>& emissions,
                   const Transitions& transitions, int previous, bool outside_after, double* score) {
  *score = 0;
  for (size_t i = 0; i < tags.size(); ++i) {
    const int before = i == 0 ? previous : tags[i - 1];
    if (!IsBegin(tags[i]) && tags[i] != kOutside &&
        (before == kTagCount || before == kOutside || TypeOf(before) != TypeOf(tags[i]))) {
      return false;
    }
    *score += transitions[before][tags[i]] + emissions[i][tags[i]];
  }
  if (outside_after) *score += transitions[tags.back()][kOutside];
  return true;
}

}  // namespace

TEST_CASE("tagger model: the best tags are the best-scoring allowed sequence that exhaustive search finds") {
  std::mt19937 random(20261206);
  std::uniform_real_distribution<float> weight(-3, 3);
  for (int round = 0; round < 40; ++round) {
    Transitions transitions;
    for (TagScores& row : transitions) {
      for (float& w : row) w = weight(random);
    }
    const size_t length = 1 + round % 4;
    std::vector<TagScores> emissions(length);
    for (TagScores& scores : emissions) {
      for (float& w : scores) w = weight(random);
    }
    const int previous = round % 3 == 0 ? kTagCount : round % 3 == 1 ? kOutside : kBeginOrganisation;
    const bool outside_after = round % 2 == 0;
    CAPTURE(round);
    double best_score = -1e30;
    std::vector<int> best, tags(length, 0);
    for (size_t combination = 0;; ++combination) {
      size_t rest = combination;
      for (size_t i = 0; i < length; ++i, rest /= kTagCount) tags[i] = static_cast<int>(rest % kTagCount);
      if (rest > 0) break;
      double score;
      if (SequenceScore(tags, emissions, transitions, previous, outside_after, &score) && score > best_score) {
        best_score = score;
        best = tags;
      }
    }
    CHECK(BestTags(emissions, transitions, previous, outside_after) == best);
  }
}
