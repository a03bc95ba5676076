// A request's scope as Xapian queries: the user's text through Xapian's
// QueryParser, analysed exactly as the indexer analysed the articles
// (FoldForSearch, then text_analysis.h's configuration), plus one boolean
// filter per facet and one for the date range.
//
// Query syntax: words (stemmed), "exact phrases", AND OR NOT, +require,
// -exclude (alone, -oil: everything but), NEAR, kremli* (wildcard),
// title:word, and the entity fields person:"Andrei Karlov" (any spelling,
// or a surname the index resolves: person:karlov), org:"Merrill Lynch" or
// organisation:merrill-lynch (any spelling), country:TR or country:Britain
// (any mention; names, abbreviations and demonyms), event:assassination.
// Plain words that name an entity also find the articles carrying it
// (query_entities.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/api_error.h"
#include "searcher/facet.h"
#include "searcher/facet_labels.h"
#include "searcher/search_request.h"
#include "searcher/search_response.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

// A wildcard matches at most this many terms, the most frequent first.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 200;

struct BuiltQuery {
  Xapian::Query text;  // the user's query; MatchAll when there is none
  // Per facet: the OR (or, with all_of, the AND) of its filter values, or
  // an empty Query for no filter.
  PerFacet<Xapian::Query> facet_filters;
  PerFacet<std::vector<std::string>> filter_ids;  // the resolved value ids
  PerFacet<bool> all_of = {false, false, false, false};
  Xapian::Query date_filter;                      // empty: no date range
  Xapian::Query near_duplicate_filter;            // empty: any story
  // Entities the words of the query name, not yet filters (query_entities.h).
  std::vector<QueryEntity> named_entities;
  // Said to the user: how the query was understood when it was not as typed.
  std::vector<std::string> notes;
  std::string suggestion;  // "did you mean", from the index's spelling data; "" for none

  // The text query restricted by every filter, or by every filter but
  // `without`'s (what that facet's disjunctive counts are taken over; a
  // facet whose values are AND'd keeps its filter: its counts are
  // conjunctive).
  Xapian::Query Combined(std::optional<Facet> without = std::nullopt) const;
};

class QueryBuilder {
 public:
  explicit QueryBuilder(const FacetLabels& labels) : labels_(labels) {}

  // Fails (400) on a filter value that names nothing: an unknown country or
  // event, a person with no letters. A query with a syntax error is not a
  // failure: it is searched as plain words, with a note saying so.
  // `db` is read for wildcards, spelling and person ids; the caller's own handle.
  MaybeError Build(const SearchScope& scope, const Xapian::Database& db, const SurnameLookup& surnames,
                   BuiltQuery* built) const;
  // The same, reading the index's surname map first.
  MaybeError Build(const SearchScope& scope, const Xapian::Database& db, BuiltQuery* built) const;

 private:
  MaybeError ResolveFilters(const SearchScope& scope, const Xapian::Database& db, const SurnameLookup& surnames,
                            BuiltQuery* built) const;
  void ParseText(const SearchScope& scope, const Xapian::Database& db, const SurnameLookup& surnames,
                 BuiltQuery* built) const;
  // ORs into built->text the articles carrying the entities the query's
  // words name, when the query is plain words.
  void AddNamedEntities(const std::string& folded, bool partial, Xapian::QueryParser& parser, unsigned flags,
                        const Xapian::Database& db, const SurnameLookup& surnames, BuiltQuery* built) const;

  const FacetLabels& labels_;
};

// The id a person filter value names: the value itself when it is an id
// the index knows ("andrei-karlov"), else PersonKey() of it as a name, or,
// when no article names that in full, the person a lone surname resolves
// to ("karlov" -> "andrey-karlov": by the index's surname map, else the
// one full name with that surname, see PersonWithSurname).
std::string ResolvePersonId(const std::string& value, const Xapian::Database& db, const SurnameLookup& surnames);

// The id an organisation filter value names: the value itself when it is
// an id the index knows ("merrill-lynch"), else OrganisationKey() of it as
// a name ("Merrill Lynch & Co Inc").
std::string ResolveOrganisationId(const std::string& value, const Xapian::Database& db);

// The articles about person `id`: named in full, or by a lone surname that
// resolves to them.
Xapian::Query PersonQuery(const std::string& id, const SurnameLookup& surnames);

}  // namespace newsfacet
