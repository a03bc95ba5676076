// Trains the name tagger's model from CoNLL-column files and writes it.
//
//   train_name_tagger --out MODEL [--epochs N] [--seed N] FILE...
//
// Deterministic: the same files in the same order give the same bytes.
// scripts/train-name-tagger.sh runs it on the openly licensed data that the
// shipped model (schemas/data/name_tagger.bin) is made from.
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/data_files.h"
#include "indexer/entities/entity_extractor.h"
#include "indexer/entities/tagger_training.h"

using namespace newsfacet;

int main(int argc, char** argv) {
  std::vector<std::string> files;
  std::string out;
  TrainingOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << "Usage: train_name_tagger --out MODEL [--epochs N] [--seed N] FILE...\n"
                   "Trains the name tagger on CoNLL-column files (word first, IOB tag last).\n";
      return 0;
    }
    if ((arg == "--out" || arg == "--epochs" || arg == "--seed") && i + 1 < argc) {
      std::string value = argv[++i];
      if (arg == "--out") out = value;
      else if (arg == "--epochs") options.epochs = std::stoi(value);
      else options.seed = static_cast<uint32_t>(std::stoul(value));
      continue;
    }
    files.push_back(arg);
  }
  if (out.empty() || files.empty()) {
    std::cerr << "train_name_tagger: needs --out MODEL and at least one FILE (--help)\n";
    return 2;
  }
  std::unique_ptr<EntityModel> entity_model;
  if (Status status = EntityModel::Load(DataDirectory(), &entity_model, EntityModel::kWithoutTagger); !status.ok()) {
    std::cerr << "train_name_tagger: " << status.message() << "\n";
    return 2;
  }
  std::vector<TrainingSentence> sentences;
  for (const std::string& file : files) {
    if (Status status = ReadTrainingSentences(file, &sentences); !status.ok()) {
      std::cerr << "train_name_tagger: " << status.message() << "\n";
      return 2;
    }
  }
  auto start = std::chrono::steady_clock::now();
  TaggerFeatures features(entity_model->lexicon(), entity_model->countries());
  TaggerModel model = TrainTagger(sentences, features, options);
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file << model.Serialize();
  if (!file.flush()) {
    std::cerr << "train_name_tagger: cannot write " << out << "\n";
    return 2;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "train_name_tagger: " << sentences.size() << " sentences, " << model.feature_count()
            << " features kept, " << seconds << " s -> " << out << "\n";
  return 0;
}
