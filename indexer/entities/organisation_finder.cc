#include "indexer/entities/organisation_finder.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#include "analysis/organisation_key.h"

namespace newsfacet {
namespace {

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Words that end the name of a place or a facility ("Black Sea", "Niger
// State", "Heathrow Airport"), which the lexicon counts with organisations'.
bool IsPlaceWord(std::string_view folded) {
  return IsOneOf(folded, {"sea", "ocean", "river", "lake", "gulf", "bay", "island", "islands", "mountains", "valley",
                          "state", "province", "region", "county", "district", "airport", "arena", "avenue", "base",
                          "boulevard", "bridge", "building", "camp", "canal", "castle", "cathedral", "checkpoint",
                          "crossing", "dam", "desert", "field", "hall", "harbor", "harbour", "highway", "mall",
                          "mosque", "motorway", "mount", "mountain", "palace", "park", "peninsula", "plaza", "port",
                          "square", "stadium", "street", "road", "temple", "tower"});
}

// Organisation words that name competitions, prizes or places rather than bodies.
bool IsEventOrPlaceWord(std::string_view folded) {
  return IsOneOf(folded, {"award", "awards", "championship", "championships", "classic", "cup", "derby", "festival",
                          "games", "invitational", "marathon", "masters", "olympic", "olympics", "open",
                          "premiership", "prize", "rally", "series", "serie", "summit", "tour", "trophy",
                          "bundesliga", "liga", "city", "grand", "prix", "real", "united", "energy", "oil", "gas",
                          "capital", "post", "times", "news"}) ||
         IsPlaceWord(folded);
}

// A lower-case word that says the name beside it is a news outlet.
// ("the Murdoch newspaper" names an owner: after a name, only "agency",
// "daily" and "weekly" are taken.)
bool IsOutletWord(const Token& token) {
  return token.is_word && !token.capitalized &&
         IsOneOf(token.folded, {"agency", "agencies", "daily", "weekly", "newspaper", "magazine"});
}

bool IsWeekdayOrMonth(std::string_view folded) {
  return IsOneOf(folded, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                          "february", "march", "april", "may", "june", "july", "august", "september", "october",
                          "november", "december"});
}

// The end of the capitalised name that starts at `begin`, right after an
// outlet word ("Der Spiegel", "Al-Ahram"); `begin` when there is none.
size_t OutletNameEnd(const std::vector<Token>& tokens, size_t begin) {
  size_t end = begin;
  while (end < tokens.size() && tokens[end].sentence == tokens[begin].sentence) {
    const Token& token = tokens[end];
    if (token.is_word && token.capitalized && !IsWeekdayOrMonth(token.folded)) {
      ++end;
      if (token.possessive) break;
    } else if (token.text == "-" && end > begin && !token.space_before && end + 1 < tokens.size() &&
               !tokens[end + 1].space_before && tokens[end + 1].capitalized) {
      ++end;
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

bool OrganisationFinder::IsLegalForm(const Token& token) const {
  return token.is_word && token.capitalized &&
         IsOneOf(token.folded, {"inc", "corp", "co", "cos", "ltd", "plc", "llc", "ag", "sa", "nv", "gmbh", "spa",
                                "company", "corporation", "limited", "incorporated", "bhd"});
}

// Only the organisation words the tagger reads too: the rules' own
// ("Telephone", "Savings") are often a name's middle ("American Telephone
// and Telegraph Co", "Federal Savings and Loan"), which a run ending there
// would cut short; they only keep a name from being a person's.
bool OrganisationFinder::HeadsOrganisation(const Token& token) const {
  return token.is_word && token.capitalized && (lexicon_.ListsOf(token.word()) & NameLexicon::kOrganizationWords) &&
         !IsEventOrPlaceWord(token.folded);
}

// Whether `link` joins the capitalised `before` to the run that ends with
// `last`: "Bank of England", "Ministry for the Environment", "Smith Barney,
// Harris Upham and Co", but not "John Smith of Morgan Stanley".
bool OrganisationFinder::LinksRun(const Token& before, const Token& link, const Token& last,
                                  bool legal_form_after) const {
  if (link.folded == "of" || link.folded == "for") return HeadsOrganisation(before);
  if (link.folded == "the") return before.folded == "of" || before.folded == "for";
  if (link.folded == "and") {
    return before.capitalized && (HeadsOrganisation(last) || IsLegalForm(last) || legal_form_after);
  }
  return false;
}

// The first token of the capitalised run that ends at `end` (exclusive),
// through "of", "for", "and", "&" and "the" between capitals ("Bank of
// England", "Ministry of Foreign Affairs"). `end` when there is none.
size_t OrganisationFinder::RunStart(const std::vector<Token>& tokens, size_t end) const {
  // "Standard and Poor's Corp", "Goldman, Sachs and Co": the legal form after the run holds it together.
  size_t after = end;
  while (after < tokens.size() && (tokens[after].folded == "and" || tokens[after].text == "&" ||
                                   tokens[after].text == ",")) {
    ++after;
  }
  const bool legal_form_after = after < tokens.size() && IsLegalForm(tokens[after]);
  size_t begin = end;
  while (begin > 0) {
    const Token& token = tokens[begin - 1];
    if (token.sentence != tokens[end - 1].sentence) break;
    // A title starts no organisation's name unless a word that is no given
    // name follows it ("General Motors", not "Chairman John Smith").
    const bool title = lexicon_.IsTitle(token.word()) &&
                       (begin == end || lexicon_.IsFirstName(tokens[begin].word()) || tokens[begin].text == ".");
    if (token.is_word && token.capitalized && !title) {
      --begin;
    } else if (token.is_word && begin >= 2 && begin < end && tokens[begin - 2].sentence == token.sentence &&
               LinksRun(tokens[begin - 2], token, tokens[end - 1], legal_form_after)) {
      --begin;
    } else if ((token.text == "&" || (token.text == "-" && !token.space_before && !tokens[begin].space_before) ||
                token.text == "." ||
                (token.text == "," && (IsLegalForm(tokens[end - 1]) || legal_form_after))) &&
               begin >= 2 && begin < end && tokens[begin - 2].capitalized) {
      --begin;
    } else {
      break;
    }
  }
  // Runs start at a capital; a sentence's first word starts one only when it is not a common opener.
  auto opener = [&](size_t i) {  // "But", "The": not "Standard" of "Standard and Poor's"
    return tokens[i].sentence_start && lexicon_.IsNonNameWord(tokens[i].word()) &&
           !(i + 1 < end && tokens[i + 1].is_word && !tokens[i + 1].capitalized);
  };
  while (begin < end && (!tokens[begin].is_word || !tokens[begin].capitalized || opener(begin))) {
    ++begin;
  }
  return begin;
}

// "... of England", "... for the Environment": the capitalised words that
// "of" or "for" (and "the") bring after an organisation's word, from `end`.
size_t OrganisationFinder::ExtendThroughOf(const std::vector<Token>& tokens, size_t end) const {
  if (end + 1 >= tokens.size() || (tokens[end].folded != "of" && tokens[end].folded != "for")) return end;
  size_t next = end + 1;
  if (tokens[next].folded == "the" && next + 1 < tokens.size()) ++next;
  if (!tokens[next].capitalized || tokens[next].sentence != tokens[end].sentence) return end;
  const CountryGazetteer::Form* form = nullptr;
  if (countries_.Match(tokens, next, &form) > 0 && form->kind == CountryGazetteer::FormKind::kDemonym) return end;
  const size_t first = next;
  // "Bank of England Governor Mark Carney": a title or a given name ends the name.
  while (next < tokens.size() && tokens[next].capitalized && tokens[next].is_word &&
         tokens[next].sentence == tokens[end].sentence && !lexicon_.StartsTitle(tokens[next].word()) &&
         !lexicon_.IsFirstName(tokens[next].word())) {
    ++next;
  }
  return next == first ? end : next;
}

void OrganisationFinder::AddSpan(const std::vector<Token>& tokens, size_t begin, size_t end, bool structural,
                                 std::vector<OrganisationSpan>* spans) const {
  if (begin < end && tokens[begin].folded == "the") ++begin;
  // "U.S. State Department" is the State Department.
  const CountryGazetteer::Form* form = nullptr;
  if (size_t place = countries_.Match(tokens, begin, &form); place > 0) {
    size_t words = 0;
    for (size_t k = begin + place; k < end; ++k) words += tokens[k].is_word && !IsLegalForm(tokens[k]);
    if (words >= 2) begin += place;
    else if (words == 0) return;  // the whole run is a place
  }
  while (begin < end && !tokens[begin].is_word) ++begin;
  // "Interfax news", "Turkish police": a name ends at its last capital.
  while (end > begin && (!tokens[end - 1].is_word || !tokens[end - 1].capitalized) && tokens[end - 1].text != ".") --end;
  if (begin >= end) return;
  if (!structural) {
    if (IsPlaceWord(tokens[end - 1].folded)) return;  // "Black Sea", "Niger State"
    size_t words = 0;
    for (size_t k = begin; k < end; ++k) words += tokens[k].is_word;
    const Token& first = tokens[begin];
    const bool acronym = words == 1 && first.all_caps && first.folded.size() >= 2 && first.folded.size() <= 6;
    if (words < 2 && !acronym) return;
    if (countries_.Match(tokens, begin, &form) >= end - begin) return;  // a place
  }
  OrganisationSpan span{begin, end, SpanText(tokens, begin, end), structural};
  if (OrganisationKey(span.name).empty()) return;
  spans->push_back(std::move(span));
}

std::array<std::pair<size_t, size_t>, 2> OrganisationFinder::OutletNamesAt(const std::vector<Token>& tokens,
                                                                          size_t i) const {
  std::array<std::pair<size_t, size_t>, 2> names{};
  const Token& outlet = tokens[i];
  // "the state-run Anadolu agency", "Zycie Warszawy daily said".
  if (outlet.folded != "newspaper" && outlet.folded != "magazine" && i > 0 && tokens[i - 1].capitalized) {
    names[0] = {RunStart(tokens, i), i};
  }
  // "the official newspaper Granma", "the daily Sueddeutsche Zeitung";
  // not "the agency's Director John Smith", "the magazine Mary Smith edits".
  if (!outlet.possessive && i + 1 < tokens.size() && tokens[i + 1].is_word &&
      !lexicon_.StartsTitle(tokens[i + 1].word()) &&
      !(lexicon_.IsFirstName(tokens[i + 1].word()) && !lexicon_.IsParticle(tokens[i + 1].word()))) {
    names[1] = {i + 1, OutletNameEnd(tokens, i + 1)};
  }
  return names;
}

std::vector<OrganisationSpan> OrganisationFinder::Find(const TokenStream& stream,
                                                       const std::vector<NameSpan>& names) const {
  const std::vector<Token>& tokens = stream.tokens;
  std::vector<OrganisationSpan> spans;
  std::vector<bool> covered(tokens.size(), false);
  auto take = [&](size_t begin, size_t end, bool structural) {
    for (size_t k = begin; k < end; ++k) {
      if (covered[k]) return;
    }
    size_t before = spans.size();
    AddSpan(tokens, begin, end, structural, &spans);
    if (spans.size() > before) {
      OrganisationSpan& added = spans.back();
      added.leader_body = added.end == added.begin + 2 && tokens[added.begin].capitalized &&
                          lexicon_.IsGoverningWord(tokens[added.begin + 1].word());
      for (size_t k = begin; k < end; ++k) covered[k] = true;
    }
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.part == TextPart::kTitle && stream.title_all_caps) continue;
    // "Merrill Lynch and Co Inc", "Texaco Inc", "Smith, Barney, Harris Upham and Co".
    if (IsLegalForm(token) && i > 0) {
      size_t name_end = i;
      while (name_end > 0 && (tokens[name_end - 1].text == "," || tokens[name_end - 1].folded == "and" ||
                              tokens[name_end - 1].text == "&" || IsLegalForm(tokens[name_end - 1]))) {
        --name_end;
      }
      size_t end = i + 1;
      while (end < tokens.size() && (IsLegalForm(tokens[end]) || tokens[end].text == ".")) ++end;
      if (name_end > 0) {
        size_t begin = RunStart(tokens, name_end);
        if (begin < name_end) take(begin, end, true);
      }
      continue;
    }
    // "State Department", "Salomon Brothers", "Bank of England", "Network
    // for Epidemic Response".
    if (HeadsOrganisation(token) && !(i + 1 < tokens.size() && tokens[i + 1].capitalized &&
                                      tokens[i + 1].sentence == token.sentence)) {
      size_t begin = RunStart(tokens, i + 1);
      size_t end = ExtendThroughOf(tokens, i + 1);
      if (begin < i || end > i + 1) take(begin, end, true);
      continue;
    }
    if (IsOutletWord(token)) {
      for (const auto& [begin, end] : OutletNamesAt(tokens, i)) {
        if (begin < end) take(begin, end, true);
      }
    }
  }
  for (const NameSpan& name : names) {
    if (name.type != NameType::kOrganisation) continue;
    if (name.begin < tokens.size() && tokens[name.begin].part == TextPart::kTitle && stream.title_all_caps) continue;
    take(name.begin, name.end, false);
  }
  std::sort(spans.begin(), spans.end(), [](const OrganisationSpan& a, const OrganisationSpan& b) { return a.begin < b.begin; });
  return spans;
}

std::vector<OrganisationMention> CountOrganisations(const std::vector<OrganisationSpan>& spans) {
  struct Entry {
    std::string name;
    int mentions = 0;
  };
  std::map<std::string, Entry> by_id;
  for (const OrganisationSpan& span : spans) {
    Entry& entry = by_id[OrganisationKey(span.name)];
    if (span.name.size() > entry.name.size()) entry.name = span.name;
    ++entry.mentions;
  }
  // A one-word short form ("Merrill") joins the one longer name it starts;
  // a unit ("Merrill Lynch Capital Markets") joins its parent's name when
  // the article gives it ("Merrill Lynch and Co").
  auto words_of = [](const std::string& id) { return std::count(id.begin(), id.end(), '-') + 1; };
  auto starts = [](const std::string& longer, const std::string& shorter) {
    return longer.size() > shorter.size() && longer.compare(0, shorter.size(), shorter) == 0 &&
           longer[shorter.size()] == '-';
  };
  std::map<std::string, std::string> merged_into;
  for (const auto& [id, entry] : by_id) {
    std::string target;
    int candidates = 0;
    for (const auto& [other, other_entry] : by_id) {
      if (words_of(id) == 1 && starts(other, id)) {
        target = other;
        ++candidates;
      } else if (words_of(id) >= 2 && words_of(other) >= 2 && starts(id, other) && other.size() > target.size()) {
        target = other;
        candidates = 1;
      }
    }
    if (candidates == 1) merged_into[id] = target;
  }
  std::map<std::string, OrganisationMention> result;
  for (const auto& [id, entry] : by_id) {
    std::string final_id = id;
    while (merged_into.count(final_id)) final_id = merged_into[final_id];
    OrganisationMention& mention = result[final_id];
    mention.id = final_id;
    if (mention.name.empty() || final_id == id) mention.name = by_id[final_id].name;
    mention.mentions += entry.mentions;
  }
  std::vector<OrganisationMention> mentions;
  for (auto& [id, mention] : result) mentions.push_back(std::move(mention));
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const OrganisationMention& a, const OrganisationMention& b) { return a.mentions > b.mentions; });
  return mentions;
}

}  // namespace newsfacet
