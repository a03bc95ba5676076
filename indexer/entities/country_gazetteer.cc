#include "indexer/entities/country_gazetteer.h"

#include <algorithm>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "analysis/search_folding.h"

namespace newsfacet {
namespace {

// How much one mention says the article is about the country.
double KindWeight(CountryGazetteer::FormKind kind) {
  switch (kind) {
    case CountryGazetteer::FormKind::kDemonym: return 0.6;
    case CountryGazetteer::FormKind::kCity:
    case CountryGazetteer::FormKind::kRegion: return 0.8;
    default: return 1.0;
  }
}

double PartWeight(TextPart part) {
  switch (part) {
    case TextPart::kTitle: return 3.0;
    case TextPart::kLead: return 2.0;
    default: return 1.0;
  }
}

// The sentence that opens the body (the lede), or -1 without a body.
// Of the lead, only the lede weighs as lead for countries: a wire story's
// next sentence gives its terms ("The bonds will be listed in
// Luxembourg", "guaranteed by the Kingdom of Denmark"), which name where
// things happen, not what the story is about.
int LedeSentence(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    if (token.part != TextPart::kTitle) return token.sentence;
  }
  return -1;
}

// A country is salient (a facet value) when its weighted mentions reach
// this, and a good share of the top country's: a passing mention in the
// body of a story about somewhere else does not make it "about" that country.
constexpr double kSalientScore = 2.0;
constexpr double kSalientShareOfTop = 0.3;
constexpr int kSalientMentions = 3;
constexpr double kDatelineWeight = 3.0;

// Folded words of a form as written in the data: "the Kremlin" -> "kremlin".
std::string FormKey(std::string_view written) {
  std::string folded = FoldForSearch(written), key, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!(key.empty() && word == "the")) {
      if (!key.empty()) key.push_back(' ');
      key += word;
    }
    word.clear();
  };
  for (char c : folded) {
    bool word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     static_cast<unsigned char>(c) >= 0x80;
    if (!word_char) {
      flush();
      continue;
    }
    word.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  flush();
  return key;
}

// The first two bytes of a key: most capitalised words start no abbreviation.
size_t LeadingPair(std::string_view key) {
  return static_cast<size_t>(static_cast<unsigned char>(key[0])) << 8 |
         (key.size() > 1 ? static_cast<unsigned char>(key[1]) : 0);
}

std::string WithoutTrailingDots(std::string text) {
  while (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

// Tokens of the dateline: "ANKARA, Dec 19 - ..." opens the body's first
// sentence with a place and a dash within a few words.
std::vector<bool> DatelineTokens(const std::vector<Token>& tokens) {
  std::vector<bool> dateline(tokens.size(), false);
  size_t first_body = 0;
  while (first_body < tokens.size() && tokens[first_body].part == TextPart::kTitle) ++first_body;
  for (size_t i = first_body; i < tokens.size() && i < first_body + 12; ++i) {
    const std::string& text = tokens[i].text;
    if (text == "-" || text == "\xE2\x80\x93" || text == "\xE2\x80\x94") {
      for (size_t j = first_body; j < i; ++j) dateline[j] = true;
      break;
    }
    if (tokens[i].sentence != tokens[first_body].sentence) break;
  }
  return dateline;
}

}  // namespace

Status CountryGazetteer::Load(const std::filesystem::path& data_dir, CountryGazetteer* gazetteer) {
  const std::filesystem::path path = data_dir / "data" / "countries.json";
  std::ifstream in(path);
  if (!in) return Status::Error("cannot read " + path.string());
  nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (!json.is_object() || !json["countries"].is_array()) return Status::Error(path.string() + " is not a countries file");
  for (const auto& country : json["countries"]) {
    const std::string code = country.value("code", "");
    const std::string name = country.value("name", "");
    const std::string dissolved = country.value("dissolved", "");
    if (code.empty() || name.empty()) continue;
    std::vector<std::string> ambiguous = country.value("ambiguous", std::vector<std::string>{});
    auto is_ambiguous = [&](const std::string& form) {
      return std::find(ambiguous.begin(), ambiguous.end(), form) != ambiguous.end();
    };
    auto add_all = [&](const char* field, FormKind kind) {
      for (const auto& form : country.value(field, nlohmann::json::array())) {
        if (form.is_string()) {
          gazetteer->Add(code, name, form.get<std::string>(), kind, is_ambiguous(form.get<std::string>()), dissolved);
        }
      }
    };
    gazetteer->Add(code, name, name, FormKind::kName, is_ambiguous(name), dissolved);
    add_all("names", FormKind::kName);
    add_all("abbreviations", FormKind::kAbbreviation);
    add_all("demonyms", FormKind::kDemonym);
    add_all("cities", FormKind::kCity);
    add_all("regions", FormKind::kRegion);
    add_all("metonyms", FormKind::kMetonym);
    if (!dissolved.empty()) {
      for (const auto& successor : country.value("successors", std::vector<std::string>{})) {
        // Only a successor with one predecessor maps back: Germany had two.
        auto [it, inserted] = gazetteer->predecessor_.emplace(successor, Form{code, FormKind::kName, false, dissolved});
        if (!inserted) it->second.code.clear();
      }
    }
    if (country.contains("capital") && country["capital"].is_string()) {
      std::string capital = country["capital"].get<std::string>();
      gazetteer->Add(code, name, capital, FormKind::kCapital, is_ambiguous(capital), dissolved);
    }
  }
  return Status::Ok();
}

void CountryGazetteer::Add(const std::string& code, const std::string& name, const std::string& form, FormKind kind,
                           bool ambiguous, const std::string& dissolved) {
  names_.emplace(code, name);
  const bool abbreviation = kind == FormKind::kAbbreviation;
  std::string key = abbreviation ? WithoutTrailingDots(form) : FormKey(form);
  if (key.empty()) return;
  Claims& claims = (abbreviation ? abbreviations_ : forms_)[key];
  // One claim per country: its first (names come before cities).
  for (const Form& claim : claims) {
    if (claim.code == code) return;
  }
  claims.push_back(Form{code, kind, ambiguous, dissolved, abbreviation && form.back() == '.'});
  if (abbreviation) {
    abbreviation_pairs_.set(LeadingPair(key));
    longest_abbreviation_ = std::max(longest_abbreviation_, key.size());
  } else {
    first_words_.Insert(std::string_view(key).substr(0, key.find(' ')));
  }
  longest_form_words_ = std::max(longest_form_words_, static_cast<size_t>(std::count(key.begin(), key.end(), ' ') + 1));
}

const std::string& CountryGazetteer::NameOf(const std::string& code) const {
  static const std::string kUnknown;
  auto it = names_.find(code);
  return it == names_.end() ? kUnknown : it->second;
}

CountryGazetteer::Claims& CountryGazetteer::ClaimIndex::operator[](const std::string& key) {
  const uint32_t number = keys_.Insert(key, static_cast<uint32_t>(claims_.size()));
  if (number == claims_.size()) claims_.emplace_back();
  return claims_[number];
}

const CountryGazetteer::Claims* CountryGazetteer::ClaimIndex::Find(HashedWord key) const {
  const uint32_t number = keys_.Find(key);
  return number == WordTable::kMissing ? nullptr : &claims_[number];
}

// A former state wins on dates it existed ("Moscow" in 1987 is the Soviet
// Union's); otherwise a claim that needs no context, a current state first.
const CountryGazetteer::Form& CountryGazetteer::Preferred(const Claims& claims, const std::string& date) {
  if (!date.empty()) {
    for (const Form& claim : claims) {
      if (!claim.dissolved.empty() && date < claim.dissolved) return claim;
    }
  }
  const Form* best = &claims.front();
  auto rank = [](const Form& form) { return (form.ambiguous ? 2 : 0) + (form.dissolved.empty() ? 0 : 1); };
  for (const Form& claim : claims) {
    if (rank(claim) < rank(*best)) best = &claim;
  }
  return *best;
}

size_t CountryGazetteer::Match(const std::vector<Token>& tokens, size_t begin, const Form** form,
                               const std::string& date) const {
  const Token& first = tokens[begin];
  if (!first.is_word || !first.capitalized) return 0;
  // Abbreviations are short ("U.S.", "Ill."): longer words need no lookup.
  const std::string_view text = first.TextWithoutPossessive();  // "UK's"
  const Claims* abbreviation = nullptr;
  if (text.size() <= longest_abbreviation_ + 2) {
    std::string_view key = text;
    while (!key.empty() && key.back() == '.') key.remove_suffix(1);
    if (!key.empty() && abbreviation_pairs_.test(LeadingPair(key))) abbreviation = abbreviations_.Find(key);
  }
  if (abbreviation) {
    const Form& claim = Preferred(*abbreviation, date);
    // "Ill." and "Miss." are states only with their dot: "Miss Smith" is not.
    const bool dot_follows = begin + 1 < tokens.size() && tokens[begin + 1].text == "." && !tokens[begin + 1].space_before;
    if (!claim.needs_dot || dot_follows) {
      *form = &claim;
      return claim.needs_dot ? 2 : 1;
    }
  }
  if (!first_words_.Contains(first.word())) return 0;
  std::string key;  // the words after the first, joined by spaces
  size_t best = 0;
  size_t words = 0;
  for (size_t i = begin; i < tokens.size() && words < longest_form_words_; ++i) {
    const Token& token = tokens[i];
    if (!token.is_word) {
      // "Guinea-Bissau", "St. Petersburg"
      bool hyphen = token.text == "-" && !token.space_before && i + 1 < tokens.size() && !tokens[i + 1].space_before;
      bool abbreviation_dot = token.text == "." && !token.space_before && i > begin && tokens[i - 1].text.size() <= 3;
      if (hyphen || abbreviation_dot) continue;
      break;
    }
    // A lone word is looked up by its own hash: most forms are one word.
    if (words == 1) key = tokens[begin].folded;
    if (words >= 1) key.append(" ").append(token.folded);
    ++words;
    if (const Claims* claims = words == 1 ? forms_.Find(token.word()) : forms_.Find(key)) {
      *form = &Preferred(*claims, date);
      best = i - begin + 1;
    }
    if (token.possessive) break;  // "Turkey's foreign minister"
  }
  return best;
}

std::vector<CountryMention> CountryGazetteer::Find(const TokenStream& stream, const std::vector<bool>& inside_person,
                                                   const std::string& date) const {
  struct Tally {
    double score = 0, ambiguous_score = 0;
    int mentions = 0, ambiguous_mentions = 0;
  };
  std::map<std::string, Tally> tallies;
  const std::vector<Token>& tokens = stream.tokens;
  const std::vector<bool> dateline = DatelineTokens(tokens);
  const int lede = LedeSentence(tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (inside_person[i]) continue;
    const Form* form = nullptr;
    size_t span = Match(tokens, i, &form, date);
    if (span == 0) continue;
    // A former state's own era makes its shared forms plain ("Moscow",
    // 1987), and a dateline names a place, whatever else the word may be.
    const bool ambiguous = form->ambiguous && !dateline[i] && !(form->dissolved.size() && date.size() && date < form->dissolved);
    const TextPart part =
        tokens[i].part == TextPart::kLead && tokens[i].sentence != lede ? TextPart::kBody : tokens[i].part;
    double weight = KindWeight(form->kind) * (dateline[i] ? kDatelineWeight : PartWeight(part));
    std::string code = form->code;
    // Before the Soviet Union ended, "Russia" and "Moscow" were its.
    if (auto it = predecessor_.find(code); it != predecessor_.end() && !it->second.code.empty() && !date.empty() &&
                                           date < it->second.dissolved) {
      code = it->second.code;
    }
    Tally& tally = tallies[code];
    if (ambiguous) {
      tally.ambiguous_score += weight * 0.5;
      ++tally.ambiguous_mentions;
    } else {
      tally.score += weight;
      ++tally.mentions;
    }
    i += span - 1;
  }
  std::vector<CountryMention> countries;
  double top = 0;
  for (auto& [code, tally] : tallies) {
    // An ambiguous form counts only beside a plain mention of the same country.
    if (tally.mentions == 0) continue;
    tally.score += tally.ambiguous_score;
    tally.mentions += tally.ambiguous_mentions;
    top = std::max(top, tally.score);
  }
  for (const auto& [code, tally] : tallies) {
    if (tally.mentions == 0) continue;
    // Named again and again, a country matters to the story even beside a
    // dominant one (Syria, three times, in a story about Ankara).
    bool salient = (tally.score >= kSalientScore && tally.score >= kSalientShareOfTop * top) ||
                   tally.mentions >= kSalientMentions;
    countries.push_back({code, NameOf(code), tally.mentions, salient});
  }
  return countries;
}

}  // namespace newsfacet
