#include "name_tagger.h"

namespace newsfacet {

std::vector<int> NameTagger::TagSentence(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  const bool caps = IsCapsSentence(tokens, begin, end);
  std::vector<TagScores> emissions(end - begin);
  std::vector<FeatureId> features;
  for (size_t i = begin; i < end; ++i) {
    emissions[i - begin].fill(0);
    features_.Extract(tokens, begin, end, i, caps, &features);
    model_.AddEmissions(features, &emissions[i - begin]);
  }
  return BestTags(emissions, model_.transitions());
}

std::vector<NameSpan> SpansOf(const std::vector<int>& tags, size_t offset) {
  std::vector<NameSpan> spans;
  for (size_t i = 0; i < tags.size();) {
    if (tags[i] == kOutside) {
      ++i;
      continue;
    }
    const int type = TypeOf(tags[i]);
    size_t end = i + 1;
    while (end < tags.size() && tags[end] != kOutside && !IsBegin(tags[end]) && TypeOf(tags[end]) == type) ++end;
    spans.push_back({offset + i, offset + end, static_cast<NameType>(type)});
    i = end;
  }
  return spans;
}

std::vector<NameSpan> NameTagger::Tag(const TokenStream& stream) const {
  const std::vector<Token>& tokens = stream.tokens;
  std::vector<NameSpan> spans;
  for (size_t begin = 0; begin < tokens.size();) {
    size_t end = begin + 1;
    while (end < tokens.size() && tokens[end].sentence == tokens[begin].sentence) ++end;
    // A sentence with no capital letter names nobody a newsroom writes about.
    bool capitals = false;
    for (size_t i = begin; i < end && !capitals; ++i) capitals = tokens[i].capitalized;
    if (capitals) {
      for (const NameSpan& span : SpansOf(TagSentence(tokens, begin, end), begin)) spans.push_back(span);
    }
    begin = end;
  }
  return spans;
}

}  // namespace newsfacet
