// What a facet value is called: person and organisation display names,
// country names and event labels, for facet lists, hits and autocomplete.
//
// People and organisations are named by the index itself
// (layout::kPersonNameKey, layout::kOrganisationNameKey metadata, written at
// the end of each index run). Countries and events are named by
// the data files schemas/data/countries.json and schemas/events.json; either
// may be absent, and then a value is shown as its id ("TR", "assassination").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include "searcher/facet.h"

namespace newsfacet {

class FacetLabels {
 public:
  FacetLabels() = default;  // no data files: every label is its id

  // Reads `data_dir`/data/countries.json and `data_dir`/events.json when
  // present. A file that exists but cannot be read is skipped with a line in
  // `warnings`: labels degrade to ids, search goes on.
  static FacetLabels Load(const std::filesystem::path& data_dir, std::vector<std::string>* warnings);

  // The label of facet value `id`. For a person or an organisation: the index's display name,
  // else `fallback` (the name as one article wrote it), else the id.
  // Thread-safe (const); `db` must be the caller's own handle.
  std::string Label(Facet facet, const Xapian::Database& db, const std::string& id,
                    std::string_view fallback = "") const;

  // "TR", "tr", "Turkey", "turkey" -> "TR". With no country table, any two-
  // or four-letter code is taken as given; names then resolve to nothing.
  std::optional<std::string> CountryCode(std::string_view code_or_name) const;
  // Every name the country goes by in the table (for marking mentions).
  std::vector<std::string> CountryNames(const std::string& code) const;
  // The country that words a reader typed name, by its names, its
  // capitalised abbreviations and its unambiguous demonyms and metonyms, as
  // the indexer's gazetteer lists them: "britain", "uk", "british", "ussr",
  // "holland", "the kremlin". Never by a bare code ("in" is no country).
  std::optional<std::string> CountryNamedBy(std::string_view words) const;
  // Whether a value's label, id or (for a country) any name above has a
  // word starting with `prefix`: autocomplete finds Britain from "uk".
  bool MatchesPrefix(Facet facet, const std::string& id, std::string_view label, std::string_view prefix) const;
  // The same, with the label, the id and the prefix already normalised
  // (NormalizeLabel), as a caller matching many values keeps them.
  bool MatchesNormalizedPrefix(Facet facet, const std::string& id, std::string_view id_words,
                               std::string_view label_words, std::string_view wanted) const;

  bool HasEventTable() const { return !events_.empty(); }
  bool IsKnownEvent(const std::string& id) const { return events_.count(id) > 0; }

 private:
  struct Country {
    std::string name;
    std::vector<std::string> names;  // name first, then any aliases the file lists
    std::vector<std::string> query_names;  // what CountryNamedBy knows it by, normalised
  };
  void AddQueryName(const std::string& code, const std::string& name);
  void AddQueryNames(const std::string& code, const nlohmann::json& entry);
  std::unordered_map<std::string, Country> countries_;         // by code
  std::unordered_map<std::string, std::string> country_codes_;  // NormalizeLabel(name) -> code
  std::unordered_map<std::string, std::string> query_names_;    // NormalizeLabel(any query name) -> code
  std::unordered_map<std::string, std::string> events_;         // id -> label
};

// Folded, lower-case ASCII words separated by single spaces: "Côte d'Ivoire"
// -> "cote d ivoire". Labels and what users type are compared in this form.
std::string NormalizeLabel(std::string_view text);

// True when a word of `label` (or a run of words) starts with `prefix`,
// both compared normalised: "erdo" and "tayyip erd" match "Recep Tayyip Erdoğan".
bool LabelMatchesPrefix(std::string_view label, std::string_view prefix);
// The same for words already normalised: `words` from NormalizeLabel, and
// `wanted` too ("" matches everything).
bool WordsStartWith(std::string_view words, std::string_view wanted);

}  // namespace newsfacet
