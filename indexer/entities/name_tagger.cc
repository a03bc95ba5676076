#include "indexer/entities/name_tagger.h"

#include <algorithm>

namespace newsfacet {

namespace {

// Whether a token may be part of a name: a capitalised word, or a small
// word or mark between two ("Bank of England", "Smith & Wesson"). Every
// other token is tagged O without asking the model, which splits a
// sentence into short stretches that Viterbi decodes apart, exactly as if
// the O had been decoded.
bool MayBeName(const std::vector<Token>& tokens, size_t begin, size_t end, size_t i) {
  if (tokens[i].capitalized) return true;
  return i > begin && i + 1 < end && tokens[i - 1].capitalized && tokens[i + 1].capitalized;
}

}  // namespace

std::vector<int> NameTagger::TagSentence(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  const bool caps = IsCapsSentence(tokens, begin, end);
  std::vector<int> tags(end - begin, kOutside);
  std::vector<TokenFacts> facts(end - begin);
  size_t facts_end = begin;  // facts are filled up to here
  std::vector<TagScores> emissions;
  std::vector<FeatureId> features;
  for (size_t stretch = begin; stretch < end;) {
    if (!MayBeName(tokens, begin, end, stretch)) {
      ++stretch;
      continue;
    }
    size_t stretch_end = stretch + 1;
    while (stretch_end < end && MayBeName(tokens, begin, end, stretch_end)) ++stretch_end;
    // A token's features read the facts of one token before it and two after.
    const size_t facts_from = std::max(facts_end, stretch > begin ? stretch - 1 : begin);
    facts_end = std::min(end, stretch_end + 2);
    features_.FillFacts(tokens, begin, end, facts_from, facts_end, &facts);
    emissions.assign(stretch_end - stretch, TagScores{});
    for (size_t i = stretch; i < stretch_end; ++i) {
      features_.Extract(tokens, begin, end, i, caps, facts, &features);
      model_.AddEmissions(features, &emissions[i - stretch]);
    }
    const int previous = stretch == begin ? kTagCount : kOutside;
    std::vector<int> best = BestTags(emissions, model_.transitions(), previous, stretch_end < end);
    std::copy(best.begin(), best.end(), tags.begin() + static_cast<std::ptrdiff_t>(stretch - begin));
    stretch = stretch_end;
  }
  return tags;
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
