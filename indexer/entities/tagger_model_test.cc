#include "indexer/entities/tagger_model.h"

#include <filesystem>
#include <fstream>

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
