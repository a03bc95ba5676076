#include "searcher/shard_counts.h"

#include <algorithm>
#include <exception>
#include <thread>

#include "searcher/date_histogram.h"
#include "searcher/match_sampler.h"

namespace newsfacet {
namespace {

// One job's spies on one shard.
struct ShardCount {
  Xapian::doccount matches = 0;
  bool exact = true;
  std::vector<std::unique_ptr<FacetCounter>> counters;  // in the job's facet order
  std::unique_ptr<DayCounter> days;
  std::unique_ptr<StoryCounter> stories;
  Xapian::doccount seen = 0;  // matches the spies were shown
  Xapian::doccount rate = 1;  // one match in `rate` was shown to the spies
};

// What a shard's count reads besides the shard.
struct ShardInputs {
  const SurnameLookup* surnames = nullptr;
  std::shared_ptr<const IndexColumns> columns;  // may be null
  size_t shard = 0;                             // its index in `columns`
};

// Counts `job` over `query` on `shard`, each article seen standing for
// `per_document` articles; `expected` is about how many it will see.
ShardCount CountPass(Xapian::Database& shard, const CountJob& job, const Xapian::Query& query,
                     Xapian::doccount check_at_least, Xapian::doccount per_document, Xapian::doccount expected,
                     const ShardInputs& inputs) {
  const SurnameLookup* surnames = inputs.surnames;
  const ShardColumns* columns = inputs.columns ? &inputs.columns->shard(inputs.shard) : nullptr;
  ShardCount count;
  Xapian::Enquire enquire(shard);
  enquire.set_query(query);
  // Ranking is irrelevant to a count; without weights Xapian need not
  // compute any.
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  for (Facet facet : job.facets) {
    count.counters.push_back(std::make_unique<FacetCounter>(facet, surnames, per_document));
    if (columns) count.counters.back()->UseColumns(inputs.columns, inputs.shard);
    enquire.add_matchspy(count.counters.back().get());
  }
  if (job.days) {
    count.days = std::make_unique<DayCounter>(per_document);
    count.days->UseColumns(columns);
    enquire.add_matchspy(count.days.get());
  }
  if (job.stories) {
    count.stories = std::make_unique<StoryCounter>(per_document > 1 ? MatchSampler::RunFor(shard.get_doccount(), per_document) : 0);
    count.stories->UseColumns(columns);
    count.stories->Reserve(expected);
    enquire.add_matchspy(count.stories.get());
  }
  const Xapian::MSet mset = enquire.get_mset(0, 0, check_at_least);
  count.matches = mset.get_matches_estimated();
  count.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  count.seen = !count.counters.empty() ? count.counters[0]->documents_seen()
               : count.days             ? count.days->seen()
               : count.stories          ? count.stories->seen()
                                        : count.matches;
  return count;
}

// About how many matches a probe looks at to estimate a query's: enough
// for an estimate within about a tenth, few enough to cost little.
constexpr Xapian::doccount kProbeMatches = 256;

}  // namespace

Xapian::doccount EstimateShardMatches(Xapian::Database& shard, const Xapian::Query& query, Xapian::doccount limit) {
  Xapian::Enquire enquire(shard);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet guess = enquire.get_mset(0, 0, Xapian::doccount{0});
  const Xapian::doccount upper = guess.get_matches_upper_bound();
  if (guess.get_matches_lower_bound() == upper || upper <= limit) return guess.get_matches_estimated();
  Xapian::doccount rate = 2;
  while (rate < (1u << 30) && upper / rate > kProbeMatches) rate *= 2;
  MatchSampler sampler(rate);
  enquire.set_query(SampledQuery(query, &sampler));
  return enquire.get_mset(0, 0, shard.get_doccount()).get_matches_estimated() * rate;
}

namespace {

ShardCount SampledCount(Xapian::Database& shard, const CountJob& job, Xapian::doccount matches,
                        Xapian::doccount share, const ShardInputs& inputs) {
  Xapian::doccount rate = 2;
  while (rate < (1u << 30) && matches / rate > share) rate *= 2;
  MatchSampler sampler(rate);
  ShardCount sampled = CountPass(shard, job, SampledQuery(job.query, &sampler), shard.get_doccount(), rate,
                                       matches / rate, inputs);
  // The sample is counted in full, so its total scaled up estimates the
  // shard's matches; Xapian's own estimate is kept should it not be.
  sampled.matches = sampled.exact ? sampled.matches * rate : matches;
  sampled.exact = false;
  sampled.rate = rate;
  return sampled;
}

// Exact when the shard has at most `limit` matches, else from a sample of
// about `share` of them. Xapian's estimate, which costs no match, chooses
// the pass and the sampling rate; a wrong guess costs a second pass (and an
// estimate far too low, a sample larger than `share`).
ShardCount CountOnShard(Xapian::Database& shard, const CountJob& job, Xapian::doccount limit, Xapian::doccount share,
                        const ShardInputs& inputs) {
  const bool few = job.estimated_matches && *job.estimated_matches <= limit;
  Xapian::doccount estimate = few ? *job.estimated_matches : EstimateShardMatches(shard, job.query, limit);
  if (estimate > limit) {
    ShardCount sampled = SampledCount(shard, job, estimate, share, inputs);
    if (sampled.matches > limit) return sampled;
    // Fewer than estimated, few enough to count them all: exact.
  }
  ShardCount exact = CountPass(shard, job, job.query, limit, 1, std::min(estimate, limit), inputs);
  if (exact.exact && exact.seen >= exact.matches) return exact;
  return SampledCount(shard, job, exact.matches, share, inputs);
}

// The stories among `matches` (estimated) from the shards' samples. A
// sample holds fewer of a story's articles than the matches do, so the
// stories it shows stand for fewer matches each: scaling them up would
// count a story of k articles about k times. Instead each sampled shard's
// matches lose one per pair of its matches in one story, the pairs
// estimated from the sample's: a pair within one sampling run is sampled
// with probability 1/rate (the run is taken whole), any other pair with
// 1/rate^2. Exact for stories of one or two articles; a shard counted in
// full gives its stories as counted. Stories whose articles are on several
// shards count once per shard, so the estimate errs high, and it is kept
// between the samples' own stories and the matches.
Xapian::doccount EstimatedStories(std::vector<std::vector<ShardCount>>& per_shard, size_t j,
                                  Xapian::doccount matches) {
  double stories = 0;
  StoryCounter sample;
  for (auto& shard : per_shard) {
    const ShardCount& count = shard[j];
    const StoryCounter& seen = *count.stories;
    sample.Merge(seen);
    if (count.rate == 1) {
      stories += seen.stories();
      continue;
    }
    const double rate = count.rate;
    const double within_runs = static_cast<double>(seen.PairsWithinRuns());
    const double pairs = within_runs * rate + (static_cast<double>(seen.PairsWithinStories()) - within_runs) * rate * rate;
    stories += count.matches - pairs;
  }
  const double least = sample.stories();
  return static_cast<Xapian::doccount>(std::max(least, std::min(stories, static_cast<double>(matches))) + 0.5);
}

// The shards' counts of job `j`, summed.
CountResult SumShards(std::vector<std::vector<ShardCount>>& per_shard, const CountJob& job, size_t j) {
  CountResult result;
  for (auto& shard : per_shard) {
    result.matches += shard[j].matches;
    result.exact = result.exact && shard[j].exact;
  }
  ShardCount& first = per_shard[0][j];
  for (size_t f = 0; f < job.facets.size(); ++f) {
    FacetCounter& sum = *first.counters[f];
    for (size_t s = 1; s < per_shard.size(); ++s) sum.Merge(*per_shard[s][j].counters[f]);
    At(result.facets, job.facets[f]) = std::shared_ptr<const FacetCounter>(std::move(first.counters[f]));
  }
  if (job.days) {
    for (size_t s = 1; s < per_shard.size(); ++s) first.days->Merge(*per_shard[s][j].days);
    result.days = first.days->days();
  }
  if (job.stories) {
    if (result.exact) {
      for (size_t s = 1; s < per_shard.size(); ++s) first.stories->Merge(*per_shard[s][j].stories);
      result.stories = first.stories->stories();
      result.story_keys = std::shared_ptr<const StoryCounter>(std::move(first.stories));
    } else {
      result.stories = EstimatedStories(per_shard, j, result.matches);
    }
  }
  return result;
}

}  // namespace

std::vector<CountResult> CountAcrossShards(std::vector<Xapian::Database>& shards, const std::vector<CountJob>& jobs,
                                           Xapian::doccount count_limit, const SurnameLookup* surnames,
                                           Xapian::doccount estimated_matches,
                                           std::shared_ptr<const IndexColumns> columns) {
  if (shards.empty() || jobs.empty()) return std::vector<CountResult>(jobs.size());
  const Xapian::doccount share = std::max<Xapian::doccount>(1, count_limit / static_cast<Xapian::doccount>(shards.size()));
  std::vector<std::vector<ShardCount>> per_shard(shards.size());
  for (auto& counts : per_shard) counts.resize(jobs.size());
  std::vector<std::exception_ptr> failures(shards.size());
  // Each shard's thread gets its own copy of every query, made here.
  std::vector<std::vector<CountJob>> own_jobs(shards.size());
  for (const CountJob& job : jobs) {
    const std::string serialised = job.query.serialise();
    for (auto& own : own_jobs) {
      own.push_back({Xapian::Query::unserialise(serialised), job.facets, job.days, job.stories, job.estimated_matches});
    }
  }
  auto run_shard = [&](size_t s) {
    try {
      for (size_t j = 0; j < jobs.size(); ++j) {
        per_shard[s][j] = CountOnShard(shards[s], own_jobs[s][j], count_limit, share, {surnames, columns, s});
      }
    } catch (...) {
      failures[s] = std::current_exception();
    }
  };
  if (shards.size() == 1 || estimated_matches < kCountInlineBelow) {
    for (size_t s = 0; s < shards.size(); ++s) run_shard(s);
  } else {
    // jthreads: should starting one fail, those started are joined as the
    // exception leaves, before what they use goes.
    std::vector<std::jthread> threads;
    for (size_t s = 1; s < shards.size(); ++s) threads.emplace_back(run_shard, s);
    run_shard(0);
    for (std::jthread& thread : threads) thread.join();
  }
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  std::vector<CountResult> results;
  for (size_t j = 0; j < jobs.size(); ++j) results.push_back(SumShards(per_shard, jobs[j], j));
  return results;
}

Xapian::doccount GuessBroadMatches(const Xapian::Database& db, const Xapian::Query& query) {
  if (db.get_doccount() < kConcurrentCountFrom) return 0;
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, Xapian::doccount{0}).get_matches_estimated();
}

std::vector<CountResult> CountAcrossShardsWhile(std::vector<Xapian::Database>& shards,
                                                const std::vector<CountJob>& jobs, Xapian::doccount count_limit,
                                                const SurnameLookup* surnames, Xapian::doccount estimated_matches,
                                                std::shared_ptr<const IndexColumns> columns,
                                                const std::function<void()>& meanwhile) {
  // Xapian::Query counts its references without atomics: the counting
  // thread gets queries that share nothing with this thread's.
  std::vector<CountJob> own_jobs;
  for (const CountJob& job : jobs) {
    own_jobs.push_back(
        {Xapian::Query::unserialise(job.query.serialise()), job.facets, job.days, job.stories, job.estimated_matches});
  }
  std::vector<CountResult> results;
  std::exception_ptr failure;
  {
    std::jthread counter([&] {
      try {
        results = CountAcrossShards(shards, own_jobs, count_limit, surnames, estimated_matches, std::move(columns));
      } catch (...) {
        failure = std::current_exception();
      }
    });
    meanwhile();  // should it throw, the jthread is joined as the exception leaves
  }
  if (failure) std::rethrow_exception(failure);
  return results;
}

}  // namespace newsfacet
