// Every facet's values over the whole index, ranked by article count, kept
// until a commit changes a shard or the surname map changes.
//
// A request with no words and no other filter (the home page, a facet's own
// page, a suggestion typed into a box) counts its facets over the whole
// index. Counting walks the term of every value: tens of thousands on
// Reuters, a few hundred thousand on a large archive, on every request. The
// catalog walks once per index revision and keeps the values in rank order,
// so a request takes the top few, or the first few that match a typed
// prefix, without a walk or a sort. Thread-safe.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/facet.h"
#include "searcher/facet_counter.h"
#include "searcher/label_cache.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

class IndexFacetCatalog {
 public:
  // One facet's values over the whole index.
  struct Ranked {
    FacetCounts counts;                     // as CountFacetInIndex gives them
    std::vector<std::string> ids_by_count;  // most articles first, then by id
  };

  // `index_dir` is the index directory (the file Xapian opens to reach
  // every shard); `shards` is how many shards it has.
  IndexFacetCatalog(std::filesystem::path index_dir, int shards);
  IndexFacetCatalog(const IndexFacetCatalog&) = delete;
  IndexFacetCatalog& operator=(const IndexFacetCatalog&) = delete;

  // `facet`'s values as of the index's latest commit, with lone surnames
  // resolved by `names`, the surname map the caller reads the index with.
  // Throws Xapian::Error when the index cannot be read.
  std::shared_ptr<const Ranked> Get(Facet facet, const std::shared_ptr<const SurnameMap>& names);

 private:
  // The latest revision of each shard; opens or reopens their handles.
  std::vector<Xapian::rev> LatestRevisions();

  const std::filesystem::path index_dir_;
  const int shards_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Xapian::Database>> shard_handles_;
  std::unique_ptr<Xapian::Database> index_;
  std::vector<Xapian::rev> revisions_;
  // A weak pointer, as in LabelCache: a new map is never mistaken for it.
  std::weak_ptr<const SurnameMap> generation_;
  PerFacet<std::shared_ptr<const Ranked>> ranked_;
};

// What a whole-index facet request needs of `ranked`: the values a ranking
// of `limit` can show, as counts (the top `limit`, and `always` when the
// index has them); with a `prefix`, the top `limit` of those whose names
// match it, read through `labels` (see LabelCache::Matching). Ranking these
// gives what ranking all of `ranked.counts` would.
FacetCounts CandidateValues(const IndexFacetCatalog::Ranked& ranked, Facet facet, size_t limit,
                            const std::vector<std::string>& always, std::string_view prefix, LabelCache& labels,
                            const Xapian::Database& db, const std::shared_ptr<const SurnameMap>& names);

}  // namespace newsfacet
