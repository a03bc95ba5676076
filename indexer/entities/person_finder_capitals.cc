// Names in text written all in capitals, where capitals say nothing: an
// all-capitals headline ("PRESIDENT REAGAN VOWS ...") and a sentence in
// capitals within the body ("SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN .").
#include <algorithm>
#include <cctype>

#include "indexer/entities/person_finder.h"

namespace newsfacet {

// An all-capitals headline says nothing by its capitals, but a lone word
// after a title or speaking first is a surname: "PRESIDENT REAGAN VOWS NO
// TAX RATE INCREASE", "VOLCKER SAYS FED POLICY ...". Many wire stories are
// a headline alone. Such a word only ever names someone the article or the
// index names in full; chunks stay in token order.
void PersonFinder::AddHeadlineSurnames(const std::vector<Token>& tokens, std::vector<Chunk>& chunks) const {
  std::vector<Chunk> found;
  for (size_t i = 0; i < tokens.size() && tokens[i].part == TextPart::kTitle; ++i) {
    const Token& token = tokens[i];
    if (!token.is_word || token.folded.size() < 3 || !std::isalpha(static_cast<unsigned char>(token.folded[0])) ||
        lexicon_.IsNonNameWord(token.word()) || lexicon_.IsOrganizationWord(token.word()) ||
        lexicon_.IsTitle(token.word()) || lexicon_.IsHeadlineVerb(token.word())) {
      continue;
    }
    const bool after_title = TitleStartBefore(tokens, i) != i;
    const bool opens = i == 0 || !tokens[i - 1].is_word || tokens[i - 1].possessive ||
                       (i >= 2 && tokens[i - 1].folded == "s" && tokens[i - 2].text == "'");  // "U.K.'S"

    const bool speaks = i + 1 < tokens.size() && tokens[i + 1].part == TextPart::kTitle && tokens[i + 1].is_word &&
                        lexicon_.IsHeadlineVerb(tokens[i + 1].word());
    // Speaking first counts as the title would: the headline's only cue.
    if (after_title || (opens && speaks)) found.push_back({i, i + 1, true});
  }
  if (found.empty()) return;
  found.insert(found.end(), chunks.begin(), chunks.end());
  std::stable_sort(found.begin(), found.end(), [](const Chunk& a, const Chunk& b) { return a.begin < b.begin; });
  chunks = std::move(found);
}

// A sentence written in capitals ("SOCCER - SHEARER NAMED AS ENGLAND
// CAPTAIN .", a body's headline) says nothing by its capitals: its words
// are candidates only where the article writes them in a capitalised name
// of two words or more, and then only as someone the article names.
void PersonFinder::AddCapitalsMentions(const std::vector<Token>& tokens, std::vector<Chunk>& chunks) const {
  WordTable name_words;
  for (const Chunk& chunk : chunks) {
    if (NameWordsIn(tokens, chunk.begin, chunk.end) < 2) continue;
    for (size_t k = chunk.begin; k < chunk.end; ++k) {
      if (tokens[k].is_word && tokens[k].folded.size() >= 2) name_words.Insert(tokens[k].word());
    }
  }
  if (name_words.size() == 0) return;
  std::vector<Chunk> found;
  for (size_t begin = 0; begin < tokens.size();) {
    size_t end = begin + 1;
    while (end < tokens.size() && tokens[end].sentence == tokens[begin].sentence) ++end;
    if (tokens[begin].part != TextPart::kTitle && IsCapsSentence(tokens, begin, end)) {
      for (size_t k = begin; k < end;) {
        size_t run = k;
        while (run < end && tokens[run].is_word && tokens[run].all_caps && name_words.Contains(tokens[run].word())) ++run;
        if (run > k) found.push_back({k, run, false, kNoRole, true});
        k = run > k ? run : k + 1;
      }
    }
    begin = end;
  }
  if (found.empty()) return;
  found.insert(found.end(), chunks.begin(), chunks.end());
  std::stable_sort(found.begin(), found.end(), [](const Chunk& a, const Chunk& b) { return a.begin < b.begin; });
  chunks = std::move(found);
}

}  // namespace newsfacet
