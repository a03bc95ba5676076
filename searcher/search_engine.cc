#include "searcher/search_engine.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "analysis/data_files.h"
#include "schemas/store/stored_article.h"
#include "schemas/store/index_directory.h"
#include "schemas/index_layout.h"
#include "searcher/date_histogram.h"
#include "searcher/hit_entities.h"
#include "searcher/highlight_terms.h"
#include "searcher/index_stats.h"
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

// True when nothing but `facet`'s own filter narrows the scope: its
// disjunctive counts are then over the whole index.
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

// How many stories match, from what the story counter saw.
MatchTotal StoriesIn(const Xapian::MSet& mset, const StoryCounter& stories) {
  if (stories.seen() >= mset.get_matches_upper_bound()) {
    return {stories.stories(), stories.stories(), stories.stories(), true};
  }
  const double share = stories.seen() > 0 ? double(stories.stories()) / stories.seen() : 1.0;
  const auto estimate = static_cast<Xapian::doccount>(mset.get_matches_estimated() * share + 0.5);
  return {std::max(estimate, stories.stories()), stories.stories(), mset.get_matches_upper_bound(), false};
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

void SortByDate(SortOrder sort, Xapian::MultiValueKeyMaker* by_date, Xapian::Enquire* enquire) {
  const bool newest_first = sort == SortOrder::kDateDescending;
  // Undated articles go last either way: reversed, an empty value sorts
  // after every date; forwards, it is given one after every date.
  by_date->add_value(layout::kDateSlot, newest_first, newest_first ? "" : "99999999");
  // Within a day, by time; an article without one sorts as midnight.
  by_date->add_value(layout::kTimeSlot, newest_first);
  enquire->set_sort_by_key_then_relevance(by_date, false);
}

MatchTotal TotalOf(const Xapian::MSet& mset) {
  return {mset.get_matches_estimated(), mset.get_matches_lower_bound(), mset.get_matches_upper_bound(),
          mset.get_matches_lower_bound() == mset.get_matches_upper_bound()};
}

}  // namespace

// What rides on a search's match. Facets without a filter of their own are
// counted by spies on the main match; a filtered facet needs a pass without
// its filter (disjunctive).
struct SearchEngine::MatchSpies {
  PerFacet<std::unique_ptr<FacetCounter>> facets;
  DayCounter days;
  StoryCounter stories;
  bool any = false;

  // Adds the spies `request` needs to `enquire`, which must not outlive
  // them (nor `surnames`).
  void AddTo(const SearchRequest& request, const BuiltQuery& built, bool whole_index, const SurnameLookup& surnames,
             Xapian::Enquire* enquire) {
    for (Facet facet : kAllFacets) {
      if (!At(request.facets, facet) || whole_index || !At(built.filter_ids, facet).empty()) continue;
      At(facets, facet) = std::make_unique<FacetCounter>(facet, &surnames);
      enquire->add_matchspy(At(facets, facet).get());
      any = true;
    }
    if (request.histogram != HistogramInterval::kNone) {
      enquire->add_matchspy(&days);
      any = true;
    }
    if (request.collapse) {
      enquire->add_matchspy(&stories);
      any = true;
    }
  }
};

SearchEngine::SearchEngine(EngineOptions options, FacetLabels labels, int shards)
    : options_(std::move(options)), labels_(std::move(labels)), builder_(labels_), pool_(options_.index_dir.string()),
      shards_(shards),
      gate_(options_.max_parallel > 0 ? options_.max_parallel : std::max(1u, std::thread::hardware_concurrency())),
      surname_maps_(ShardPath(options_.index_dir, 0)) {}

Status SearchEngine::Open(const EngineOptions& options, std::unique_ptr<SearchEngine>* engine) {
  IndexManifest manifest;
  Status status = ReadIndexManifest(options.index_dir, &manifest);
  if (!status.ok()) return status;
  std::vector<std::string> warnings;
  FacetLabels labels = FacetLabels::Load(options.data_dir.empty() ? DataDirectory() : options.data_dir, &warnings);
  std::unique_ptr<SearchEngine> opened(new SearchEngine(options, std::move(labels), manifest.shards));
  opened->warnings_ = std::move(warnings);
  try {
    opened->pool_.Acquire();
  } catch (const Xapian::Error& error) {
    return Status::Error("cannot open index " + options.index_dir.string() + ": " + error.get_description());
  }
  *engine = std::move(opened);
  return Status::Ok();
}

template <typename Work>
MaybeError SearchEngine::WithDatabase(Work&& work) {
  AdmissionGate::Pass pass(gate_);
  constexpr int kAttempts = 3;
  std::string problem;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    try {
      DatabasePool::Lease lease = pool_.Acquire();
      try {
        return work(lease.db());
      } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // the handle is fine: reopened on the next lease
      } catch (const Xapian::DatabaseError&) {
        lease.Discard();
        throw;
      }
    } catch (const Xapian::DatabaseError& error) {
      problem = error.get_description();
    }
  }
  return ApiError::IndexUnavailable("cannot read the index " + options_.index_dir.string() + " (" + problem +
                                    "); try again");
}

MaybeError SearchEngine::Search(const SearchRequest& request, SearchResponse* response) {
  const Clock::time_point start = Clock::now();
  MaybeError error = WithDatabase([&](Xapian::Database& db) {
    *response = SearchResponse();
    return RunSearch(db, request, response);
  });
  response->took_ms = MillisecondsSince(start);
  return error;
}

MaybeError SearchEngine::RunSearch(Xapian::Database& db, const SearchRequest& request, SearchResponse* response) {
  const std::shared_ptr<const SurnameMap> names = surname_maps_.Current();
  const SurnameLookup surnames(names);
  BuiltQuery built;
  if (auto error = builder_.Build(request.scope, db, surnames, &built)) return error;
  DescribeQuery(request, built, response);

  const bool whole_index = OnlyFilteredBy(request.scope, std::nullopt);
  Xapian::Enquire enquire(db);
  enquire.set_query(built.Combined());
  Xapian::MultiValueKeyMaker by_date;
  if (request.sort != SortOrder::kRelevance) SortByDate(request.sort, &by_date, &enquire);
  MatchSpies spies;
  spies.AddTo(request, built, whole_index, surnames, &enquire);
  const Xapian::doccount check_at_least = whole_index && !spies.any ? 0 : ScanLimit(db);
  Xapian::MSet mset;
  std::vector<Xapian::MSetIterator> page;
  if (request.collapse) {
    page = RankStories(enquire, request.offset, request.limit, check_at_least, &mset);
    response->total = StoriesIn(mset, spies.stories);
  } else {
    mset = enquire.get_mset(request.offset, request.limit, check_at_least);
    for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(it);
    response->total = TotalOf(mset);
  }

  PerFacet<NamesSeen> names_seen;
  AddHits(db, request, built, page, spies.stories, surnames, response, &names_seen);
  if (request.histogram != HistogramInterval::kNone) {
    response->has_histogram = true;
    response->histogram = BuildDateHistogram(spies.days.days(), request.histogram, request.scope.from_day,
                                             request.scope.to_day);
    response->histogram.exact = spies.days.seen() >= mset.get_matches_lower_bound() && response->total.exact;
  }
  CountFacets(db, request, built, spies, names, names_seen, response);
  return std::nullopt;
}

Xapian::doccount SearchEngine::ScanLimit(const Xapian::Database& db) const {
  return std::min(db.get_doccount(), options_.count_limit);
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
                               const MatchSpies& spies, const std::shared_ptr<const SurnameMap>& names,
                               const PerFacet<NamesSeen>& names_seen, SearchResponse* response) {
  const SurnameLookup surnames(names);
  for (Facet facet : kAllFacets) {
    if (!At(request.facets, facet)) continue;
    FacetCounts counts;
    if (OnlyFilteredBy(request.scope, facet)) {
      counts = CandidateValues(*catalog_.Get(facet, names), facet, static_cast<size_t>(request.facet_limit),
                               At(built.filter_ids, facet), "", label_cache_, db, names);
    } else if (At(spies.facets, facet)) {
      counts = CountsFrom(*At(spies.facets, facet), response->total.value, response->total.exact);
    } else {
      counts = CountFacet(db, built.Combined(facet), facet, ScanLimit(db), &surnames);
    }
    At(response->has_facet, facet) = true;
    At(response->facets, facet) = RankFacet(db, facet, counts, static_cast<size_t>(request.facet_limit),
                                            At(built.filter_ids, facet), "", At(names_seen, facet));
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
  MaybeError error = WithDatabase([&](Xapian::Database& db) -> MaybeError {
    *response = ArticleResponse();
    Xapian::PostingIterator posting = db.postlist_begin(layout::KeyOf(layout::kIdPrefix, request.id));
    if (posting == db.postlist_end(layout::KeyOf(layout::kIdPrefix, request.id))) {
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
  MaybeError error = WithDatabase([&](Xapian::Database& db) -> MaybeError {
    *response = FacetValuesResponse();
    const std::shared_ptr<const SurnameMap> names = surname_maps_.Current();
    const SurnameLookup surnames(names);
    BuiltQuery built;
    if (auto error = builder_.Build(request.scope, db, surnames, &built)) return error;
    const Facet facet = request.facet;
    FacetCounts counts = OnlyFilteredBy(request.scope, facet)
                             ? CandidateValues(*catalog_.Get(facet, names), facet, static_cast<size_t>(request.limit),
                                               At(built.filter_ids, facet), request.prefix, label_cache_, db, names)
                             : CountFacet(db, built.Combined(facet), facet,
                                          ScanLimit(db), &surnames);
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
    return std::nullopt;
  });
}

MaybeError SearchEngine::Health(Xapian::doccount* articles) {
  return WithDatabase([&](Xapian::Database& db) -> MaybeError {
    *articles = db.get_doccount();
    return std::nullopt;
  });
}

}  // namespace newsfacet
