// Which words of a query name a known person, organisation or country, so
// that the query also finds the articles carrying that entity under another
// spelling ("andrei karlov" for Andrey Karlov, "britain" for the United
// Kingdom), and the page can offer it as a filter.
//
// Runs of up to kMaxEntityWords words are tried longest first, left to
// right, without overlap: a run of several words names a person or an
// organisation when its key (PersonKey, OrganisationKey) is a facet value
// of the index, or a country when the gazetteer knows it by that name
// (FacetLabels::CountryNamedBy: "soviet union", "the kremlin"). A lone word
// names a country the same way; it names a person (a surname the index
// resolves: "karlov") or an organisation ("opec") only when the entity's
// articles are at least a quarter of the articles using the word, so that
// "price" does not stand for a Mr Price named twice.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/facet.h"
#include "searcher/facet_labels.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

inline constexpr size_t kMaxEntityWords = 4;

struct EntityWords {
  size_t first = 0;  // index of its first word
  size_t count = 0;  // how many words
  Facet facet = Facet::kPeople;
  std::string id;
};

// Words of `words` (lower-case, as NormalizeLabel gives them) naming an
// entity; only the first `usable` words are looked at (a word still being
// typed is not a name yet). `db` is the caller's own handle.
std::vector<EntityWords> FindEntityWords(const std::vector<std::string>& words, size_t usable,
                                         const FacetLabels& labels, const Xapian::Database& db,
                                         const SurnameLookup& surnames);

// The articles carrying entity (`facet`, `id`): a person named in full or by
// a lone surname that resolves to them, an organisation, or a country the
// article is about.
Xapian::Query EntityFacetQuery(Facet facet, const std::string& id, const SurnameLookup& surnames);

// The person a surname alone stands for when the index's surname map has no
// entry (no article names them by surname alone): the one full name with
// that surname key ("karlov" -> "andrey-karlov"), or the one holding at
// least 80% of the articles of all full names with it, as the indexer
// resolves surnames; "" for none. Reads every person id: for the person:
// field and person= filters, not for every word of every query.
std::string PersonWithSurname(const std::string& surname_key, const Xapian::Database& db);

// How many articles carry it.
Xapian::doccount EntityArticleCount(Facet facet, const std::string& id, const Xapian::Database& db,
                                    const SurnameLookup& surnames);

}  // namespace newsfacet
