// Candidate runs: the capitalised tokens that may name a person, from
// where a run starts to where it ends, trimmed to the name (the titles
// before it are person_finder_titles.cc's).
#include <set>
#include <string>

#include "indexer/entities/lower_case_use.h"
#include "indexer/entities/person_finder.h"
#include "indexer/entities/person_name_tokens.h"

namespace newsfacet {

using person_tokens::IsContraction;
using person_tokens::IsInitial;
using person_tokens::NicknameAt;

namespace {

// "II" to "XXXIX" ("I", "V" and "X" alone are a pronoun and letters).
bool IsRegnalNumber(const Token& token) {
  return token.is_word && token.all_caps && token.text.size() >= 2 && token.text.size() <= 6 &&
         token.text.find_first_not_of("IVX") == std::string::npos;
}

// News dates a statement by its weekday right after the name: "will meet
// Foreign Minister Jose Miguel Insulza Monday". No name ends with one.
bool IsWeekday(const Token& token) {
  static const std::set<std::string> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                  "friday", "saturday", "sunday"};
  const std::string& word = token.folded;
  return token.is_word && token.capitalized && word.size() >= 6 && word.compare(word.size() - 3, 3, "day") == 0 &&
         kWeekdays.count(word) > 0;
}

}  // namespace

bool PersonFinder::StartsChunk(const std::vector<Token>& tokens, size_t i, bool title_all_caps) const {
  const Token& token = tokens[i];
  if (!token.is_word) return false;
  if (token.part == TextPart::kTitle && title_all_caps) return false;  // capitals say nothing there
  if (token.capitalized && !token.all_caps) return !IsContraction(token);
  // "al-Assad" with no first name before it. (Runs for every lower-case
  // word: the cheap tests first.)
  return i + 2 < tokens.size() && tokens[i + 1].text == "-" && tokens[i + 2].capitalized && !IsContraction(token) &&
         lexicon_.IsParticle(token.word());
}

size_t PersonFinder::ChunkEnd(const std::vector<Token>& tokens, size_t begin) const {
  size_t end = begin + 1;
  auto same_sentence = [&](size_t i) {
    // ICU may end a sentence after an initial ("S. Waugh"): that is no end.
    return tokens[i].sentence == tokens[i - 1].sentence ||
           (tokens[i - 1].text == "." && i >= 2 && IsInitial(tokens[i - 2]));
  };
  while (end < tokens.size() && same_sentence(end) && !tokens[end - 1].possessive) {
    const Token& token = tokens[end];
    const bool next_is_word = end + 1 < tokens.size() && tokens[end + 1].is_word;
    if (token.is_word && token.capitalized && !token.all_caps) {
      ++end;
    } else if (IsRegnalNumber(token) && tokens[end - 1].is_word && tokens[end - 1].capitalized) {
      ++end;  // "Henry VIII", "John Paul II": the name ends there
      break;
    } else if (size_t nickname = NicknameAt(tokens, end);
               nickname > 0 && tokens[end - 1].is_word && lexicon_.IsFirstName(tokens[end - 1].word())) {
      end += nickname;  // Roberto "Hands of Stone" Duran
    } else if (token.text == "." && !token.space_before && IsInitial(tokens[end - 1])) {
      ++end;  // "George W. Bush"
    } else if (token.text == "-" && !token.space_before && next_is_word && !tokens[end + 1].space_before &&
               (tokens[end + 1].capitalized || tokens[end + 1].folded.size() <= 3)) {
      end += 2;  // "Jong-un", "al-Assad"; not "Family-controlled"
    } else if (token.is_word && lexicon_.IsParticle(token.word()) && end + 1 < tokens.size() &&
               (tokens[end + 1].capitalized || tokens[end + 1].text == "-")) {
      ++end;  // "Ludwig van Beethoven"
    } else if (token.is_word && lexicon_.IsParticle(token.word()) && end + 2 < tokens.size() &&
               tokens[end + 1].is_word && lexicon_.IsParticle(tokens[end + 1].word()) && tokens[end + 2].capitalized) {
      end += 2;  // "Joost van der Westhuizen"
    } else {
      break;
    }
  }
  return end;
}

bool PersonFinder::IsHyphenedPair(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  if (end - begin != 3 || tokens[begin + 1].text != "-" || tokens[begin + 1].space_before ||
      tokens[begin + 2].space_before) {
    return false;
  }
  const Token& left = tokens[begin];
  const Token& right = tokens[begin + 2];
  return left.capitalized && right.capitalized && left.folded.size() >= 3 && right.folded.size() >= 3 &&
         !lexicon_.IsParticle(left.word());
}

// "Network for Epidemic Response", "Ministry of Foreign Affairs": capitals
// after "of" or "for" (the) that follow an organisation's word go on naming
// it, unless they start with a first name ("Bank of England Governor Mark
// Carney" is trimmed to "Mark Carney" before this is asked).
bool PersonFinder::ContinuesOrganization(const std::vector<Token>& tokens, size_t begin) const {
  if (lexicon_.IsFirstName(tokens[begin].word())) return false;
  size_t k = begin;
  if (k > 0 && tokens[k - 1].folded == "the") --k;
  if (k < 2 || (tokens[k - 1].folded != "of" && tokens[k - 1].folded != "for")) return false;
  const Token& before = tokens[k - 2];
  return before.is_word && before.capitalized && lexicon_.IsOrganizationWord(before.word());
}

// The run of tokens from `i` that may name a person, trimmed to the name;
// `i` moves past the run. False when nothing of it is a candidate.
bool PersonFinder::NextChunk(const std::vector<Token>& tokens, size_t& i, Chunk* chunk) const {
  const size_t chunk_end = ChunkEnd(tokens, i);
  const size_t title_before = TitleStartBefore(tokens, i);
  *chunk = Chunk{0, chunk_end, title_before != i, title_before != i ? title_before : kNoRole};
  chunk->begin = TrimLeading(tokens, i, chunk_end, &chunk->title_cue, &chunk->role_begin);
  i = chunk_end;
  while (chunk->end > chunk->begin &&
         (!tokens[chunk->end - 1].is_word || lexicon_.IsParticle(tokens[chunk->end - 1].word())) &&
         tokens[chunk->end - 1].text != ".") {
    --chunk->end;
  }
  if (chunk->end - chunk->begin >= 2 && IsWeekday(tokens[chunk->end - 1])) --chunk->end;
  // "Reagan Administration", "Thatcher Government": the body is not part of the name.
  // ("Federal Aviation Administration" keeps its organisation word and stays no one.)
  if (chunk->end - chunk->begin == 2 && tokens[chunk->end - 1].is_word &&
      lexicon_.IsGoverningWord(tokens[chunk->end - 1].word())) {
    --chunk->end;
  }
  // A place run into the name ends it: "Lebed Chechnya peace plan".
  for (size_t k = chunk->begin + 1; k < chunk->end; ++k) {
    const CountryGazetteer::Form* form = nullptr;
    if (tokens[k].is_word && countries_.Match(tokens, k, &form) == chunk->end - k && !form->ambiguous) {
      chunk->end = k;
      break;
    }
  }
  if (chunk->begin >= chunk->end) return false;
  // "Reagan-Gorbachev", "Texaco-Pennzoil": two names joined by a hyphen
  // with nothing before them relate two parties; each is a candidate.
  if (IsHyphenedPair(tokens, chunk->begin, chunk->end)) {
    i = chunk->begin + 2;
    chunk->end = chunk->begin + 1;
  }
  if (chunk->end - chunk->begin == 1 && tokens[chunk->begin].folded.size() < 2) return false;  // "S", "A"
  return !ContinuesOrganization(tokens, chunk->begin);
}


std::vector<PersonFinder::Chunk> PersonFinder::FindChunks(const TokenStream& stream, const LowerCaseUse& lower_case,
                                                          WordTable& lone_words) const {
  const std::vector<Token>& tokens = stream.tokens;
  std::vector<Chunk> chunks;
  for (size_t i = 0; i < tokens.size();) {
    if (!StartsChunk(tokens, i, stream.title_all_caps)) {
      ++i;
      continue;
    }
    Chunk chunk;
    if (!NextChunk(tokens, i, &chunk)) continue;
    if (chunk.end - chunk.begin == 1 && !lower_case.WrittenInLowerCase(tokens[chunk.begin])) {
      lone_words.Insert(tokens[chunk.begin].word());
    }
    chunks.push_back(chunk);
  }
  AddCapitalsMentions(tokens, chunks);
  if (stream.title_all_caps) AddHeadlineSurnames(tokens, chunks);
  return chunks;
}

}  // namespace newsfacet
