// What a caller asks of the engine, validated: the HTTP API's query
// parameters and the CLI's flags both become a SearchRequest here, so both
// accept and refuse exactly the same things, with the same messages.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "searcher/api_error.h"
#include "searcher/facet.h"

namespace newsfacet {

// Request parameters in the order received; a name may repeat (person=a&person=b).
using RequestParams = std::vector<std::pair<std::string, std::string>>;

inline constexpr size_t kMaxQueryChars = 1000;
inline constexpr int kDefaultLimit = 10;
inline constexpr int kMaxLimit = 100;
// Deeper pages cost a full ranking of everything before them; nobody reads them.
inline constexpr int kMaxOffset = 10000;
inline constexpr int kDefaultFacetLimit = 10;
inline constexpr int kMaxFacetLimit = 100;
inline constexpr size_t kMaxFilterValues = 50;  // per facet

enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

// The date histogram a search may return with its hits (date_histogram.h):
// none, or buckets of a day, week, month or year; kAuto picks the size
// from the dates in scope.
enum class HistogramInterval { kNone, kAuto, kDay, kWeek, kMonth, kYear };

// The articles a request is about: a query, facet filters and a date range.
struct SearchScope {
  std::string query;  // as typed, before folding; may be empty
  // Filter values as given (a name, an ISO code, an id); the QueryBuilder
  // resolves them. Values of one facet are OR'd, facets AND'd.
  PerFacet<std::vector<std::string>> filters;
  std::string from_day;  // "YYYYMMDD", inclusive; empty: no lower bound
  std::string to_day;    // "YYYYMMDD", inclusive; empty: no upper bound
  // Per facet: true when an article must have every value of the facet's
  // filter (person_op=and), false when any one will do (the default).
  PerFacet<bool> all_of = {false, false, false, false};
  // True while the reader is still typing: the query's last word is also
  // matched as the start of a word ("volc" finds Volcker).
  bool partial = false;
  // Only the near-duplicates of one story: its layout::kNearDuplicateSlot
  // key, 12 hex digits (from a hit's near_duplicate_key); empty: any.
  std::string near_duplicate_key;

  bool HasQuery() const;
  bool HasFilters() const;
};

// GET /api/search, `newsfacet search`.
struct SearchRequest {
  SearchScope scope;
  SortOrder sort = SortOrder::kRelevance;  // default: relevance with a query, newest first without
  int offset = 0;
  int limit = kDefaultLimit;
  PerFacet<bool> facets = {true, true, true, true};
  int facet_limit = kDefaultFacetLimit;
  HistogramInterval histogram = HistogramInterval::kNone;
  // Near-duplicate stories shown as one hit, the best, with a count of the
  // others (layout::kNearDuplicateSlot, searcher/story_counter.h).
  bool collapse = true;
};

// GET /api/facets/{facet}, `newsfacet entities`: a facet's values over the
// articles in scope, optionally only those whose label (or, for a country,
// another name it goes by: "uk", "ussr") has a word starting with `prefix`
// (autocomplete). GET /api/suggest asks this of every facet at once.
struct FacetValuesRequest {
  Facet facet = Facet::kPeople;
  SearchScope scope;
  std::string prefix;
  int limit = kDefaultFacetLimit;
};

// GET /api/article/{id}: the query and filters only mark the text.
struct ArticleRequest {
  std::string id;
  SearchScope scope;
};

// Each fills `*request` afresh, or says what is wrong with the first bad parameter.
MaybeError ParseSearchRequest(const RequestParams& params, SearchRequest* request);
MaybeError ParseFacetValuesRequest(Facet facet, const RequestParams& params, FacetValuesRequest* request);
// GET /api/suggest: the same parameters, for every facet; `request->facet` is unset.
MaybeError ParseSuggestRequest(const RequestParams& params, FacetValuesRequest* request);
MaybeError ParseArticleRequest(std::string id, const RequestParams& params, ArticleRequest* request);

// "2016-12-19", "2016-12" or "2016" to "YYYYMMDD": the first day of the
// period, or its last with `end_of_period`. False when not a real date.
bool ParseIsoDay(const std::string& text, bool end_of_period, std::string* day);

}  // namespace newsfacet
