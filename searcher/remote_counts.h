// Counting a query's matches, facets, days and stories with the one match
// spy every stock `xapian-tcpsrv` runs, Xapian::ValueCountMatchSpy: the
// counting path of a cluster (remote_shards.h), whose shards the per-shard
// threads of shard_counts.h cannot read.
//
// A facet slot holds an article's ids one per line ("TR\nUS"), so a spy on
// it tallies combinations of ids; they are split here and each id counted
// once per article, lone surnames resolved as FacetCounter does: the same
// counts as a local index's. The spies see every match (check_at_least is
// the whole database), so every count is exact; each server counts its own
// shard and Xapian sums the servers' tallies.
#pragma once

#include <vector>

#include <xapian.h>

#include "searcher/query_builder.h"
#include "searcher/search_request.h"
#include "searcher/shard_counts.h"

namespace newsfacet {

// Runs every job over `db` (local or remote shards, or both) and returns
// one exact result a job. Throws what Xapian throws.
std::vector<CountResult> CountWithValueSpies(Xapian::Database& db, const std::vector<CountJob>& jobs,
                                             const SurnameLookup* surnames);

// A cluster has no local facet catalog (index_facet_catalog.h): each facet
// PlanCounts left to it (`job_of` -1) is counted in a job too, job 0 when
// nothing filters the search (its query is then the whole index), else in
// one of its own without its own filter. Job 0 stays the whole query.
void PlanCatalogFacetsAsJobs(const SearchRequest& request, const BuiltQuery& built, std::vector<CountJob>* jobs,
                             PerFacet<int>* job_of);

}  // namespace newsfacet
