// A statistical name tagger: marks the people, organisations, places and
// other names of an article's sentences, learned from labelled text
// (scripts/train-name-tagger.sh) rather than written as rules.
//
// Each sentence is tagged on its own, as the model was trained: features
// per token (tagger_features.h), weights (tagger_model.h), and the best
// tag sequence by Viterbi. Person finding uses the result as evidence and
// organisations come from it; see entity_extractor.cc.
#pragma once

#include <cstdint>
#include <vector>

#include "indexer/entities/tagger_features.h"
#include "indexer/entities/tagger_model.h"

namespace newsfacet {

enum class NameType : uint8_t { kPerson = 1, kOrganisation = 2, kLocation = 3, kMisc = 4 };

struct NameSpan {
  size_t begin = 0, end = 0;  // tokens
  NameType type = NameType::kMisc;
};

// Thread-safe: const and stateless once built.
class NameTagger {
 public:
  NameTagger(const TaggerModel& model, const TaggerFeatures& features) : model_(model), features_(features) {}

  // The names of every sentence, in token order.
  std::vector<NameSpan> Tag(const TokenStream& stream) const;
  // One tag (tagger_model.h) per token of the sentence [begin, end).
  std::vector<int> TagSentence(const std::vector<Token>& tokens, size_t begin, size_t end) const;

 private:
  const TaggerModel& model_;
  const TaggerFeatures& features_;
};

// The spans that tags mark, one per B- (or stray I-) and its I- run.
std::vector<NameSpan> SpansOf(const std::vector<int>& tags, size_t offset);

}  // namespace newsfacet
