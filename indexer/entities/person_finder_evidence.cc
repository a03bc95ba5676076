// Evidence that a candidate is a person: a title, a known first name, an
// age, an attribution, initials, a list of names, the name tagger's word;
// and what rules one out (an organisation's word, a place, a dateline).
#include <set>

#include "analysis/word_table.h"
#include "indexer/entities/person_finder.h"
#include "indexer/entities/person_name_tokens.h"

namespace newsfacet {
namespace {

using person_tokens::IsDoubleQuote;
using person_tokens::IsInitial;
using person_tokens::IsNumber;
using person_tokens::IsQuoteOrComma;
using person_tokens::NicknameAt;

// Evidence weights. A candidate is a person on its own at kAccept; several
// unknown capitalised words in a row come close, and need one more hint.
constexpr double kAccept = 3.0;
constexpr double kTitleCue = 3.0;
constexpr double kFirstName = 3.0;
constexpr double kAge = 3.0;
constexpr double kAttribution = 2.0;
constexpr double kAmbiguousFirstName = 1.5;
constexpr double kNationality = 3.0;  // "Jesper Parnevik (Sweden)", as results tables write
constexpr double kLoneNationality = 1.5;
constexpr double kUnknownWords = 1.5;
constexpr double kInitials = 2.0;     // "George W. Bush"
constexpr double kInitialAndSurname = 3.0;  // "S. Waugh"
constexpr double kSurnameAlone = 1.5;
constexpr double kListNeighbour = 1.5;
constexpr double kSentenceStartAlone = -1.0;
constexpr double kTaggedPerson = 2.0;
// ", who ...", ", whose ...": English refers so to people, not to things.
constexpr double kRelativeWho = 2.0;
// ", leader of the Freedom Front", ", an economist at ...".
constexpr double kRoleAfter = 2.0;
// Enough to leave a lone surname for the index-wide step, never to make a person alone.
constexpr double kGoverningWordAfter = 1.5;  // "the Reagan administration"

// "Haim Hajaj (47th)": a scorer and the minute, as results write them.
bool MinuteAfter(const std::vector<Token>& tokens, size_t end) {
  if (end + 1 >= tokens.size() || tokens[end].text != "(" || !tokens[end + 1].is_word) return false;
  const std::string& word = tokens[end + 1].folded;
  size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  const std::string suffix = word.substr(digits);
  return digits > 0 && digits <= 3 && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th");
}

// Whether only a list's separator stands between two names: a comma,
// semicolon or "and", and in a numbered list (a team sheet: "15 - Andre
// Joubert, 14 - Justin Swart") the number and dash after it.
bool SeparatedByList(const std::vector<Token>& tokens, const PersonSpan& left, const PersonSpan& right) {
  if (right.begin <= left.end || right.begin > left.end + 3) return false;
  const Token& separator = tokens[left.end];
  if (separator.text != "," && separator.text != ";" && separator.folded != "and" && separator.text != "&") return false;
  if (right.begin == left.end + 1) return true;
  return right.begin == left.end + 3 && IsNumber(tokens[left.end + 1]) && tokens[left.end + 2].text == "-";
}

}  // namespace

double PersonFinder::ContextEvidence(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  double evidence = 0;
  // After: ", 62," or "(Sweden)" or "said" (past a comma or closing quote).
  if (end + 2 < tokens.size() && tokens[end].text == "," && IsNumber(tokens[end + 1]) &&
      (tokens[end + 2].text == "," || tokens[end + 2].text == ")")) {
    evidence += kAge;
  }
  // A results table lists a player by full name: a lone word with a
  // country is as often a club ("Dinamo (Russia)") or a ground ("The Oval
  // (London)"). A scorer's minute is a player's, name or surname.
  if (MinuteAfter(tokens, end)) {
    evidence += kNationality;
  } else if (NationalityAfter(tokens, end)) {
    evidence += end - begin >= 2 ? kNationality : kLoneNationality;
  }
  size_t after = end;
  while (after < tokens.size() && IsQuoteOrComma(tokens[after])) ++after;
  if (after < tokens.size() && tokens[after].is_word && lexicon_.IsAttributionVerb(tokens[after].word())) {
    evidence += kAttribution;
  }
  if (end == begin + 1 && GoverningWordAfter(tokens, end)) {
    evidence += kGoverningWordAfter;
  }
  if (RelativeWhoAfter(tokens, end)) evidence += kRelativeWho;
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

bool PersonFinder::RelativeWhoAfter(const std::vector<Token>& tokens, size_t end) {
  return end + 1 < tokens.size() && tokens[end].text == "," &&
         (tokens[end + 1].text == "who" || tokens[end + 1].text == "whose");
}

// ", Alcoa's manager of ...", ", an economist at ...": an apposition that
// gives a person's role, up to the next comma or sentence end.
bool PersonFinder::RoleAfter(const std::vector<Token>& tokens, size_t end) const {
  if (end >= tokens.size() || tokens[end].text != ",") return false;
  constexpr size_t kApposition = 8;
  for (size_t k = end + 1; k < tokens.size() && k <= end + kApposition; ++k) {
    if (!tokens[k].is_word) {
      if (tokens[k].text == "," || tokens[k].text == "." || tokens[k].text == ";") return false;
      continue;
    }
    if (!tokens[k].capitalized && lexicon_.IsTitle(tokens[k].word())) return true;
  }
  return false;
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

// "Al Jolson", "Al Kaplan", "Van Morrison": a given name that is also a
// particle, written apart from one more capitalised word, may open a full
// name. It counts as a name word, on no more evidence than an ambiguous
// given name: "Al Jazeera" is written so too. "al-Assad" and "El Nino" (no
// given name) keep it a particle, and so do "Der" and "Den", German and
// Dutch articles ("Der Spiegel") that the first-name list holds.
bool PersonFinder::GivenNameParticle(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  const Token& first = tokens[begin];
  return begin + 1 < end && first.is_word && first.capitalized && !first.all_caps && tokens[begin + 1].is_word &&
         tokens[begin + 1].space_before && tokens[begin + 1].capitalized && first.folded != "der" &&
         first.folded != "den" && lexicon_.IsParticle(first.word()) && lexicon_.IsFirstName(first.word());
}

// The quoted nickname a name holds (Roberto "Hands of Stone" Duran), as
// tokens [first, second); empty (begin, begin) without one. It is no part
// of the person's name.
std::pair<size_t, size_t> PersonFinder::NicknameIn(const std::vector<Token>& tokens, size_t begin, size_t end) {
  for (size_t k = begin + 1; k + 1 < end; ++k) {
    if (!IsDoubleQuote(tokens[k])) continue;
    if (const size_t nickname = NicknameAt(tokens, k); nickname > 0 && k + nickname < end) return {k, k + nickname};
  }
  return {begin, begin};
}

// Fills in the span's words and evidence; false when it cannot be a person
// at all (an organisation, a place with more words after it).
bool PersonFinder::Assess(const std::vector<Token>& tokens, bool title_cue, PersonSpan* span) const {
  const size_t begin = span->begin, end = span->end;
  const bool given_name_particle = GivenNameParticle(tokens, begin, end);
  const auto [nickname_begin, nickname_end] = NicknameIn(tokens, begin, end);
  bool all_unknown = !given_name_particle;
  for (size_t k = begin; k < end; ++k) {
    const Token& token = tokens[k];
    if (k >= nickname_begin && k < nickname_end) continue;
    if (!token.is_word || (lexicon_.IsParticle(token.word()) && !(k == begin && given_name_particle))) continue;
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
  span->name = nickname_begin == nickname_end ? SpanText(tokens, begin, end)
                                              : SpanText(tokens, begin, nickname_begin) + " " +
                                                    SpanText(tokens, nickname_end, end);
  span->role_after = RoleAfter(tokens, end);
  if (span->place_name) return true;
  if (InDateline(tokens, end)) return false;  // "CHARLESTON, W. Va., Oct 19 -"
  // Words quoted whole are said or titled, not someone: shouted "Allahu Akbar".
  if (begin > 0 && end < tokens.size() && IsDoubleQuote(tokens[begin - 1]) && IsDoubleQuote(tokens[end])) return false;

  span->evidence = ContextEvidence(tokens, begin, end);
  if (title_cue) span->evidence += kTitleCue;
  if (span->role_after) span->evidence += kRoleAfter;
  if (span->name_words >= 2) {
    span->evidence += InitialsEvidence(tokens, begin, end);
    const std::string& first = tokens[begin].folded;
    if (lexicon_.IsFirstName(first)) span->evidence += given_name_particle ? kAmbiguousFirstName : kFirstName;
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

// People come in lists: "Putin, Erdogan and Rouhani", team sheets. An
// unproven full name beside a proven one, with only a list's separator
// between, is taken as one more person, as far as the list runs.
void PersonFinder::AcceptListNeighbours(const std::vector<Token>& tokens, std::vector<PersonSpan>& spans) {
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

// How the article uses the name elsewhere.
void PersonFinder::WeighUseInArticle(const std::vector<Token>& tokens, const WordTable& lone_words,
                                     PersonSpan* span) const {
  // "Moody's said", "McDonald's said": a possessive that speaks is a firm.
  if (span->end < tokens.size() && tokens[span->end - 1].possessive && tokens[span->end].is_word &&
      lexicon_.IsAttributionVerb(tokens[span->end].word())) {
    span->organisation = true;
    span->accepted = false;
  }
  // "Waqar Younis ... Younis bowled", "... Younis took three wickets": a
  // name later shortened to its last word is how articles refer to people.
  if (span->name_words >= 2 && !span->place_name && lone_words.Contains(tokens[span->end - 1].word())) {
    span->evidence += kSurnameAlone;
    span->accepted = span->evidence >= kAccept;
  }
}

}  // namespace newsfacet
