// Training the name tagger (name_tagger.h) from labelled sentences: an
// averaged structured perceptron, deterministic for a given input and seed,
// so the shipped model can be rebuilt byte for byte
// (scripts/train-name-tagger.sh).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/entities/tagger_features.h"
#include "indexer/entities/tagger_model.h"
#include "indexer/entities/token_stream.h"
#include "common/status.h"

namespace newsfacet {

struct TrainingSentence {
  std::vector<Token> tokens;  // as Tokenize() splits the sentence's words joined by spaces
  std::vector<int> tags;      // one per token
};

// Reads a CoNLL-column file (the word first, the tag last; blank lines end
// sentences; "-DOCSTART-" lines skipped), IOB1 or IOB2. Entity types other
// than PER/ORG/LOC/MISC are mapped (WNUT's person, location, corporation,
// group, product, creative-work) or dropped to O. A word that Tokenize()
// splits ("al-Assad") gives its tag to the first piece and I- to the rest.
Status ReadTrainingSentences(const std::filesystem::path& file, std::vector<TrainingSentence>* sentences);

struct TrainingOptions {
  int epochs = 8;
  uint32_t seed = 1;
  // Features whose averaged weights all stay below this are dropped.
  float prune_below = 0.05f;
};

TaggerModel TrainTagger(const std::vector<TrainingSentence>& sentences, const TaggerFeatures& features,
                        const TrainingOptions& options);

}  // namespace newsfacet
