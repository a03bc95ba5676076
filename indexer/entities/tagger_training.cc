#include "indexer/entities/tagger_training.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <unordered_map>

namespace newsfacet {
namespace {

struct LabelledWord {
  std::string word;
  std::string type;  // "" for O
  bool begin = false;
};

std::string MapType(std::string type) {
  if (type == "person") return "PER";
  if (type == "location") return "LOC";
  if (type == "corporation" || type == "group") return "ORG";
  if (type == "product" || type == "creative-work") return "MISC";
  if (type == "PER" || type == "ORG" || type == "LOC" || type == "MISC") return type;
  return "";
}

TrainingSentence Align(const std::vector<LabelledWord>& words) {
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  for (const LabelledWord& word : words) {
    if (!text.empty()) text.push_back(' ');
    ranges.emplace_back(static_cast<uint32_t>(text.size()), static_cast<uint32_t>(text.size() + word.word.size()));
    text += word.word;
  }
  TrainingSentence sentence;
  sentence.tokens = Tokenize("", text).tokens;
  size_t w = 0;
  uint32_t last_word = UINT32_MAX;
  for (const Token& token : sentence.tokens) {
    while (w + 1 < ranges.size() && token.begin >= ranges[w].second) ++w;
    const LabelledWord& word = words[w];
    int tag = kOutside;
    if (!word.type.empty()) tag = TagOf(word.begin && last_word != w, word.type);
    sentence.tags.push_back(tag);
    last_word = static_cast<uint32_t>(w);
  }
  return sentence;
}

// Fisher-Yates with an explicit generator: the same order on every platform.
void Shuffle(std::vector<size_t>& order, std::mt19937& generator) {
  for (size_t i = order.size(); i > 1; --i) {
    size_t j = generator() % i;
    std::swap(order[i - 1], order[j]);
  }
}

}  // namespace

Status ReadTrainingSentences(const std::filesystem::path& file, std::vector<TrainingSentence>* sentences) {
  std::ifstream in(file);
  if (!in) return Status::Error("cannot read " + file.string());
  std::vector<LabelledWord> words;
  std::string previous_type;
  auto flush = [&] {
    if (!words.empty()) sentences->push_back(Align(words));
    words.clear();
    previous_type.clear();
  };
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream fields(line);
    std::vector<std::string> columns;
    for (std::string column; fields >> column;) columns.push_back(column);
    if (columns.empty()) {
      flush();
      continue;
    }
    if (columns[0] == "-DOCSTART-") {
      flush();
      continue;
    }
    if (columns.size() < 2) continue;
    const std::string& label = columns.back();
    LabelledWord word{columns[0], "", false};
    if (label.size() > 2 && (label[0] == 'B' || label[0] == 'I') && label[1] == '-') {
      word.type = MapType(label.substr(2));
      // IOB1 marks only a second adjacent entity with B-: begin wherever the type changes.
      word.begin = !word.type.empty() && (label[0] == 'B' || word.type != previous_type);
    }
    previous_type = word.type;
    words.push_back(std::move(word));
  }
  flush();
  return Status::Ok();
}

namespace {

// Every token's features, numbered once in order of first use.
struct NumberedFeatures {
  std::vector<FeatureId> ids;                              // by number
  std::vector<std::vector<std::vector<uint32_t>>> tokens;  // sentence, token: its feature numbers
};

NumberedFeatures NumberFeatures(const std::vector<TrainingSentence>& sentences, const TaggerFeatures& features) {
  NumberedFeatures numbered;
  numbered.tokens.resize(sentences.size());
  std::unordered_map<FeatureId, uint32_t> number_of;
  std::vector<FeatureId> scratch;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<Token>& tokens = sentences[s].tokens;
    const bool caps = IsCapsSentence(tokens, 0, tokens.size());
    const std::vector<TokenFacts> facts = features.SentenceFacts(tokens, 0, tokens.size());
    numbered.tokens[s].resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      features.Extract(tokens, 0, tokens.size(), i, caps, facts, &scratch);
      for (FeatureId id : scratch) {
        auto [it, added] = number_of.emplace(id, static_cast<uint32_t>(numbered.ids.size()));
        if (added) numbered.ids.push_back(id);
        numbered.tokens[s][i].push_back(it->second);
      }
    }
  }
  return numbered;
}

// The perceptron's weights while it learns, averaged by the usual trick:
// w_avg = w - u / c, with u summing c * update.
class AveragedPerceptron {
 public:
  explicit AveragedPerceptron(size_t features)
      : weights_(features, TagScores{}), updates_(features, std::array<double, kTagCount>{}) {}

  // Tags one sentence with the current weights and moves them towards `gold`.
  void Learn(const std::vector<std::vector<uint32_t>>& features, const std::vector<int>& gold) {
    std::vector<TagScores> emissions(gold.size());
    for (size_t i = 0; i < gold.size(); ++i) {
      emissions[i].fill(0);
      for (uint32_t n : features[i]) {
        for (int t = 0; t < kTagCount; ++t) emissions[i][t] += weights_[n][t];
      }
    }
    std::vector<int> predicted = BestTags(emissions, transitions_);
    for (size_t i = 0; i < gold.size(); ++i) {
      const int previous_gold = i == 0 ? kTagCount : gold[i - 1];
      const int previous_predicted = i == 0 ? kTagCount : predicted[i - 1];
      if (gold[i] != predicted[i]) {
        for (uint32_t n : features[i]) {
          weights_[n][gold[i]] += 1;
          weights_[n][predicted[i]] -= 1;
          updates_[n][gold[i]] += step_;
          updates_[n][predicted[i]] -= step_;
        }
      }
      if (gold[i] != predicted[i] || previous_gold != previous_predicted) {
        transitions_[previous_gold][gold[i]] += 1;
        transitions_[previous_predicted][predicted[i]] -= 1;
        transition_updates_[previous_gold][gold[i]] += step_;
        transition_updates_[previous_predicted][predicted[i]] -= step_;
      }
    }
    step_ += 1;
  }

  // The averaged model, less the features whose weights all stay below `prune_below`.
  TaggerModel Averaged(const std::vector<FeatureId>& ids, float prune_below) const {
    std::vector<std::pair<FeatureId, TagScores>> kept;
    for (size_t n = 0; n < ids.size(); ++n) {
      TagScores averaged;
      float largest = 0;
      for (int t = 0; t < kTagCount; ++t) {
        averaged[t] = static_cast<float>(weights_[n][t] - updates_[n][t] / step_);
        largest = std::max(largest, std::fabs(averaged[t]));
      }
      if (largest >= prune_below) kept.emplace_back(ids[n], averaged);
    }
    Transitions averaged_transitions;
    for (int p = 0; p <= kTagCount; ++p) {
      for (int t = 0; t < kTagCount; ++t) {
        averaged_transitions[p][t] = static_cast<float>(transitions_[p][t] - transition_updates_[p][t] / step_);
      }
    }
    return TaggerModel::FromWeights(kept, averaged_transitions);
  }

 private:
  std::vector<TagScores> weights_;
  std::vector<std::array<double, kTagCount>> updates_;
  Transitions transitions_{};
  std::array<std::array<double, kTagCount>, kTagCount + 1> transition_updates_{};
  double step_ = 1;
};

}  // namespace

TaggerModel TrainTagger(const std::vector<TrainingSentence>& sentences, const TaggerFeatures& features,
                        const TrainingOptions& options) {
  const NumberedFeatures numbered = NumberFeatures(sentences, features);
  AveragedPerceptron perceptron(numbered.ids.size());
  std::vector<size_t> order(sentences.size());
  for (size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::mt19937 generator(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(order, generator);
    for (size_t s : order) perceptron.Learn(numbered.tokens[s], sentences[s].tags);
  }
  return perceptron.Averaged(numbered.ids, options.prune_below);
}

}  // namespace newsfacet
