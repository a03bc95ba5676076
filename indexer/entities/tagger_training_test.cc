#include "indexer/entities/tagger_training.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <unistd.h>

#include <doctest/doctest.h>

#include "tests/entity_model_fixture.h"

#include "analysis/data_files.h"
#include "indexer/entities/entity_extractor.h"
#include "indexer/entities/name_tagger.h"

using namespace newsfacet;

namespace {

const EntityModel& Model() { return testing::SharedEntityModel(EntityModel::kWithoutTagger); }

std::vector<TrainingSentence> Read(const std::string& conll) {
  // One file per process: ctest runs each test case as a process of its own, side by side.
  auto path = std::filesystem::temp_directory_path() /
              ("newsfacet-tagger-training-test-" + std::to_string(getpid()) + ".conll");
  std::ofstream(path) << conll;
  std::vector<TrainingSentence> sentences;
  Status status = ReadTrainingSentences(path, &sentences);
  std::filesystem::remove(path);
  REQUIRE(status.ok());
  return sentences;
}

}  // namespace

TEST_CASE("training data: IOB1 and WNUT types become B-/I- tags, and split words keep their tag") {
  std::vector<TrainingSentence> sentences = Read(
      "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\njoined O\nAcme I-ORG\n\n"
      "Bashar B-person\nal-Assad I-person\nspoke O\n");
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].tags == std::vector<int>{kBeginPerson, kInsidePerson, kOutside, kBeginOrganisation});
  // "al-Assad" is three tokens: al, -, Assad.
  REQUIRE(sentences[1].tokens.size() == 5);
  CHECK(sentences[1].tags == std::vector<int>{kBeginPerson, kInsidePerson, kInsidePerson, kInsidePerson, kOutside});
}

TEST_CASE("training: a perceptron trained on a few sentences tags names it has seen in a new sentence") {
  std::string conll;
  for (const char* person : {"Karlov", "Putin", "Erdogan", "Merkel"}) {
    for (const char* company : {"Texaco", "Chrysler", "Siemens"}) {
      conll += std::string(person) + " B-PER\nsaid O\n" + company + " B-ORG\nInc I-ORG\nwould O\nbuy O\nit O\n. O\n\n";
      conll += std::string("Shares O\nof O\n") + company + " B-ORG\nrose O\n, O\n" + person + " B-PER\nsaid O\n\n";
    }
  }
  std::vector<TrainingSentence> sentences = Read(conll);
  TaggerFeatures features(Model().lexicon(), Model().countries());
  TrainingOptions options;
  options.epochs = 5;
  TaggerModel model = TrainTagger(sentences, features, options);
  // Training twice gives the same bytes.
  CHECK(TrainTagger(sentences, features, options).Serialize() == model.Serialize());
  NameTagger tagger(model, features);
  TokenStream stream = Tokenize("", "Shares of Siemens rose, Merkel said.");
  std::vector<NameSpan> names = tagger.Tag(stream);
  REQUIRE(names.size() == 2);
  CHECK(stream.tokens[names[0].begin].text == "Siemens");
  CHECK(names[0].type == NameType::kOrganisation);
  CHECK(stream.tokens[names[1].begin].text == "Merkel");
  CHECK(names[1].type == NameType::kPerson);
}
