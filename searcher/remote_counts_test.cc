#include "searcher/remote_counts.h"

#include <doctest/doctest.h>

#include <map>

#include "schemas/index_layout.h"
#include "searcher/count_plan.h"
#include "tests/facet_test_index.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

Counts Sorted(const IdCounts& counts) { return Counts(counts.begin(), counts.end()); }

}  // namespace

TEST_CASE("id combinations tallied by ValueCountMatchSpy give the per-shard counts exactly, surnames resolved") {
  TempDir dir;
  constexpr int kShards = 3;
  BuildFacetTestIndex(dir / "index", kShards);
  Xapian::Database db((dir / "index").string());
  std::vector<Xapian::Database> shards;
  for (int shard = 0; shard < kShards; ++shard) shards.emplace_back(ShardPath(dir / "index", shard).string());
  const SurnameLookup surnames = SurnameLookup::FromIndex(db);
  std::vector<CountJob> jobs;
  for (const Xapian::Query& query : {Xapian::Query::MatchAll, Xapian::Query("Zmarket"),
                                     Xapian::Query(layout::KeyOf(layout::kCountryPrefix, "TR")),
                                     Xapian::Query("Znothingmatchesthis")}) {
    jobs.push_back({query, {kAllFacets.begin(), kAllFacets.end()}, /*days=*/true, /*stories=*/true});
  }
  const std::vector<CountResult> local = CountAcrossShards(shards, jobs, db.get_doccount(), &surnames, 0);
  const std::vector<CountResult> spied = CountWithValueSpies(db, jobs, &surnames);
  REQUIRE(spied.size() == jobs.size());
  bool some_person_counted = false;
  for (size_t i = 0; i < jobs.size(); ++i) {
    CAPTURE(jobs[i].query.get_description());
    CHECK(spied[i].exact);
    CHECK(spied[i].matches == local[i].matches);
    CHECK(spied[i].days == local[i].days);
    CHECK(spied[i].stories == local[i].stories);
    for (Facet facet : kAllFacets) {
      CAPTURE(FacetName(facet));
      CHECK(Sorted(At(spied[i].facets, facet)->counts()) == Sorted(At(local[i].facets, facet)->counts()));
    }
    some_person_counted = some_person_counted || !At(spied[i].facets, Facet::kPeople)->counts().empty();
  }
  CHECK(some_person_counted);
  // A lone surname ("Karlov said") counts for the person it resolves to.
  const IdCounts everyone = At(spied[0].facets, Facet::kPeople)->counts();
  for (const auto& resolution : FacetTestSurnameResolutions()) {
    const std::string& person = resolution.second;
    CAPTURE(person);
    CHECK(everyone.count(person) == 1);
  }
}

TEST_CASE("a cluster counts the facets a local index takes from its catalog in jobs, job 0 staying the whole query") {
  SearchRequest request;
  request.collapse = false;
  request.facets = {false, false, false, false};
  request.histogram = HistogramInterval::kNone;
  At(request.facets, Facet::kCountries) = true;
  At(request.facets, Facet::kPeople) = true;
  BuiltQuery built;
  PerFacet<int> job_of;
  std::vector<CountJob> jobs = PlanCounts(request, built, &job_of);
  REQUIRE(jobs.empty());  // a browse of the whole index: the catalog's
  PlanCatalogFacetsAsJobs(request, built, &jobs, &job_of);
  REQUIRE(jobs.size() == 1);
  CHECK(At(job_of, Facet::kCountries) == 0);
  CHECK(At(job_of, Facet::kPeople) == 0);
  CHECK(At(job_of, Facet::kEvents) == -1);

  SearchRequest filtered = request;
  At(filtered.scope.filters, Facet::kCountries) = {"TR"};
  BuiltQuery built_filtered;
  At(built_filtered.filter_ids, Facet::kCountries) = {"TR"};
  PerFacet<int> filtered_job_of;
  jobs = PlanCounts(filtered, built_filtered, &filtered_job_of);
  PlanCatalogFacetsAsJobs(filtered, built_filtered, &jobs, &filtered_job_of);
  REQUIRE(jobs.size() == 2);
  CHECK(At(filtered_job_of, Facet::kPeople) == 0);
  CHECK(At(filtered_job_of, Facet::kCountries) == 1);
  CHECK(jobs[1].facets == std::vector<Facet>{Facet::kCountries});
}
