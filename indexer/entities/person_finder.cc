#include "indexer/entities/person_finder.h"

// The steps are in files of their own: candidate runs
// (person_finder_chunks.cc), titles trimmed off them
// (person_finder_titles.cc), evidence (person_finder_evidence.cc), and
// text in capitals (person_finder_capitals.cc).

#include "analysis/word_table.h"
#include "indexer/entities/lower_case_use.h"

namespace newsfacet {

std::vector<PersonSpan> PersonFinder::FindSpans(const TokenStream& stream, const std::vector<NameSpan>& names) const {
  const std::vector<Token>& tokens = stream.tokens;
  const LowerCaseUse lower_case(tokens);
  WordTable lone_words;  // words standing alone as a name somewhere
  std::vector<PersonSpan> spans;
  for (const Chunk& chunk : FindChunks(stream, lower_case, lone_words)) {
    PersonSpan span;
    span.begin = chunk.begin;
    span.end = chunk.end;
    span.title_cue = chunk.title_cue;
    if (chunk.role_begin < chunk.begin) span.role = RoleText(tokens, chunk.role_begin, chunk.begin);
    if (!Assess(tokens, chunk.title_cue, &span)) continue;
    span.common_word = span.name_words == 1 && (chunk.capitals_only || lower_case.WrittenInLowerCase(tokens[span.begin]));
    WeighUseInArticle(tokens, lone_words, &span);
    spans.push_back(std::move(span));
  }
  WeighTaggedNames(tokens, names, stream.title_all_caps, spans);
  AcceptListNeighbours(tokens, spans);
  return spans;
}

}  // namespace newsfacet
