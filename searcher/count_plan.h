// Which count passes a search needs (shard_counts.h), and which facets
// need none: the search engine's plan, kept apart so that it can be
// tested without an index.
#pragma once

#include <optional>
#include <vector>

#include "searcher/facet.h"
#include "searcher/query_builder.h"
#include "searcher/search_request.h"
#include "searcher/shard_counts.h"

namespace newsfacet {

// True when nothing but `facet`'s own filter narrows the scope (with
// nullopt: nothing at all): its disjunctive counts are then over the whole
// index, which the facet catalog keeps (index_facet_catalog.h).
bool OnlyFilteredBy(const SearchScope& scope, std::optional<Facet> facet);

// The count passes a search needs: job 0 counts the whole query (its
// total, days, stories and the facets without a filter of their own); a
// filtered facet is counted without its own filter (disjunctive), in a job
// of its own. A facet over the whole index comes from the catalog and
// needs no job (`job_of` -1). No job at all for a browse of the whole
// index that needs neither days nor stories.
std::vector<CountJob> PlanCounts(const SearchRequest& request, const BuiltQuery& built, PerFacet<int>* job_of);

}  // namespace newsfacet
