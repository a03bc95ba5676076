#include "searcher/remote_counts.h"

#include <memory>

#include "schemas/index_layout.h"
#include "searcher/count_plan.h"

namespace newsfacet {
namespace {

// The spies of one job, in the job's facet order, then days and stories.
struct JobSpies {
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> facets;
  std::unique_ptr<Xapian::ValueCountMatchSpy> days;
  std::unique_ptr<Xapian::ValueCountMatchSpy> stories;
};

bool IsDay(const std::string& value) {
  if (value.size() != 8) return false;
  for (char c : value) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Stories: each near-duplicate key once, plus every match without a key.
void AddStories(const Xapian::ValueCountMatchSpy& spy, CountResult* result) {
  auto keys = std::make_shared<StoryCounter>();
  Xapian::doccount keyed = 0;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    if (std::optional<uint64_t> key = ParseNearDuplicateKey(*it)) {
      keys->Add(*key, it.get_termfreq());
      keyed += it.get_termfreq();
    }
  }
  result->stories = keys->stories() + (result->matches - keyed);
  result->story_keys = std::move(keys);
}

CountResult CountJobWithSpies(Xapian::Database& db, const CountJob& job, const SurnameLookup* surnames) {
  Xapian::Enquire enquire(db);
  enquire.set_query(job.query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  JobSpies spies;
  for (Facet facet : job.facets) {
    spies.facets.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(FacetSlot(facet)));
    enquire.add_matchspy(spies.facets.back().get());
  }
  if (job.days) {
    spies.days = std::make_unique<Xapian::ValueCountMatchSpy>(layout::kDateSlot);
    enquire.add_matchspy(spies.days.get());
  }
  if (job.stories) {
    spies.stories = std::make_unique<Xapian::ValueCountMatchSpy>(layout::kNearDuplicateSlot);
    enquire.add_matchspy(spies.stories.get());
  }
  const Xapian::MSet mset = enquire.get_mset(0, 0, std::max<Xapian::doccount>(db.get_doccount(), 1));
  CountResult result;
  result.matches = mset.get_matches_estimated();
  result.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  for (size_t i = 0; i < job.facets.size(); ++i) {
    auto counter = std::make_shared<FacetCounter>(job.facets[i], surnames);
    for (auto it = spies.facets[i]->values_begin(); it != spies.facets[i]->values_end(); ++it) {
      counter->CountValue(*it, it.get_termfreq());
    }
    At(result.facets, job.facets[i]) = std::move(counter);
  }
  if (spies.days) {
    for (auto it = spies.days->values_begin(); it != spies.days->values_end(); ++it) {
      if (IsDay(*it)) result.days.emplace(*it, it.get_termfreq());
    }
  }
  if (spies.stories) AddStories(*spies.stories, &result);
  return result;
}

}  // namespace

std::vector<CountResult> CountWithValueSpies(Xapian::Database& db, const std::vector<CountJob>& jobs,
                                             const SurnameLookup* surnames) {
  std::vector<CountResult> results;
  results.reserve(jobs.size());
  for (const CountJob& job : jobs) results.push_back(CountJobWithSpies(db, job, surnames));
  return results;
}

void PlanCatalogFacetsAsJobs(const SearchRequest& request, const BuiltQuery& built, std::vector<CountJob>* jobs,
                             PerFacet<int>* job_of) {
  const bool whole_index = OnlyFilteredBy(request.scope, std::nullopt);
  for (Facet facet : kAllFacets) {
    if (!At(request.facets, facet) || At(*job_of, facet) >= 0) continue;
    if (jobs->empty()) jobs->push_back({built.Combined(), {}});
    if (whole_index) {
      (*jobs)[0].facets.push_back(facet);
      At(*job_of, facet) = 0;
    } else {
      jobs->push_back({built.Combined(facet), {facet}});
      At(*job_of, facet) = static_cast<int>(jobs->size()) - 1;
    }
  }
}

}  // namespace newsfacet
