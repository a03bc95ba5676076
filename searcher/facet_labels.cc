#include "searcher/facet_labels.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "schemas/index_layout.h"
#include "analysis/search_folding.h"

namespace newsfacet {
namespace {

// Reads a JSON data file; nullopt when absent (not an error: the file may
// not be written yet) or unreadable (a warning).
std::optional<nlohmann::json> ReadDataFile(const std::filesystem::path& path, std::vector<std::string>* warnings) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    warnings->push_back(path.string() + " is not a JSON object; its labels are not used");
    return std::nullopt;
  }
  return json;
}

// The array under `name`, or an empty one.
const nlohmann::json& ArrayField(const nlohmann::json& object, const char* name) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  auto it = object.find(name);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

std::string StringField(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool IsAsciiLetters(std::string_view text) {
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace

void FacetLabels::AddQueryName(const std::string& code, const std::string& name) {
  std::string normal = NormalizeLabel(name);
  if (normal.empty()) return;
  if (normal.rfind("the ", 0) == 0) AddQueryName(code, normal.substr(4));  // "the kremlin", "kremlin"
  if (!query_names_.emplace(normal, code).second) return;  // the first country to claim a name keeps it
  countries_[code].query_names.push_back(normal);
}

void FacetLabels::AddQueryNames(const std::string& code, const nlohmann::json& entry) {
  std::vector<std::string> ambiguous;
  for (const auto& word : ArrayField(entry, "ambiguous")) {
    if (word.is_string()) ambiguous.push_back(word.get<std::string>());
  }
  auto unambiguous = [&](const std::string& name) {
    return std::find(ambiguous.begin(), ambiguous.end(), name) == ambiguous.end();
  };
  for (const std::string& name : countries_[code].names) AddQueryName(code, name);
  for (const auto& abbreviation : ArrayField(entry, "abbreviations")) {
    // Capitals only ("UK", "U.S.S.R."): "Ala." or "Pa." would take words.
    if (!abbreviation.is_string()) continue;
    const std::string& text = abbreviation.get_ref<const std::string&>();
    if (std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; })) AddQueryName(code, text);
  }
  for (const char* key : {"demonyms", "metonyms"}) {
    for (const auto& name : ArrayField(entry, key)) {
      if (name.is_string() && unambiguous(name.get<std::string>())) AddQueryName(code, name.get<std::string>());
    }
  }
}

FacetLabels FacetLabels::Load(const std::filesystem::path& data_dir, std::vector<std::string>* warnings) {
  FacetLabels labels;
  if (auto json = ReadDataFile(data_dir / "data" / "countries.json", warnings)) {
    for (const auto& entry : ArrayField(*json, "countries")) {
      if (!entry.is_object()) continue;
      std::string code = StringField(entry, "code");
      std::string name = StringField(entry, "name");
      if (code.empty()) continue;
      Country country{name.empty() ? code : name, {}, {}};
      if (!name.empty()) country.names.push_back(name);
      // Other names are optional, under whichever key the file uses.
      for (const char* key : {"aliases", "names", "other_names"}) {
        for (const auto& alias : ArrayField(entry, key)) {
          if (!alias.is_string() || alias.get<std::string>().empty()) continue;
          const std::string& other = alias.get_ref<const std::string&>();
          if (std::find(country.names.begin(), country.names.end(), other) == country.names.end()) {
            country.names.push_back(other);
          }
        }
      }
      for (const std::string& each : country.names) labels.country_codes_.emplace(NormalizeLabel(each), code);
      labels.countries_.emplace(code, std::move(country));
      labels.AddQueryNames(code, entry);
    }
  }
  if (auto json = ReadDataFile(data_dir / "events.json", warnings)) {
    for (const auto& entry : ArrayField(*json, "events")) {
      if (!entry.is_object()) continue;
      std::string id = StringField(entry, "id");
      std::string label = StringField(entry, "label");
      if (!id.empty()) labels.events_.emplace(id, label.empty() ? id : label);
    }
  }
  return labels;
}

std::string FacetLabels::Label(Facet facet, const Xapian::Database& db, const std::string& id,
                               std::string_view fallback) const {
  switch (facet) {
    case Facet::kPeople:
    case Facet::kOrganisations: {
      // Named by the index itself, at the end of each index run.
      const std::string_view key = facet == Facet::kPeople ? layout::kPersonNameKey : layout::kOrganisationNameKey;
      std::string name = db.get_metadata(layout::KeyOf(key, id));
      if (!name.empty()) return name;
      return fallback.empty() ? id : std::string(fallback);
    }
    case Facet::kCountries: {
      auto it = countries_.find(id);
      if (it != countries_.end()) return it->second.name;
      return fallback.empty() ? id : std::string(fallback);
    }
    case Facet::kEvents: {
      auto it = events_.find(id);
      if (it != events_.end()) return it->second;
      return fallback.empty() ? id : std::string(fallback);
    }
  }
  return id;
}

std::optional<std::string> FacetLabels::CountryCode(std::string_view code_or_name) const {
  const bool code_shaped = (code_or_name.size() == 2 || code_or_name.size() == 4) && IsAsciiLetters(code_or_name);
  if (code_shaped && (countries_.empty() || countries_.count(Upper(code_or_name)))) return Upper(code_or_name);
  auto it = country_codes_.find(NormalizeLabel(code_or_name));
  if (it != country_codes_.end()) return it->second;
  return CountryNamedBy(code_or_name);
}

std::optional<std::string> FacetLabels::CountryNamedBy(std::string_view words) const {
  auto it = query_names_.find(NormalizeLabel(words));
  if (it == query_names_.end()) return std::nullopt;
  return it->second;
}

bool FacetLabels::MatchesPrefix(Facet facet, const std::string& id, std::string_view label,
                                std::string_view prefix) const {
  return MatchesNormalizedPrefix(facet, id, NormalizeLabel(id), NormalizeLabel(label), NormalizeLabel(prefix));
}

bool FacetLabels::MatchesNormalizedPrefix(Facet facet, const std::string& id, std::string_view id_words,
                                          std::string_view label_words, std::string_view wanted) const {
  if (WordsStartWith(label_words, wanted) || WordsStartWith(id_words, wanted)) return true;
  if (facet != Facet::kCountries) return false;
  auto country = countries_.find(id);
  if (country == countries_.end()) return false;
  for (const std::string& name : country->second.query_names) {  // normalised when loaded
    if (WordsStartWith(name, wanted)) return true;
  }
  return false;
}

std::vector<std::string> FacetLabels::CountryNames(const std::string& code) const {
  auto it = countries_.find(code);
  return it == countries_.end() ? std::vector<std::string>{} : it->second.names;
}

std::string NormalizeLabel(std::string_view text) {
  std::string folded = Xapian::Unicode::tolower(FoldForSearch(text));
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (char c : folded) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       static_cast<unsigned char>(c) >= 0x80;  // other scripts stay as they are
    if (!alnum) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

bool LabelMatchesPrefix(std::string_view label, std::string_view prefix) {
  return WordsStartWith(NormalizeLabel(label), NormalizeLabel(prefix));
}

bool WordsStartWith(std::string_view words, std::string_view wanted) {
  if (wanted.empty()) return true;
  for (size_t start = 0; start < words.size();) {
    if (words.compare(start, wanted.size(), wanted) == 0) return true;
    size_t space = words.find(' ', start);
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return false;
}

}  // namespace newsfacet
