// Counting a query's matches, facets, days and stories on every shard at
// once, one thread per shard, and summing: a broad query uses every core.
//
// A shard with up to `count_limit` matches counts them all, so a query with
// that many matches in all is counted exactly. A shard with more counts a
// uniform sample of them (match_sampler.h), about its share of the limit,
// each sampled article standing for the sampling rate, and the result is
// flagged inexact: an unbiased estimate, whose error shrinks as the sample
// grows. The sampling rate comes from Xapian's estimate of the matches, so
// a shard's thread looks at about `count_limit` matches whatever their
// number, as far as that estimate holds.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/facet.h"
#include "searcher/facet_columns.h"
#include "searcher/facet_counter.h"
#include "searcher/story_counter.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

// One query to count, and what to count over its matches.
struct CountJob {
  Xapian::Query query;
  std::vector<Facet> facets;
  bool days = false;     // matches per day (date_histogram.h)
  bool stories = false;  // matches with near-duplicates counted once (story_counter.h)
  // Xapian's estimate of the query's matches on all shards, when the
  // caller has it: at most the count limit, each shard counts at once,
  // without asking for its own.
  std::optional<Xapian::doccount> estimated_matches = std::nullopt;
};

struct CountResult {
  Xapian::doccount matches = 0;  // exact, or estimated from the sample
  bool exact = true;
  // The facets the job asked for, summed over the shards; exact when
  // `exact` (their counts() or TopCounts()).
  PerFacet<std::shared_ptr<const FacetCounter>> facets;
  std::map<std::string, Xapian::doccount> days;  // "YYYYMMDD" -> matches, when asked for
  Xapian::doccount stories = 0;                  // when asked for; estimated with `matches`
  // Articles per near-duplicate key, summed over the shards; when asked
  // for stories and `exact`, else null.
  std::shared_ptr<const StoryCounter> story_keys;
};

// Below this many matches in all (Xapian's estimate), counting runs on the
// calling thread: a thread costs more to start than such a count.
inline constexpr Xapian::doccount kCountInlineBelow = 4000;

// Runs every job on every shard and sums the shards. `shards` are handles
// on each shard, used by no other thread meanwhile; `estimated_matches` is
// the whole query's estimate (to choose between threads and the calling
// thread). The jobs' queries are copied for each thread (Xapian::Query
// counts its references without atomics). Throws what Xapian throws.
// The matches of `query` on `shard`, estimated well enough to choose
// between an exact count up to `limit` and a sample. Xapian's estimate
// costs no match, but for a phrase or a conjunction it guesses (a phrase
// of 29,000 matches guessed at 10,000), and guessing under the limit costs
// an exact pass that stops at the limit before the sampled one. So when
// Xapian's bounds leave the limit in doubt, a sparse sample of the matches
// is counted: about 256 at Xapian's upper bound.
Xapian::doccount EstimateShardMatches(Xapian::Database& shard, const Xapian::Query& query, Xapian::doccount limit);

// `columns`, when not null, must be those of exactly `shards`' revisions
// (IndexColumns::Describe): counts are then read from them.
std::vector<CountResult> CountAcrossShards(std::vector<Xapian::Database>& shards, const std::vector<CountJob>& jobs,
                                           Xapian::doccount count_limit, const SurnameLookup* surnames,
                                           Xapian::doccount estimated_matches,
                                           std::shared_ptr<const IndexColumns> columns = nullptr);

// Below this many articles an index is never counted while it ranks: its
// searches are quick, and guessing their breadth would cost a pass.
inline constexpr Xapian::doccount kConcurrentCountFrom = 50000;

// Xapian's guess of the query's matches on `db` (no match looked at), to
// tell a broad search that pays for counting while it ranks; 0 below
// kConcurrentCountFrom articles.
Xapian::doccount GuessBroadMatches(const Xapian::Database& db, const Xapian::Query& query);

// CountAcrossShards on another thread while `meanwhile` runs on this one
// (the ranking of a page, on other handles than `shards`): a broad search
// then takes about the longer of the two rather than their sum. The jobs'
// queries are copied before the thread starts. Rethrows what either throws.
std::vector<CountResult> CountAcrossShardsWhile(std::vector<Xapian::Database>& shards,
                                                const std::vector<CountJob>& jobs, Xapian::doccount count_limit,
                                                const SurnameLookup* surnames, Xapian::doccount estimated_matches,
                                                std::shared_ptr<const IndexColumns> columns,
                                                const std::function<void()>& meanwhile);

}  // namespace newsfacet
