#include "searcher/count_plan.h"

namespace newsfacet {

bool OnlyFilteredBy(const SearchScope& scope, std::optional<Facet> facet) {
  if (scope.HasQuery() || !scope.from_day.empty() || !scope.to_day.empty() || !scope.near_duplicate_key.empty()) {
    return false;
  }
  for (Facet other : kAllFacets) {
    // A facet whose values are AND'd narrows its own counts too.
    if ((other != facet || At(scope.all_of, other)) && !At(scope.filters, other).empty()) return false;
  }
  return true;
}

std::vector<CountJob> PlanCounts(const SearchRequest& request, const BuiltQuery& built, PerFacet<int>* job_of) {
  CountJob all{built.Combined(), {}};
  all.days = request.histogram != HistogramInterval::kNone;
  all.stories = request.collapse;
  std::vector<CountJob> filtered;
  for (Facet facet : kAllFacets) {
    At(*job_of, facet) = -1;
    if (!At(request.facets, facet) || OnlyFilteredBy(request.scope, facet)) continue;
    // A facet whose values are AND'd counts conjunctively, over job 0's matches.
    if (At(built.filter_ids, facet).empty() || At(request.scope.all_of, facet)) {
      all.facets.push_back(facet);
      At(*job_of, facet) = 0;
    } else {
      filtered.push_back({built.Combined(facet), {facet}});
      At(*job_of, facet) = static_cast<int>(filtered.size());
    }
  }
  const bool whole_index = OnlyFilteredBy(request.scope, std::nullopt);
  std::vector<CountJob> jobs;
  if (!whole_index || all.days || all.stories || !all.facets.empty() || !filtered.empty()) {
    jobs.push_back(std::move(all));
  }
  for (CountJob& job : filtered) jobs.push_back(std::move(job));
  return jobs;
}

}  // namespace newsfacet
