// What the engine answers, before it becomes JSON (response_json.h) or
// text (the CLI). Field meanings are documented for callers in
// schemas/api/*.schema.json.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "schemas/store/article.h"
#include "searcher/date_histogram.h"
#include "searcher/facet.h"

namespace newsfacet {

struct FacetValue {
  std::string id;
  std::string label;
  Xapian::doccount count = 0;
  bool selected = false;  // a filter of the request names it
};

struct FacetResult {
  std::vector<FacetValue> values;
  // False when the result set was larger than the engine counts through:
  // counts are then estimates from a uniform sample of the matches.
  bool exact = true;
};

// An entity an article has, as shown with it.
struct EntityRef {
  std::string id;
  std::string label;
  int mentions = 0;  // in this article; 0 when unknown
  std::string role;  // a person's title in this article ("Federal Reserve Chairman"); "" when none
};

struct Hit {
  std::string id;
  std::string title;
  std::string title_html;  // escaped, matches marked
  std::string date;
  std::string source;
  std::string url;
  double score = 0;
  PerFacet<std::vector<EntityRef>> entities;
  std::string snippet;  // HTML, see snippet_builder.h
  // Near-duplicates of this story collapsed into it (SearchRequest::collapse),
  // and the key that lists them (near_duplicates_of=); 0 and "" for none.
  Xapian::doccount near_duplicates = 0;
  std::string near_duplicate_key;
};

// An entity the words of the query name, offered as a one-click filter.
struct QueryEntity {
  Facet facet = Facet::kPeople;
  std::string id;
  std::string label;
  Xapian::doccount articles = 0;  // carrying it, in the whole index
};

// How many articles match. Xapian knows the exact number when it looked at
// every match; otherwise it estimates, within bounds.
struct MatchTotal {
  Xapian::doccount value = 0;
  Xapian::doccount lower = 0;
  Xapian::doccount upper = 0;
  bool exact = true;
};

struct SearchResponse {
  std::string query;
  std::string sort;  // "relevance", "date" or "-date"
  int offset = 0;
  int limit = 0;
  MatchTotal total;
  std::vector<Hit> hits;
  PerFacet<bool> has_facet = {false, false, false, false};
  PerFacet<FacetResult> facets;
  std::vector<std::string> notes;
  std::string suggestion;
  std::vector<QueryEntity> query_entities;
  bool has_histogram = false;
  DateHistogram histogram;
  // A cluster's shards none of whose replicas answered: the answer is
  // then from the others only.
  std::vector<int> missing_shards;
  int shards = 0;
  double took_ms = 0;
};

struct ArticleResponse {
  Article article;
  std::string title_html;
  std::string body_html;  // the whole body, escaped, the request's matches marked
  PerFacet<std::vector<EntityRef>> entities;
  std::vector<std::string> notes;
  double took_ms = 0;
};

struct FacetValuesResponse {
  Facet facet = Facet::kPeople;
  std::string prefix;
  FacetResult result;
  double took_ms = 0;
};

struct IndexStats {
  Xapian::doccount articles = 0;
  std::string first_date;  // "YYYY-MM-DD"; empty when no article has a date
  std::string last_date;
  uint64_t index_bytes = 0;
  std::string last_update;  // ISO 8601 UTC: newest modification of a shard file
  int shards = 0;
  int layout_version = 0;
  // Memory held by the facet columns of the newest revision read
  // (column_store.h); 0 while none are read or when they are off.
  uint64_t facet_columns_bytes = 0;
};

}  // namespace newsfacet
