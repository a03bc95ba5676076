// The search engine: requests in, responses out, over one index directory.
// The HTTP server and the CLI both call it, so they answer alike.
//
// Thread-safe: every call leases its own Xapian handle (database_pool.h),
// reopened at the latest commit, so articles committed by an indexer
// running alongside are searched from the next request on. A read that
// races a commit (Xapian::DatabaseModifiedError) is retried on a reopened
// handle.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "searcher/admission_gate.h"
#include "searcher/browse_cache.h"
#include "searcher/column_store.h"
#include "searcher/api_error.h"
#include "schemas/store/article_entities.h"
#include "searcher/database_pool.h"
#include "searcher/facet_counter.h"
#include "searcher/facet_labels.h"
#include "searcher/index_facet_catalog.h"
#include "searcher/label_cache.h"
#include "searcher/query_builder.h"
#include "searcher/remote_shards.h"
#include "searcher/search_request.h"
#include "searcher/search_response.h"
#include "searcher/shard_counts.h"
#include "searcher/unreadable_articles.h"
#include "common/status.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

class StoryCounter;

struct EngineOptions {
  std::filesystem::path index_dir;
  std::filesystem::path data_dir;  // countries.json, events.json; empty: DataDirectory()
  // How many matches each shard looks at to count a search's total, facets,
  // days and stories (shard_counts.h). A shard with up to this many counts
  // them all; past it, everything is estimated from a uniform sample of
  // about this many matches in all, and flagged inexact. A count pass's
  // time is bounded by it.
  Xapian::doccount count_limit = 10000;
  // Requests run at once; the rest wait their turn, first come first
  // served (admission_gate.h). 0: the number of cores.
  unsigned max_parallel = 0;
  // Counting reads every article's facet ids from memory once they are
  // read (column_store.h), about 100 bytes an article; off, from disk.
  bool facet_columns = true;
  // When set, the index is a cluster's shards on other hosts
  // (remote_shards.h), and `index_dir` is left empty.
  std::optional<ClusterConfig> cluster = std::nullopt;
};

class SearchEngine {
 public:
  // Fails when `index_dir` is not a newsfacet index of this layout version
  // or cannot be opened. Data files that are absent or broken only degrade
  // labels (see warnings()).
  static Status Open(const EngineOptions& options, std::unique_ptr<SearchEngine>* engine);

  MaybeError Search(const SearchRequest& request, SearchResponse* response);
  MaybeError GetArticle(const ArticleRequest& request, ArticleResponse* response);
  MaybeError FacetValues(const FacetValuesRequest& request, FacetValuesResponse* response);
  MaybeError Stats(IndexStats* stats);
  // Whether the index can be read right now, and how many articles it has.
  MaybeError Health(Xapian::doccount* articles);
  // A cluster's every replica, tried now; empty for a local index.
  std::vector<EndpointHealth> Endpoints() const;
  // Distinct articles left out of answers because their stored copy is damaged.
  int64_t unreadable_articles() const { return unreadable_.count(); }

  const std::vector<std::string>& warnings() const { return warnings_; }
  const std::filesystem::path& index_dir() const { return options_.index_dir; }

 private:
  SearchEngine(EngineOptions options, FacetLabels labels, int shards);
  static DatabasePool MakePool(const EngineOptions& options, int shards, RemoteShards* remote);
  // The count passes of `jobs`: on each local shard in threads, or on a
  // cluster with the spies its servers run (remote_counts.h).
  std::vector<CountResult> Count(DatabasePool::Lease& lease, const std::vector<CountJob>& jobs,
                                 const SurnameLookup& surnames, Xapian::doccount estimated_matches);

  // Runs `work` on a lease (or on its handle on all shards), retrying when
  // the index changed under it.
  template <typename Work>
  MaybeError WithLease(Work&& work);
  template <typename Work>
  MaybeError WithDatabase(Work&& work);

  // Facet value id -> a spelling the page's hits use, to label values the
  // index has no display name for.
  using NamesSeen = std::unordered_map<std::string, std::string>;

  // The columns of the lease's shards, when read and wanted.
  std::shared_ptr<const IndexColumns> ColumnsFor(DatabasePool::Lease& lease);
  // A search, in steps: the query built and matched, then its hits, its
  // histogram and its facets.
  // `names`: the surname map the search reads the index with.
  MaybeError RunSearch(DatabasePool::Lease& lease, const std::shared_ptr<const SurnameMap>& names,
                       const SearchRequest& request, SearchResponse* response);
  void AddHits(Xapian::Database& db, const SearchRequest& request, const BuiltQuery& built,
               const std::vector<Xapian::MSetIterator>& page, const StoryCounter& stories,
               const SurnameLookup& surnames, SearchResponse* response, PerFacet<NamesSeen>* names_seen);
  // Each requested facet's values, from the count passes (`job_of`: which
  // of `counted`; -1: the whole index's, from the catalog).
  void CountFacets(Xapian::Database& db, const SearchRequest& request, const BuiltQuery& built,
                   const std::vector<CountResult>& counted, const PerFacet<int>& job_of,
                   const std::shared_ptr<const SurnameMap>& names, const PerFacet<NamesSeen>& names_seen,
                   SearchResponse* response);
  // The top `limit` values; with a prefix, of those whose names match it
  // (read through label_cache_, under `names`, the surname map in use).
  FacetResult RankFacet(Xapian::Database& db, Facet facet, const FacetCounts& counts, size_t limit,
                        const std::vector<std::string>& selected, const std::string& prefix,
                        const std::unordered_map<std::string, std::string>& known_names,
                        const std::shared_ptr<const SurnameMap>& names = nullptr);

  const EngineOptions options_;
  std::vector<std::string> warnings_;
  const FacetLabels labels_;
  const QueryBuilder builder_;
  const std::unique_ptr<RemoteShards> remote_;  // null for a local index
  DatabasePool pool_;
  const int shards_;
  UnreadableArticles unreadable_;
  AdmissionGate gate_;
  SurnameMapCache surname_maps_;
  ColumnStore columns_;
  LabelCache label_cache_{labels_};
  IndexFacetCatalog catalog_{options_.index_dir, shards_};
  BrowseCache browse_cache_;
};

}  // namespace newsfacet
