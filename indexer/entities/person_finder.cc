#include "indexer/entities/person_finder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "analysis/word_table.h"
#include "analysis/person_key.h"

namespace newsfacet {
namespace {

// Evidence weights. A candidate is a person on its own at kAccept; several
// unknown capitalised words in a row come close, and need one more hint.
constexpr double kAccept = 3.0;
constexpr double kTitleCue = 3.0;
constexpr double kFirstName = 3.0;
constexpr double kAge = 3.0;
constexpr double kAttribution = 2.0;
constexpr double kAmbiguousFirstName = 1.5;
constexpr double kNationality = 3.0;  // "Jesper Parnevik (Sweden)", as results tables write
constexpr double kUnknownWords = 1.5;
constexpr double kInitials = 2.0;     // "George W. Bush"
constexpr double kInitialAndSurname = 3.0;  // "S. Waugh"
constexpr double kSurnameAlone = 1.5;
constexpr double kListNeighbour = 1.5;
constexpr double kSentenceStartAlone = -1.0;
constexpr double kTaggedPerson = 2.0;
// Enough to leave a lone surname for the index-wide step, never to make a person alone.
constexpr double kGoverningWordAfter = 1.5;  // "the Reagan administration"

bool IsNumber(const Token& token) {
  return token.is_word && !token.text.empty() && std::all_of(token.text.begin(), token.text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "Haim Hajaj (47th)": a scorer and the minute, as results write them.
bool MinuteAfter(const std::vector<Token>& tokens, size_t end) {
  if (end + 1 >= tokens.size() || tokens[end].text != "(" || !tokens[end + 1].is_word) return false;
  const std::string& word = tokens[end + 1].folded;
  size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  const std::string suffix = word.substr(digits);
  return digits > 0 && digits <= 3 && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th");
}

bool IsQuoteOrComma(const Token& token) {
  return token.text == "," || token.text == "\"" || token.text == "\xE2\x80\x9D" || token.text == "\xE2\x80\x9C" ||
         token.text == "'";
}

bool IsDoubleQuote(const Token& token) {
  return token.text == "\"" || token.text == "\xE2\x80\x9D" || token.text == "\xE2\x80\x9C";
}

// "I'm", "We've", "Don't": an apostrophe before lower-case letters other
// than a possessive "s". Names have a capital there ("O'Brien", "D'Alema").
bool IsContraction(const Token& token) {
  const std::string& text = token.text;
  const size_t apostrophe = text.find('\'');
  if (apostrophe == std::string::npos || apostrophe + 1 >= text.size()) return false;
  const char next = text[apostrophe + 1];
  return next >= 'a' && next <= 'z' && !(token.possessive && apostrophe + 2 == text.size());
}

bool IsInitial(const Token& token) { return token.is_word && token.text.size() == 1 && token.capitalized; }

// "M. Slater", "A. Dale": an initial, its dot, then a name written apart.
bool StartsInitials(const std::vector<Token>& tokens, size_t begin, size_t end) {
  return begin + 2 < end && IsInitial(tokens[begin]) && tokens[begin + 1].text == "." && tokens[begin + 2].is_word &&
         tokens[begin + 2].capitalized;
}

// Forms of address are titles that say nothing of what a person does.
bool IsFormOfAddress(const std::string& folded) {
  static const std::set<std::string> kForms = {"mr", "mrs", "ms", "miss", "mme", "mlle", "dr", "sir", "dame",
                                               "herr", "frau", "senor", "senora", "monsieur", "madame"};
  return kForms.count(folded) > 0;
}

// The role a title before a name gives, as written: tokens [begin, end)
// less what trails it ("," "-"), or "" for a form of address alone.
std::string RoleText(const std::vector<Token>& tokens, size_t begin, size_t end) {
  while (end > begin && !tokens[end - 1].is_word && tokens[end - 1].text != ".") --end;
  while (begin < end && !tokens[begin].is_word) ++begin;
  size_t words = 0;
  for (size_t k = begin; k < end; ++k) words += tokens[k].is_word;
  if (words == 0 || (words == 1 && IsFormOfAddress(tokens[begin].folded))) return "";
  return SpanText(tokens, begin, end);
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

// "Network for Epidemic Response", "Ministry of Foreign Affairs": capitals
// after "of" or "for" (the) that follow an organisation's word go on naming
// it, unless they start with a first name ("Bank of England Governor Mark
// Carney" is trimmed to "Mark Carney" before this is asked).
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

bool PersonFinder::ContinuesOrganization(const std::vector<Token>& tokens, size_t begin) const {
  if (lexicon_.IsFirstName(tokens[begin].word())) return false;
  size_t k = begin;
  if (k > 0 && tokens[k - 1].folded == "the") --k;
  if (k < 2 || (tokens[k - 1].folded != "of" && tokens[k - 1].folded != "for")) return false;
  const Token& before = tokens[k - 2];
  return before.is_word && before.capitalized && lexicon_.IsOrganizationWord(before.word());
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

// Drops what precedes the name: "But", "Russian", "Foreign Minister",
// "Mr.", a stray hyphen; any title found sets `title_cue`, and where the
// first one starts (with the office it names) `role_begin`.
size_t PersonFinder::TrimLeading(const std::vector<Token>& tokens, size_t begin, size_t end, bool* title_cue,
                                 size_t* role_begin) const {
  auto role_from = [&](size_t start) {
    if (*role_begin == kNoRole) *role_begin = start;
  };
  size_t title_start = begin;
  if (size_t after_title = TitleInto(tokens, begin, end, &title_start); after_title != begin) {
    *title_cue = true;
    role_from(title_start);
    begin = after_title;
  } else if (size_t portfolio = PortfolioTitleStart(tokens, begin);
             portfolio != begin && NameWordsIn(tokens, begin, end) >= 2) {
    *title_cue = true;
    role_from(portfolio);
    ++begin;
  }
  while (begin < end) {
    const Token& token = tokens[begin];
    if (!token.is_word) {
      ++begin;
      continue;
    }
    // A title alone is the name itself ("Major said", after "John Major").
    if (size_t title = TitleAt(tokens, begin, end); title > 0 && begin + title < end) {
      *title_cue = true;
      role_from(begin);
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
    // A capitalised sentence opener before a demonym, title or first name:
    // "Controversial Australian Anthony Hill".
    if (token.sentence_start && begin + 1 < end && tokens[begin + 1].is_word && !lexicon_.IsFirstName(token.word())) {
      const Token& next = tokens[begin + 1];
      // A first name only when more of the name follows it: "7. Rohan
      // Robinson" keeps its given name though Robinson is one too.
      bool next_starts_name = (lexicon_.IsFirstName(next.word()) && NameWordsIn(tokens, begin + 1, end) >= 2) ||
                              TitleAt(tokens, begin + 1, end) > 0 ||
                              (countries_.Match(tokens, begin + 1, &form) > 0 &&
                               form->kind == CountryGazetteer::FormKind::kDemonym);
      if (next_starts_name) {
        ++begin;
        continue;
      }
    }
    break;
  }
  // A title inside the run: "Federal Reserve Chairman Paul Volcker",
  // "Agriculture Secretary Richard Lyng". What precedes it names the office.
  for (size_t k = end - 1; k-- > begin + 1;) {
    if (!tokens[k].is_word) continue;
    if (size_t title = TitleAt(tokens, k, end); title > 0 && k + title < end) {
      *title_cue = true;
      role_from(begin);
      begin = k + title;
      break;
    }
  }
  // A capitalised word glued to a full name that starts with a first name:
  // "(Chancellor of the) Exchequer Nigel Lawson", "Unlike Paul Volcker".
  if (NameWordsIn(tokens, begin, end) >= 3 && tokens[begin].is_word && begin + 1 < end &&
      !lexicon_.IsFirstName(tokens[begin].word()) && !lexicon_.IsAmbiguousFirstName(tokens[begin].word()) &&
      !IsInitial(tokens[begin]) && !lexicon_.IsParticle(tokens[begin].word()) &&
      lexicon_.IsFirstName(tokens[begin + 1].word()) && !lexicon_.IsAmbiguousFirstName(tokens[begin + 1].word())) {
    ++begin;
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

double PersonFinder::ContextEvidence(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  double evidence = 0;
  // After: ", 62," or "(Sweden)" or "said" (past a comma or closing quote).
  if (end + 2 < tokens.size() && tokens[end].text == "," && IsNumber(tokens[end + 1]) &&
      (tokens[end + 2].text == "," || tokens[end + 2].text == ")")) {
    evidence += kAge;
  }
  if (NationalityAfter(tokens, end) || MinuteAfter(tokens, end)) evidence += kNationality;
  size_t after = end;
  while (after < tokens.size() && IsQuoteOrComma(tokens[after])) ++after;
  if (after < tokens.size() && tokens[after].is_word && lexicon_.IsAttributionVerb(tokens[after].word())) {
    evidence += kAttribution;
  }
  if (end == begin + 1 && GoverningWordAfter(tokens, end)) {
    evidence += kGoverningWordAfter;
  }
  // Before: "22-year-old", "said", "according to".
  if (begin >= 5 && tokens[begin - 1].folded == "old" && tokens[begin - 2].text == "-" &&
      tokens[begin - 3].folded == "year" && tokens[begin - 4].text == "-" && IsNumber(tokens[begin - 5])) {
    evidence += kAge;
  }
  if (begin >= 1 && tokens[begin - 1].is_word && lexicon_.IsAttributionVerb(tokens[begin - 1].word()) &&
      !tokens[begin].sentence_start) {
    evidence += kAttribution;
  }
  if (begin >= 2 && tokens[begin - 1].folded == "to" && tokens[begin - 2].folded == "according") {
    evidence += kAttribution;
  }
  return evidence;
}

// "Jesper Parnevik (Sweden)", as results tables write.
bool PersonFinder::NationalityAfter(const std::vector<Token>& tokens, size_t end) const {
  if (end + 2 >= tokens.size() || tokens[end].text != "(") return false;
  const CountryGazetteer::Form* form = nullptr;
  size_t place = countries_.Match(tokens, end + 1, &form);
  return place > 0 && end + 1 + place < tokens.size() && tokens[end + 1 + place].text == ")";
}

// Whether ", Oct 19" (a dateline's date) follows the token before `end`.
bool PersonFinder::InDateline(const std::vector<Token>& tokens, size_t end) const {
  size_t k = end;
  if (k < tokens.size() && tokens[k].text == ".") ++k;  // "W. Va."
  if (k + 2 >= tokens.size() || tokens[k].text != ",") return false;
  static const std::set<std::string> kMonths = {
      "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
      "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"};
  size_t month = k + 1;
  if (!tokens[month].capitalized || !kMonths.count(tokens[month].folded)) return false;
  size_t day = month + 1;
  if (day < tokens.size() && tokens[day].text == ".") ++day;
  return day < tokens.size() && IsNumber(tokens[day]);
}

bool PersonFinder::GoverningWordAfter(const std::vector<Token>& tokens, size_t end) const {
  return end < tokens.size() && tokens[end].is_word && lexicon_.IsGoverningWord(tokens[end].word());
}

// "S. Waugh" as scorecards and results write a player, alone, is a person
// (not "W. Germany", "E. Europe");
// "J.P. Morgan", written without a space, is more often a firm, and "George
// W. Bush" has more evidence than its initial.
double PersonFinder::InitialsEvidence(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  const bool initial_first = IsInitial(tokens[begin]) && begin + 1 < end && tokens[begin + 1].text == ".";
  const bool initial_middle = end - begin >= 3 && IsInitial(tokens[end - 3]) && tokens[end - 2].text == ".";
  const Token& last = tokens[end - 1];
  const CountryGazetteer::Form* place = nullptr;
  if (initial_first && end - begin == 3 && last.space_before && last.folded.size() >= 2 &&
      !lexicon_.IsNonNameWord(last.word()) && countries_.Match(tokens, end - 1, &place) == 0) {
    return kInitialAndSurname;
  }
  return initial_first || initial_middle ? kInitials : 0;
}

// Fills in the span's words and evidence; false when it cannot be a person
// at all (an organisation, a place with more words after it).
bool PersonFinder::Assess(const std::vector<Token>& tokens, bool title_cue, PersonSpan* span) const {
  const size_t begin = span->begin, end = span->end;
  bool all_unknown = true;
  for (size_t k = begin; k < end; ++k) {
    const Token& token = tokens[k];
    if (!token.is_word || lexicon_.IsParticle(token.word())) continue;
    ++span->name_words;
    if (lexicon_.IsOrganizationWord(token.word()) || lexicon_.IsDocumentWord(token.word())) return false;
    if (lexicon_.IsNonNameWord(token.word()) || lexicon_.IsTitle(token.word())) all_unknown = false;
  }
  if (span->name_words == 0) return false;
  const CountryGazetteer::Form* form = nullptr;
  size_t place = countries_.Match(tokens, begin, &form);
  if (place >= end - begin) {
    span->place_name = true;  // "Jordan": a person only by coreference
  } else if (place > 0 && !form->ambiguous) {
    return false;  // "Hong Kong Standard", "China Daily"
  }
  // "N. Korea", "S. African": a compass point's initial before a place.
  if (end - begin >= 3 && IsInitial(tokens[begin]) && tokens[begin + 1].text == "." &&
      std::string_view("NSEW").find(tokens[begin].text[0]) != std::string_view::npos &&
      countries_.Match(tokens, begin + 2, &form) > 0) {
    return false;
  }
  span->name = SpanText(tokens, begin, end);
  if (span->place_name) return true;
  if (InDateline(tokens, end)) return false;  // "CHARLESTON, W. Va., Oct 19 -"
  // Words quoted whole are said or titled, not someone: shouted "Allahu Akbar".
  if (begin > 0 && end < tokens.size() && IsDoubleQuote(tokens[begin - 1]) && IsDoubleQuote(tokens[end])) return false;

  span->evidence = ContextEvidence(tokens, begin, end);
  if (title_cue) span->evidence += kTitleCue;
  if (span->name_words >= 2) {
    span->evidence += InitialsEvidence(tokens, begin, end);
    const std::string& first = tokens[begin].folded;
    if (lexicon_.IsFirstName(first)) span->evidence += kFirstName;
    else if (lexicon_.IsAmbiguousFirstName(first)) span->evidence += kAmbiguousFirstName;
    // At the start of a sentence capitals may be only the sentence's.
    if (all_unknown) span->evidence += tokens[begin].sentence_start && !lexicon_.IsFirstName(first) ? kUnknownWords / 3 : kUnknownWords;
  }
  if (span->name_words == 1 && tokens[begin].sentence_start) span->evidence += kSentenceStartAlone;
  span->accepted = span->evidence >= kAccept;
  return true;
}

// "Sandrine Testud (France)": a results table's full name with its
// country, on more evidence than that, is a player, whatever the tagger
// makes of the table; "Red Star (Yugoslavia)" has no more.
bool PersonFinder::NamedWithNationality(const std::vector<Token>& tokens, const PersonSpan& span) const {
  return span.name_words >= 2 && span.evidence > kNationality && NationalityAfter(tokens, span.end);
}

void PersonFinder::WeighTaggedNames(const std::vector<Token>& tokens, const std::vector<NameSpan>& names,
                                    bool all_caps_title, std::vector<PersonSpan>& spans) const {
  if (names.empty()) return;
  std::vector<NameType> type_at(tokens.size(), NameType{0});
  for (const NameSpan& name : names) {
    for (size_t t = name.begin; t < name.end; ++t) type_at[t] = name.type;
  }
  for (PersonSpan& span : spans) {
    if (span.place_name) continue;
    int words = 0, people = 0, organisations = 0;
    for (size_t t = span.begin; t < span.end; ++t) {
      if (!tokens[t].is_word || lexicon_.IsParticle(tokens[t].word())) continue;
      ++words;
      people += type_at[t] == NameType::kPerson;
      organisations += type_at[t] == NameType::kOrganisation;
    }
    // A lone word needs a cue of its own too ("Oscar season"): the tagger's
    // word alone would send common capitalised words to the index-wide step.
    if (words > 0 && people == words && (span.name_words >= 2 || span.evidence > 0)) {
      span.evidence += kTaggedPerson;
      span.accepted = span.evidence >= kAccept;
    } else if (organisations * 2 > words && !span.title_cue && !GoverningWordAfter(tokens, span.end) &&
               !NamedWithNationality(tokens, span) &&
               !(all_caps_title && tokens[span.begin].part == TextPart::kTitle)) {
      // ("Reagan Administration" is an organisation the tagger sees whole;
      // "Reagan" in it still names the man.)
      span.organisation = true;
      span.accepted = false;
    }
  }
}


// Which capitalised words the article also writes in lower case ("Trade"
// and "trade"). Only capitalised words are asked about, and they are few.
class LowerCaseUse {
 public:
  explicit LowerCaseUse(const std::vector<Token>& tokens) {
    for (const Token& token : tokens) {
      if (token.is_word && token.capitalized) capitalized_.Insert(token.word(), static_cast<uint32_t>(capitalized_.size()));
    }
    also_lower_case_.assign(capitalized_.size(), false);
    for (const Token& token : tokens) {
      if (!token.is_word || token.capitalized) continue;
      if (uint32_t n = capitalized_.Find(token.word()); n != WordTable::kMissing) also_lower_case_[n] = true;
    }
  }
  bool WrittenInLowerCase(const Token& token) const {
    if (!token.capitalized) return true;
    const uint32_t n = capitalized_.Find(token.word());
    return n != WordTable::kMissing && also_lower_case_[n];
  }

 private:
  WordTable capitalized_;
  std::vector<bool> also_lower_case_;
};

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

// Whether only a list's separator stands between two names: a comma,
// semicolon or "and", and in a numbered list (a team sheet: "15 - Andre
// Joubert, 14 - Justin Swart") the number and dash after it.
static bool SeparatedByList(const std::vector<Token>& tokens, const PersonSpan& left, const PersonSpan& right) {
  if (right.begin <= left.end || right.begin > left.end + 3) return false;
  const Token& separator = tokens[left.end];
  if (separator.text != "," && separator.text != ";" && separator.folded != "and" && separator.text != "&") return false;
  if (right.begin == left.end + 1) return true;
  return right.begin == left.end + 3 && IsNumber(tokens[left.end + 1]) && tokens[left.end + 2].text == "-";
}

// People come in lists: "Putin, Erdogan and Rouhani", team sheets. An
// unproven full name beside a proven one, with only a list's separator
// between, is taken as one more person, as far as the list runs.
static void AcceptListNeighbours(const std::vector<Token>& tokens, std::vector<PersonSpan>& spans) {
  auto separated_by_list = [&](const PersonSpan& left, const PersonSpan& right) {
    return SeparatedByList(tokens, left, right);
  };
  auto proven = [](const PersonSpan& span) { return span.accepted && span.name_words >= 2; };
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = 0; k < spans.size(); ++k) {
      PersonSpan& span = spans[k];
      if (span.accepted || span.place_name || span.name_words < 2) continue;
      bool beside_person = (k > 0 && proven(spans[k - 1]) && separated_by_list(spans[k - 1], span)) ||
                           (k + 1 < spans.size() && proven(spans[k + 1]) && separated_by_list(span, spans[k + 1]));
      if (beside_person) {
        span.evidence += kListNeighbour;
        span.accepted = span.evidence >= kAccept;
        changed = changed || span.accepted;
      }
    }
  }
}

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
    // "Moody's said", "McDonald's said": a possessive that speaks is a firm.
    if (span.end < tokens.size() && tokens[span.end - 1].possessive && tokens[span.end].is_word &&
        lexicon_.IsAttributionVerb(tokens[span.end].word())) {
      span.organisation = true;
      span.accepted = false;
    }
    // "Waqar Younis ... Younis bowled", "... Younis took three wickets": a
    // name later shortened to its last word is how articles refer to people.
    if (span.name_words >= 2 && !span.place_name && lone_words.Contains(tokens[span.end - 1].word())) {
      span.evidence += kSurnameAlone;
      span.accepted = span.evidence >= kAccept;
    }
    spans.push_back(std::move(span));
  }
  WeighTaggedNames(tokens, names, stream.title_all_caps, spans);
  AcceptListNeighbours(tokens, spans);
  return spans;
}

}  // namespace newsfacet
