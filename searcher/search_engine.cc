#include "searcher/search_engine.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "analysis/data_files.h"
#include "schemas/store/stored_article.h"
#include "schemas/store/index_directory.h"
#include "schemas/index_layout.h"
#include "searcher/browse_cache.h"
#include "searcher/count_plan.h"
#include "searcher/date_histogram.h"
#include "searcher/hit_entities.h"
#include "searcher/highlight_terms.h"
#include "searcher/index_stats.h"
#include "searcher/page_ranker.h"
#include "searcher/remote_counts.h"
#include "searcher/shard_counts.h"
#include "searcher/match_totals.h"
#include "searcher/snippet_builder.h"
#include "searcher/story_counter.h"

namespace newsfacet {
namespace {

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string SortName(SortOrder sort) {
  switch (sort) {
    case SortOrder::kRelevance: return "relevance";
    case SortOrder::kDateAscending: return "date";
    case SortOrder::kDateDescending: return "-date";
  }
  return "";
}

// A search's answer before its hits: what was asked and how it was read.
void DescribeQuery(const SearchRequest& request, const BuiltQuery& built, SearchResponse* response) {
  response->query = request.scope.query;
  response->sort = SortName(request.sort);
  response->offset = request.offset;
  response->limit = request.limit;
  response->notes = built.notes;
  response->suggestion = built.suggestion;
  response->query_entities = built.named_entities;
}

std::vector<std::string> ShardPaths(const std::filesystem::path& index_dir, int shards) {
  std::vector<std::string> paths;
  for (int shard = 0; shard < shards; ++shard) paths.push_back(ShardPath(index_dir, shard).string());
  return paths;
}

}  // namespace

SearchEngine::SearchEngine(EngineOptions options, FacetLabels labels, int shards)
    : options_(std::move(options)), labels_(std::move(labels)), builder_(labels_),
      remote_(options_.cluster ? std::make_unique<RemoteShards>(*options_.cluster) : nullptr),
      pool_(MakePool(options_, shards, remote_.get())),
      shards_(shards),
      gate_(options_.max_parallel > 0 ? options_.max_parallel : std::max(1u, std::thread::hardware_concurrency())),
      surname_maps_(options_.cluster ? options_.cluster->metadata : ShardPath(options_.index_dir, 0)),
      columns_(options_.cluster ? std::vector<std::string>{} : ShardPaths(options_.index_dir, shards)) {}

DatabasePool SearchEngine::MakePool(const EngineOptions& options, int shards, RemoteShards* remote) {
  if (remote) return ClusterPool(remote);
  return DatabasePool(options.index_dir.string(), ShardPaths(options.index_dir, shards));
}

Status SearchEngine::Open(const EngineOptions& options, std::unique_ptr<SearchEngine>* engine) {
  IndexManifest manifest;
  if (options.cluster) {
    manifest.shards = static_cast<int>(options.cluster->shards.size());
  } else if (Status status = ReadIndexManifest(options.index_dir, &manifest); !status.ok()) {
    return status;
  }
  std::vector<std::string> warnings;
  FacetLabels labels = FacetLabels::Load(options.data_dir.empty() ? DataDirectory() : options.data_dir, &warnings);
  std::unique_ptr<SearchEngine> opened(new SearchEngine(options, std::move(labels), manifest.shards));
  opened->warnings_ = std::move(warnings);
  try {
    DatabasePool::Lease lease = opened->pool_.Acquire();
    opened->ColumnsFor(lease);  // starts reading them
  } catch (const Xapian::Error& error) {
    const std::string what = options.cluster ? "the cluster's metadata copy " + options.cluster->metadata.string()
                                             : "index " + options.index_dir.string();
    return Status::Error("cannot open " + what + ": " + error.get_description());
  }
  *engine = std::move(opened);
  return Status::Ok();
}

std::shared_ptr<const IndexColumns> SearchEngine::ColumnsFor(DatabasePool::Lease& lease) {
  return options_.facet_columns && !remote_ ? columns_.For(lease.shards()) : nullptr;
}

template <typename Work>
MaybeError SearchEngine::WithLease(Work&& work) {
  AdmissionGate::Pass pass(gate_);
  constexpr int kAttempts = 3;
  std::string problem;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    try {
      DatabasePool::Lease lease = pool_.Acquire();
      try {
        return work(lease);
      } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // the handle is fine: reopened on the next lease
      } catch (const Xapian::DatabaseError&) {
        lease.Discard();
        throw;
      } catch (const Xapian::NetworkError&) {
        lease.Discard();  // a cluster's replica went down: the next handle skips it
        throw;
      }
    } catch (const Xapian::DatabaseError& error) {
      problem = error.get_description();
    } catch (const Xapian::NetworkError& error) {
      problem = error.get_description();
    }
  }
  return ApiError::IndexUnavailable("cannot read the index " + options_.index_dir.string() + " (" + problem +
                                    "); try again");
}

template <typename Work>
MaybeError SearchEngine::WithDatabase(Work&& work) {
  return WithLease([&](DatabasePool::Lease& lease) { return work(lease.db()); });
}

MaybeError SearchEngine::Search(const SearchRequest& request, SearchResponse* response) {
  const Clock::time_point start = Clock::now();
  MaybeError error = WithLease([&](DatabasePool::Lease& lease) -> MaybeError {
    // A cluster's shards tell no revision to key a kept answer by.
    const bool browse = !request.scope.HasQuery() && !remote_;
    BrowseCache::Revision revision;
    std::string key;
    const std::shared_ptr<const SurnameMap> names = surname_maps_.Current();
    if (browse) {
      revision.names = names;
      for (Xapian::Database& shard : lease.shards()) revision.shards.push_back(shard.get_revision());
      key = BrowseKey(request);
      if (std::shared_ptr<const SearchResponse> kept = browse_cache_.Find(key, revision)) {
        *response = *kept;
        return std::nullopt;
      }
    }
    *response = SearchResponse();
    MaybeError error = RunSearch(lease, names, request, response);
    if (browse && !error) browse_cache_.Store(key, revision, std::make_shared<const SearchResponse>(*response));
    return error;
  });
  response->took_ms = MillisecondsSince(start);
  return error;
}

MaybeError SearchEngine::RunSearch(DatabasePool::Lease& lease, const std::shared_ptr<const SurnameMap>& names,
                                   const SearchRequest& request, SearchResponse* response) {
  Xapian::Database& db = lease.db();
  const SurnameLookup surnames(names);
  BuiltQuery built;
  if (auto error = builder_.Build(request.scope, db, surnames, &built)) return error;
  DescribeQuery(request, built, response);

  PerFacet<int> job_of;
  std::vector<CountJob> jobs = PlanCounts(request, built, &job_of);
  std::vector<CountResult> counted;
  // Ranking looks at no more matches than the page needs: the total and
  // what is tallied over the matches come from the count passes.
  if (remote_) PlanCatalogFacetsAsJobs(request, built, &jobs, &job_of);
  RankedPage ranked;
  const Xapian::doccount guess = remote_ ? 0 : GuessBroadMatches(db, built.Combined());
  if (!jobs.empty() && guess >= kCountInlineBelow) {
    // Counted on other threads while this one ranks.
    counted = CountAcrossShardsWhile(lease.shards(), jobs, options_.count_limit, &surnames, guess, ColumnsFor(lease),
                                     [&] { ranked = RankPage(db, built.Combined(), request); });
  } else {
    ranked = RankPage(db, built.Combined(), request, remote_ != nullptr);
    // Job 0's query is the one just ranked, unless only its newest months
    // were: their matches say nothing of the query's, so threads are used.
    const Xapian::doccount estimate =
        ranked.newest_months_only ? db.get_doccount() : ranked.mset.get_matches_estimated();
    if (!jobs.empty() && !ranked.newest_months_only) jobs[0].estimated_matches = estimate;
    counted = Count(lease, jobs, surnames, estimate);
  }
  response->total = TotalOf(ranked.mset);
  if (ranked.newest_months_only) {
    // Only the count passes know the total; without any, the query is every article.
    const Xapian::doccount all = db.get_doccount();
    response->total = {all, all, all, true};
  }
  if (!counted.empty()) response->total = CountedTotal(counted[0], request.collapse, response->total);

  PerFacet<NamesSeen> names_seen;
  const StoryCounter& stories = !counted.empty() && counted[0].story_keys ? *counted[0].story_keys : *ranked.head;
  AddHits(db, request, built, ranked.hits, stories, surnames, response, &names_seen);
  if (request.histogram != HistogramInterval::kNone) {
    response->has_histogram = true;
    response->histogram = BuildDateHistogram(counted[0].days, request.histogram, request.scope.from_day,
                                             request.scope.to_day);
    response->histogram.exact = counted[0].exact;
  }
  CountFacets(db, request, built, counted, job_of, names, names_seen, response);
  response->missing_shards = lease.missing_shards();
  response->shards = shards_;
  return std::nullopt;
}

std::vector<CountResult> SearchEngine::Count(DatabasePool::Lease& lease, const std::vector<CountJob>& jobs,
                                             const SurnameLookup& surnames, Xapian::doccount estimated_matches) {
  if (remote_) return CountWithValueSpies(lease.db(), jobs, &surnames);
  return CountAcrossShards(lease.shards(), jobs, options_.count_limit, &surnames, estimated_matches, ColumnsFor(lease));
}

void SearchEngine::AddHits(Xapian::Database& db, const SearchRequest& request, const BuiltQuery& built,
                           const std::vector<Xapian::MSetIterator>& page, const StoryCounter& stories,
                           const SurnameLookup& surnames, SearchResponse* response, PerFacet<NamesSeen>* names_seen) {
  HighlightTerms terms = CollectHighlightTerms(built, labels_);
  NameOrganisations(labels_, db, nullptr, &terms);
  SnippetBuilder snippets(terms);
  for (const Xapian::MSetIterator& it : page) {
    Xapian::Document doc = it.get_document();
    StoredArticle stored;
    if (!TryLoadStoredArticle(doc, &stored)) {
      unreadable_.Note(doc, *it);
      continue;
    }
    Hit hit;
    hit.id = stored.article.id;
    hit.title = stored.article.title;
    hit.title_html = snippets.Highlight(stored.article.title, /*is_title=*/true);
    hit.date = stored.article.date;
    hit.source = stored.article.source;
    hit.url = stored.article.url;
    hit.score = it.get_weight();
    hit.entities = EntitiesOfArticle(labels_, db, doc, stored.entities, surnames);
    hit.snippet = snippets.Snippet(stored.article.body);
    if (request.collapse) {
      const std::string key = doc.get_value(layout::kNearDuplicateSlot);
      if (std::optional<uint64_t> number = ParseNearDuplicateKey(key)) {
        hit.near_duplicates = std::max<Xapian::doccount>(stories.ArticlesWithKey(*number), 1) - 1;
        if (hit.near_duplicates > 0) hit.near_duplicate_key = key;
      }
    }
    for (const PersonMention& person : stored.entities.people) {
      At(*names_seen, Facet::kPeople).emplace(person.id, person.name);
    }
    for (const OrganisationMention& organisation : stored.entities.organisations) {
      At(*names_seen, Facet::kOrganisations).emplace(organisation.id, organisation.name);
    }
    response->hits.push_back(std::move(hit));
  }
}

void SearchEngine::CountFacets(Xapian::Database& db, const SearchRequest& request, const BuiltQuery& built,
                               const std::vector<CountResult>& counted, const PerFacet<int>& job_of,
                               const std::shared_ptr<const SurnameMap>& names,
                               const PerFacet<NamesSeen>& names_seen, SearchResponse* response) {
  for (Facet facet : kAllFacets) {
    if (!At(request.facets, facet)) continue;
    const int job = At(job_of, facet);
    const size_t limit = static_cast<size_t>(request.facet_limit);
    const std::vector<std::string>& selected = At(built.filter_ids, facet);
    const FacetCounts counts =
        job < 0 ? CandidateValues(*catalog_.Get(facet, names), facet, limit, selected, "", label_cache_, db, names)
                : FacetCounts{At(counted[static_cast<size_t>(job)].facets, facet)->TopCounts(limit, selected),
                              counted[static_cast<size_t>(job)].exact};
    At(response->has_facet, facet) = true;
    At(response->facets, facet) = RankFacet(db, facet, counts, limit, selected, "", At(names_seen, facet));
  }
}

FacetResult SearchEngine::RankFacet(Xapian::Database& db, Facet facet, const FacetCounts& counts, size_t limit,
                                    const std::vector<std::string>& selected, const std::string& prefix,
                                    const std::unordered_map<std::string, std::string>& known_names,
                                    const std::shared_ptr<const SurnameMap>& names) {
  auto label_of = [&](const std::string& id) {
    auto known = known_names.find(id);
    return labels_.Label(facet, db, id, known == known_names.end() ? "" : known->second);
  };
  FacetResult result;
  result.exact = counts.exact;
  std::vector<RankedValue> ranked;
  std::unordered_map<std::string, std::string> labels;
  if (prefix.empty()) {
    ranked = TopValues(counts, limit, selected);
  } else {
    // Every value must be named to be matched; counts come first only after.
    std::vector<std::string> ids;
    ids.reserve(counts.counts.size());
    for (const auto& [id, count] : counts.counts) ids.push_back(id);
    FacetCounts matching;
    matching.exact = counts.exact;
    for (auto& [id, label] : label_cache_.Matching(db, facet, ids, prefix, names)) {
      matching.counts.emplace(id, counts.counts.find(id)->second);
      labels.emplace(std::move(id), std::move(label));
    }
    ranked = TopValues(matching, limit);
  }
  for (const RankedValue& value : ranked) {
    auto named = labels.find(value.id);
    bool is_selected = std::find(selected.begin(), selected.end(), value.id) != selected.end();
    result.values.push_back(
        {value.id, named != labels.end() ? named->second : label_of(value.id), value.count, is_selected});
  }
  return result;
}

MaybeError SearchEngine::GetArticle(const ArticleRequest& request, ArticleResponse* response) {
  const Clock::time_point start = Clock::now();
  MaybeError error = WithLease([&](DatabasePool::Lease& lease) -> MaybeError {
    Xapian::Database& db = lease.db();
    *response = ArticleResponse();
    Xapian::PostingIterator posting = db.postlist_begin(layout::KeyOf(layout::kIdPrefix, request.id));
    if (posting == db.postlist_end(layout::KeyOf(layout::kIdPrefix, request.id))) {
      if (std::optional<int> shard = MissingShardOf(request.id, shards_, lease.missing_shards())) {
        return ApiError::IndexUnavailable("article '" + request.id + "' would be on shard " + std::to_string(*shard) +
                                          ", none of whose replicas answers; try again");
      }
      return ApiError::NotFound("no article has the id '" + request.id + "'");
    }
    Xapian::Document doc = db.get_document(*posting);
    StoredArticle stored;
    if (!TryLoadStoredArticle(doc, &stored)) {
      unreadable_.Note(doc, *posting);
      return ApiError{500, "internal_error", "the stored copy of article '" + request.id + "' is damaged"};
    }
    const SurnameLookup surnames(surname_maps_.Current());
    BuiltQuery built;
    if (auto error = builder_.Build(request.scope, db, surnames, &built)) return error;
    HighlightTerms terms = CollectHighlightTerms(built, labels_);
    NameOrganisations(labels_, db, &stored.entities, &terms);
    SnippetBuilder marker(terms);
    response->title_html = marker.Highlight(stored.article.title, /*is_title=*/true);
    response->body_html = marker.Highlight(stored.article.body, /*is_title=*/false);
    response->entities = EntitiesOfArticle(labels_, db, doc, stored.entities, surnames);
    response->notes = built.notes;
    response->article = std::move(stored.article);
    return std::nullopt;
  });
  response->took_ms = MillisecondsSince(start);
  return error;
}

MaybeError SearchEngine::FacetValues(const FacetValuesRequest& request, FacetValuesResponse* response) {
  const Clock::time_point start = Clock::now();
  MaybeError error = WithLease([&](DatabasePool::Lease& lease) -> MaybeError {
    Xapian::Database& db = lease.db();
    *response = FacetValuesResponse();
    const std::shared_ptr<const SurnameMap> names = surname_maps_.Current();
    const SurnameLookup surnames(names);
    BuiltQuery built;
    if (auto error = builder_.Build(request.scope, db, surnames, &built)) return error;
    const Facet facet = request.facet;
    FacetCounts counts;
    if (OnlyFilteredBy(request.scope, facet) && !remote_) {
      counts = CandidateValues(*catalog_.Get(facet, names), facet, static_cast<size_t>(request.limit),
                               At(built.filter_ids, facet), request.prefix, label_cache_, db, names);
    } else {
      const std::vector<CountResult> counted = Count(lease, {{built.Combined(facet), {facet}}}, surnames, db.get_doccount());
      counts = {At(counted[0].facets, facet)->counts(), counted[0].exact};
    }
    response->facet = facet;
    response->prefix = request.prefix;
    response->result = RankFacet(db, facet, counts, static_cast<size_t>(request.limit), At(built.filter_ids, facet),
                                 request.prefix, {}, names);
    return std::nullopt;
  });
  response->took_ms = MillisecondsSince(start);
  return error;
}

MaybeError SearchEngine::Stats(IndexStats* stats) {
  return WithDatabase([&](Xapian::Database& db) -> MaybeError {
    *stats = ReadIndexStats(db, options_.index_dir);
    stats->shards = shards_;
    stats->facet_columns_bytes = columns_.MemoryBytes();
    return std::nullopt;
  });
}

std::vector<EndpointHealth> SearchEngine::Endpoints() const {
  return remote_ ? remote_->Probe() : std::vector<EndpointHealth>();
}

MaybeError SearchEngine::Health(Xapian::doccount* articles) {
  return WithDatabase([&](Xapian::Database& db) -> MaybeError {
    *articles = db.get_doccount();
    return std::nullopt;
  });
}

}  // namespace newsfacet
