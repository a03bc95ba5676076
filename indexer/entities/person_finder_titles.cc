// Titles before a name: "Foreign Minister", "Secretary of State", "Mr.",
// "Minister of Energy and Mines"; what is trimmed off a candidate run
// before the name, and the role it gives.
#include <set>

#include "indexer/entities/person_finder.h"
#include "indexer/entities/person_name_tokens.h"

namespace newsfacet {
namespace {

using person_tokens::IsInitial;
using person_tokens::StartsInitials;

// Forms of address are titles that say nothing of what a person does.
bool IsFormOfAddress(const std::string& folded) {
  static const std::set<std::string> kForms = {"mr", "mrs", "ms", "miss", "mme", "mlle", "dr", "sir", "dame",
                                               "herr", "frau", "senor", "senora", "monsieur", "madame"};
  return kForms.count(folded) > 0;
}

}  // namespace

// The role a title before a name gives, as written: tokens [begin, end)
// less what trails it ("," "-"), or "" for a form of address alone.
std::string PersonFinder::RoleText(const std::vector<Token>& tokens, size_t begin, size_t end) {
  while (end > begin && !tokens[end - 1].is_word && tokens[end - 1].text != ".") --end;
  while (begin < end && !tokens[begin].is_word) ++begin;
  size_t words = 0;
  for (size_t k = begin; k < end; ++k) words += tokens[k].is_word;
  if (words == 0 || (words == 1 && IsFormOfAddress(tokens[begin].folded))) return "";
  return SpanText(tokens, begin, end);
}

// A title right before the name, in any case: "ambassador Andrey Karlov".
// Returns where the title starts, or `begin` when there is none.
size_t PersonFinder::TitleStartBefore(const std::vector<Token>& tokens, size_t begin) const {
  std::string words;
  size_t count = 0;
  for (size_t i = begin; i-- > 0 && count < lexicon_.LongestTitleWords();) {
    if (!tokens[i].is_word) {
      if (tokens[i].text == "." && i > 0 && tokens[i - 1].is_word) continue;  // "Dr. Smith"
      break;
    }
    if (count == 0 && lexicon_.IsHonorific(tokens[i].word())) return i;
    if (count == 0 && !lexicon_.EndsTitle(tokens[i].word())) return begin;
    words = words.empty() ? tokens[i].folded : tokens[i].folded + " " + words;
    ++count;
    if (lexicon_.IsTitle(words)) return i;
  }
  return begin;
}

// How many tokens from `begin` a title spans (the longest), 0 if none.
size_t PersonFinder::TitleAt(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  if (tokens[begin].is_word && lexicon_.IsHonorific(tokens[begin].word())) return 1;  // "the Prophet Muhammad"
  std::string words;
  size_t longest = 0, count = 0;
  for (size_t i = begin; i < end && count < lexicon_.LongestTitleWords(); ++i) {
    if (!tokens[i].is_word) {
      if (tokens[i].text == "." || tokens[i].text == "-") continue;  // "Brig. Gen.", "Lieutenant-Colonel"
      break;
    }
    if (count == 0 && !lexicon_.StartsTitle(tokens[i].word())) return 0;
    words = words.empty() ? tokens[i].folded : words + " " + tokens[i].folded;
    ++count;
    if (lexicon_.IsTitle(words)) longest = i - begin + 1;
  }
  if (longest > 0 && begin + longest < end && tokens[begin + longest].text == ".") ++longest;  // "Mr."
  return longest;
}

// A title that starts before the chunk and ends inside it, through a small
// word the chunk could not take: "Secretary of State John Kerry". Returns
// the first token after the title, or `begin` when there is none, and
// where the title starts in `title_start`.
size_t PersonFinder::TitleInto(const std::vector<Token>& tokens, size_t begin, size_t end, size_t* title_start) const {
  for (size_t back = 1; back < lexicon_.LongestTitleWords() && back <= begin; ++back) {
    size_t title = TitleAt(tokens, begin - back, end);
    if (title > back) {
      *title_start = begin - back;
      return begin - back + title;
    }
  }
  return begin;
}

// "Minister of Energy and Mines Subroto": the word at `begin` ends the
// office a title before it names. Returns where that title starts, or
// `begin` when there is none.
size_t PersonFinder::PortfolioTitleStart(const std::vector<Token>& tokens, size_t begin) const {
  if (begin < 4 || (tokens[begin - 1].folded != "and" && tokens[begin - 1].text != "&")) return begin;
  size_t k = begin - 2;
  const size_t last_capital = k;
  while (k > 0 && tokens[k].is_word && tokens[k].capitalized) --k;
  if (k == last_capital || k == 0 || tokens[k].folded != "of") return begin;
  return tokens[k - 1].is_word && lexicon_.EndsTitle(tokens[k - 1].word()) ? k - 1 : begin;
}

void PersonFinder::NoteRole(size_t start, size_t* role_begin) {
  if (*role_begin == kNoRole) *role_begin = start;
}

// Drops what precedes the name: "But", "Russian", "Foreign Minister",
// "Mr.", a stray hyphen; any title found sets `title_cue`, and where the
// first one starts (with the office it names) `role_begin`.
size_t PersonFinder::TrimLeading(const std::vector<Token>& tokens, size_t begin, size_t end, bool* title_cue,
                                 size_t* role_begin) const {
  size_t title_start = begin;
  if (size_t after_title = TitleInto(tokens, begin, end, &title_start); after_title != begin) {
    *title_cue = true;
    NoteRole(title_start, role_begin);
    begin = after_title;
  } else if (size_t portfolio = PortfolioTitleStart(tokens, begin);
             portfolio != begin && NameWordsIn(tokens, begin, end) >= 2) {
    *title_cue = true;
    NoteRole(portfolio, role_begin);
    ++begin;
  }
  begin = TrimLeadingWords(tokens, begin, end, title_cue, role_begin);
  begin = TrimInnerTitle(tokens, begin, end, title_cue, role_begin);
  return TrimGluedWord(tokens, begin, end);
}

// Titles, demonyms, places and words no name starts with, one after the
// other from `begin`.
size_t PersonFinder::TrimLeadingWords(const std::vector<Token>& tokens, size_t begin, size_t end, bool* title_cue,
                                      size_t* role_begin) const {
  while (begin < end) {
    const Token& token = tokens[begin];
    if (!token.is_word) {
      ++begin;
      continue;
    }
    // A title alone is the name itself ("Major said", after "John Major").
    if (size_t title = TitleAt(tokens, begin, end); title > 0 && begin + title < end) {
      *title_cue = true;
      NoteRole(begin, role_begin);
      begin += title;
      continue;
    }
    // "Russian President ...", "AC Milan George Weah": a demonym or a
    // place before more capitalised words is not part of the name.
    const CountryGazetteer::Form* form = nullptr;
    size_t place = countries_.Match(tokens, begin, &form);
    if (place > 0 && begin + place < end && (form->kind == CountryGazetteer::FormKind::kDemonym || !form->ambiguous)) {
      begin += place;
      continue;
    }
    // "A. Smith", "I. Austin": an initial is no article or pronoun; "Jan
    // Kroslak": a given name before more of the name is no month.
    if (lexicon_.IsNonNameWord(token.word()) && !StartsInitials(tokens, begin, end) &&
        !(lexicon_.IsFirstName(token.word()) && NameWordsIn(tokens, begin, end) >= 2)) {
      ++begin;
      continue;
    }
    if (token.sentence_start && begin + 1 < end && lexicon_.IsSentenceOpener(token.word())) {
      ++begin;
      continue;
    }
    if (OpensSentenceBeforeName(tokens, begin, end)) {
      ++begin;
      continue;
    }
    break;
  }
  return begin;
}

// A capitalised sentence opener before a demonym, title or first name:
// "Controversial Australian Anthony Hill".
bool PersonFinder::OpensSentenceBeforeName(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  const Token& token = tokens[begin];
  if (!token.sentence_start || begin + 1 >= end || !tokens[begin + 1].is_word || lexicon_.IsFirstName(token.word())) {
    return false;
  }
  const Token& next = tokens[begin + 1];
  const CountryGazetteer::Form* form = nullptr;
  // A first name only when more of the name follows it: "7. Rohan
  // Robinson" keeps its given name though Robinson is one too.
  return (lexicon_.IsFirstName(next.word()) && NameWordsIn(tokens, begin + 1, end) >= 2) ||
         TitleAt(tokens, begin + 1, end) > 0 ||
         (countries_.Match(tokens, begin + 1, &form) > 0 && form->kind == CountryGazetteer::FormKind::kDemonym);
}

// A title inside the run: "Federal Reserve Chairman Paul Volcker",
// "Agriculture Secretary Richard Lyng". What precedes it names the office.
size_t PersonFinder::TrimInnerTitle(const std::vector<Token>& tokens, size_t begin, size_t end, bool* title_cue,
                                    size_t* role_begin) const {
  for (size_t k = end - 1; k-- > begin + 1;) {
    if (!tokens[k].is_word) continue;
    if (size_t title = TitleAt(tokens, k, end); title > 0 && k + title < end) {
      *title_cue = true;
      NoteRole(begin, role_begin);
      return k + title;
    }
  }
  return begin;
}

// A capitalised word glued to a full name that starts with a first name:
// "(Chancellor of the) Exchequer Nigel Lawson", "Unlike Paul Volcker".
size_t PersonFinder::TrimGluedWord(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  if (NameWordsIn(tokens, begin, end) >= 3 && tokens[begin].is_word && begin + 1 < end &&
      !lexicon_.IsFirstName(tokens[begin].word()) && !lexicon_.IsAmbiguousFirstName(tokens[begin].word()) &&
      !IsInitial(tokens[begin]) && !lexicon_.IsParticle(tokens[begin].word()) &&
      lexicon_.IsFirstName(tokens[begin + 1].word()) && !lexicon_.IsAmbiguousFirstName(tokens[begin + 1].word())) {
    return begin + 1;
  }
  return begin;
}

size_t PersonFinder::NameWordsIn(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  size_t words = 0;
  for (size_t k = begin; k < end; ++k) {
    if (tokens[k].is_word && !lexicon_.IsParticle(tokens[k].word())) ++words;
  }
  return words;
}

}  // namespace newsfacet
