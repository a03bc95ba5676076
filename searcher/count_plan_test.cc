#include "searcher/count_plan.h"

#include <doctest/doctest.h>

using namespace newsfacet;

namespace {

// A request as the API parses it, and a built query whose filters are the
// request's (the plan reads only which facets are filtered).
struct Planned {
  std::vector<CountJob> jobs;
  PerFacet<int> job_of;
};

Planned Plan(const RequestParams& params) {
  SearchRequest request;
  REQUIRE_FALSE(ParseSearchRequest(params, &request));
  BuiltQuery built;
  built.text = request.scope.HasQuery() ? Xapian::Query("Zoil") : Xapian::Query::MatchAll;
  for (Facet facet : kAllFacets) {
    At(built.filter_ids, facet) = At(request.scope.filters, facet);
    if (!At(request.scope.filters, facet).empty()) At(built.facet_filters, facet) = Xapian::Query("XCTR");
  }
  Planned planned;
  planned.jobs = PlanCounts(request, built, &planned.job_of);
  return planned;
}

}  // namespace

TEST_CASE("words and no filter: one count pass for the total, the days, the stories and every facet") {
  Planned planned = Plan({{"q", "oil"}, {"histogram", "day"}});
  REQUIRE(planned.jobs.size() == 1);
  CHECK(planned.jobs[0].days);
  CHECK(planned.jobs[0].stories);
  CHECK(planned.jobs[0].facets.size() == kAllFacets.size());
  for (Facet facet : kAllFacets) CHECK(At(planned.job_of, facet) == 0);
}

TEST_CASE("a filtered facet is counted in a pass of its own, without its filter") {
  Planned planned = Plan({{"q", "oil"}, {"country", "TR"}});
  REQUIRE(planned.jobs.size() == 2);
  CHECK(At(planned.job_of, Facet::kCountries) == 1);
  CHECK(planned.jobs[1].facets == std::vector<Facet>{Facet::kCountries});
  CHECK(planned.jobs[1].query.get_description().find("XCTR") == std::string::npos);
  CHECK(planned.jobs[0].query.get_description().find("XCTR") != std::string::npos);
}

TEST_CASE("a browse of the whole index takes its facets from the catalog, and counts only what else it shows") {
  Planned bare = Plan({{"collapse", "false"}});
  CHECK(bare.jobs.empty());
  for (Facet facet : kAllFacets) CHECK(At(bare.job_of, facet) == -1);
  Planned home = Plan({{"histogram", "month"}});
  REQUIRE(home.jobs.size() == 1);
  CHECK(home.jobs[0].facets.empty());
  CHECK(home.jobs[0].days);
  // The only filter's own facet is the whole index's; the others count its articles.
  Planned turkey = Plan({{"country", "TR"}});
  CHECK(At(turkey.job_of, Facet::kCountries) == -1);
  CHECK(At(turkey.job_of, Facet::kPeople) == 0);
}

TEST_CASE("a facet whose values are AND'd is counted with the whole query: its counts are conjunctive") {
  Planned planned = Plan({{"q", "oil"}, {"person", "a"}, {"person", "b"}, {"person_op", "and"}});
  REQUIRE(planned.jobs.size() == 1);
  CHECK(At(planned.job_of, Facet::kPeople) == 0);
}
