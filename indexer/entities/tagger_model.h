// The weights of the name tagger, a linear-chain model (averaged
// perceptron) over nine tags: O, and B-/I- for PER, ORG, LOC, MISC.
//
// Emission weights are kept per feature (tagger_features.h) as 16-bit
// integers times one scale, in an open-addressing table; transition weights
// (tag after tag, and the first tag of a sentence) as floats. The file is
// little-endian whatever the machine:
//   "NFTAGGER" u32 version, u32 features, f32 scale, f32[10][9] transitions,
//   then per feature, by increasing id: u32 id, i16[9] weights.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/entities/tagger_features.h"
#include "common/status.h"

namespace newsfacet {

inline constexpr int kTagCount = 9;
enum Tag : int { kOutside = 0, kBeginPerson, kInsidePerson, kBeginOrganisation, kInsideOrganisation,
                 kBeginLocation, kInsideLocation, kBeginMisc, kInsideMisc };
// "PER", "ORG", "LOC", "MISC" and the tag for B-/I- of each; -1 if unknown.
int TagOf(bool begin, const std::string& type);
inline bool IsBegin(int tag) { return tag % 2 == 1; }
inline int TypeOf(int tag) { return (tag + 1) / 2; }  // 0 none, 1 PER, 2 ORG, 3 LOC, 4 MISC

using TagScores = std::array<float, kTagCount>;
// Row kTagCount is the start of a sentence.
using Transitions = std::array<TagScores, kTagCount + 1>;

class TaggerModel {
 public:
  // `weights` by feature; transitions as they are. Weights are quantised.
  static TaggerModel FromWeights(const std::vector<std::pair<FeatureId, TagScores>>& weights,
                                 const Transitions& transitions);
  static Status Load(const std::filesystem::path& file, TaggerModel* model);
  std::string Serialize() const;

  // Adds the weights of `features` to `scores`.
  void AddEmissions(const std::vector<FeatureId>& features, TagScores* scores) const;
  const Transitions& transitions() const { return transitions_; }
  size_t feature_count() const { return count_; }

 private:
  static Status Parse(const std::string& bytes, TaggerModel* model);
  void Insert(FeatureId id, const int16_t* weights);

  std::vector<FeatureId> keys_;  // 0: empty slot
  std::vector<int16_t> weights_;  // kTagCount per slot
  size_t count_ = 0;
  float scale_ = 1;
  Transitions transitions_{};
};

// The best tag sequence for one sentence under the transitions, never an
// I- tag that does not continue a B- or I- of the same type. For a stretch
// of a sentence: `previous` is the tag before it (kTagCount: the sentence
// starts here), and `outside_after` says an O follows it.
std::vector<int> BestTags(const std::vector<TagScores>& emissions, const Transitions& transitions,
                          int previous = kTagCount, bool outside_after = false);

}  // namespace newsfacet
