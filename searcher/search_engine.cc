#include "searcher/search_engine.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "analysis/data_files.h"
#include "schemas/store/stored_article.h"
#include "searcher/highlight_terms.h"
#include "schemas/store/index_directory.h"
#include "schemas/index_layout.h"
#include "searcher/index_stats.h"
#include "searcher/snippet_builder.h"
#include "searcher/story_counter.h"

namespace newsfacet {
namespace {

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<std::string> SplitIds(const std::string& value) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start < value.size()) {
    size_t end = std::min(value.find(layout::kFacetValueSeparator, start), value.size());
    if (end > start) ids.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return ids;
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

// What marks the organisations filtered on: the index's display name and
// the id's words ("merrill lynch" also finds the name without "& Co Inc"),
// and, in an article shown whole, the article's own spelling.
void NameOrganisations(const FacetLabels& labels, const Xapian::Database& db, const ArticleEntities* shown,
                       HighlightTerms* terms) {
  for (const std::string& id : terms->organisation_ids) {
    AddOrganisationName(labels.Label(Facet::kOrganisations, db, id), terms);
    AddOrganisationName(id, terms);
    if (!shown) continue;
    for (const OrganisationMention& organisation : shown->organisations) {
      if (organisation.id == id) AddOrganisationName(organisation.name, terms);
    }
  }
}

// Ranks enough of the matches to fill a page of stories (story_counter.h)
// and returns the page's hits. The first match runs the spies over
// `check_at_least` matches; should near-duplicates fill the ranked head, a
// longer head is ranked without them, which is cheap: it need not look at
// every match.
std::vector<Xapian::MSetIterator> RankStories(Xapian::Enquire& enquire, Xapian::doccount offset,
                                              Xapian::doccount limit, Xapian::doccount check_at_least,
                                              Xapian::MSet* counted) {
  Xapian::doccount ranked = offset + limit + std::max<Xapian::doccount>(limit, 10);
  *counted = enquire.get_mset(0, ranked, check_at_least);
  Xapian::MSet mset = *counted;
  for (;;) {
    std::vector<std::optional<uint64_t>> keys;
    keys.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      keys.push_back(ParseNearDuplicateKey(it.get_document().get_value(layout::kNearDuplicateSlot)));
    }
    StoryPage page = PickStories(keys, offset, limit);
    if (page.complete || mset.size() < ranked) {
      std::vector<Xapian::MSetIterator> hits;
      for (size_t rank : page.ranks) hits.push_back(mset[static_cast<Xapian::doccount>(rank)]);
      return hits;
    }
    ranked *= 2;
    enquire.clear_matchspies();  // they have counted every match once
    mset = enquire.get_mset(0, ranked);
  }
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

}  // namespace

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
  response->query = request.scope.query;
  response->sort = SortName(request.sort);
  response->offset = request.offset;
  response->limit = request.limit;
  response->notes = built.notes;
  response->suggestion = built.suggestion;
  for (const NamedEntity& named : built.named_entities) {
    response->query_entities.push_back({named.facet, named.id, named.label, named.articles});
  }

  const bool whole_index = OnlyFilteredBy(request.scope, std::nullopt);
  const Xapian::doccount scan_limit = std::min(db.get_doccount(), options_.count_limit);
  Xapian::Enquire enquire(db);
  enquire.set_query(built.Combined());
  Xapian::MultiValueKeyMaker by_date;
  if (request.sort != SortOrder::kRelevance) {
    const bool newest_first = request.sort == SortOrder::kDateDescending;
    // Undated articles go last either way: reversed, an empty value sorts
    // after every date; forwards, it is given one after every date.
    by_date.add_value(layout::kDateSlot, newest_first, newest_first ? "" : "99999999");
    // Within a day, by time; an article without one sorts as midnight.
    by_date.add_value(layout::kTimeSlot, newest_first);
    enquire.set_sort_by_key_then_relevance(&by_date, false);
  }
  // Facets without a filter of their own are counted by spies on the main
  // match; a filtered facet needs a pass without its filter (disjunctive).
  PerFacet<std::unique_ptr<FacetCounter>> spies;
  for (Facet facet : kAllFacets) {
    if (!At(request.facets, facet) || whole_index || !At(built.filter_ids, facet).empty()) continue;
    At(spies, facet) = std::make_unique<FacetCounter>(facet, &surnames);
    enquire.add_matchspy(At(spies, facet).get());
  }
  DayCounter days;
  if (request.histogram != HistogramInterval::kNone) enquire.add_matchspy(&days);
  StoryCounter stories;
  if (request.collapse) enquire.add_matchspy(&stories);
  const bool any_spy = request.histogram != HistogramInterval::kNone || request.collapse ||
                       std::any_of(spies.begin(), spies.end(), [](const auto& spy) { return spy != nullptr; });
  const Xapian::doccount check_at_least = whole_index && !any_spy ? 0 : scan_limit;
  Xapian::MSet mset;
  std::vector<Xapian::MSetIterator> page;
  if (request.collapse) {
    page = RankStories(enquire, request.offset, request.limit, check_at_least, &mset);
  } else {
    mset = enquire.get_mset(request.offset, request.limit, check_at_least);
    for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(it);
  }
  response->total = {mset.get_matches_estimated(), mset.get_matches_lower_bound(), mset.get_matches_upper_bound(),
                     mset.get_matches_lower_bound() == mset.get_matches_upper_bound()};
  if (request.collapse) response->total = StoriesIn(mset, stories);

  HighlightTerms terms = CollectHighlightTerms(built, labels_);
  NameOrganisations(labels_, db, nullptr, &terms);
  SnippetBuilder snippets(terms);
  PerFacet<std::unordered_map<std::string, std::string>> names_seen;  // spellings in hits, for facet labels
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
    hit.entities = EntitiesOf(db, doc, stored.entities, surnames);
    hit.snippet = snippets.Snippet(stored.article.body);
    if (request.collapse) {
      const std::string key = doc.get_value(layout::kNearDuplicateSlot);
      if (std::optional<uint64_t> number = ParseNearDuplicateKey(key)) {
        hit.near_duplicates = std::max<Xapian::doccount>(stories.ArticlesWithKey(*number), 1) - 1;
        if (hit.near_duplicates > 0) hit.near_duplicate_key = key;
      }
    }
    for (const PersonMention& person : stored.entities.people) {
      At(names_seen, Facet::kPeople).emplace(person.id, person.name);
    }
    for (const OrganisationMention& organisation : stored.entities.organisations) {
      At(names_seen, Facet::kOrganisations).emplace(organisation.id, organisation.name);
    }
    response->hits.push_back(std::move(hit));
  }

  if (request.histogram != HistogramInterval::kNone) {
    response->has_histogram = true;
    response->histogram = BuildDateHistogram(days.days(), request.histogram, request.scope.from_day,
                                             request.scope.to_day);
    response->histogram.exact = days.seen() >= mset.get_matches_lower_bound() && response->total.exact;
  }
  for (Facet facet : kAllFacets) {
    if (!At(request.facets, facet)) continue;
    const std::vector<std::string>& selected = At(built.filter_ids, facet);
    FacetCounts counts;
    if (OnlyFilteredBy(request.scope, facet)) {
      counts = CandidateValues(*catalog_.Get(facet, names), facet, static_cast<size_t>(request.facet_limit), selected,
                               "", label_cache_, db, names);
    } else if (At(spies, facet)) {
      counts = CountsFrom(*At(spies, facet), response->total.value, response->total.exact);
    } else {
      counts = CountFacet(db, built.Combined(facet), facet, scan_limit, &surnames);
    }
    At(response->has_facet, facet) = true;
    At(response->facets, facet) =
        RankFacet(db, facet, counts, static_cast<size_t>(request.facet_limit), selected, "", At(names_seen, facet));
  }
  return std::nullopt;
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

PerFacet<std::vector<EntityRef>> SearchEngine::EntitiesOf(Xapian::Database& db, const Xapian::Document& doc,
                                                          const ArticleEntities& stored,
                                                          const SurnameLookup& surnames) const {
  PerFacet<std::vector<EntityRef>> entities;
  for (Facet facet : kAllFacets) {
    std::vector<EntityRef>& refs = At(entities, facet);
    for (std::string id : SplitIds(doc.get_value(FacetSlot(facet)))) {
      std::string name, role;
      int mentions = 0;
      if (facet == Facet::kPeople && id[0] == layout::kUnresolvedMarker) {
        // A lone surname: shown as the person it resolves to, if any.
        const std::string surname = id.substr(1);
        id = surnames.PersonOf(surname);
        if (id.empty()) continue;
        for (const auto& [lone, count] : stored.unresolved_surnames) {
          if (lone == surname) mentions = count;
        }
      } else if (facet == Facet::kPeople) {
        if (surnames.NamesOrganisation(id)) continue;
        for (const PersonMention& p : stored.people) {
          if (p.id == id) name = p.name, mentions = p.mentions, role = p.role;
        }
      } else if (facet == Facet::kOrganisations) {
        for (const OrganisationMention& o : stored.organisations) {
          if (o.id == id) name = o.name, mentions = o.mentions;
        }
      } else if (facet == Facet::kCountries) {
        for (const CountryMention& c : stored.countries) {
          if (c.code == id) name = c.name, mentions = c.mentions;
        }
      } else {
        for (const EventMention& e : stored.events) {
          if (e.id == id) name = e.label, mentions = e.mentions;
        }
      }
      auto listed = std::find_if(refs.begin(), refs.end(), [&](const EntityRef& ref) { return ref.id == id; });
      if (listed != refs.end()) {
        listed->mentions += mentions;
        continue;
      }
      refs.push_back({id, labels_.Label(facet, db, id, name), mentions, role});
    }
  }
  return entities;
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
    response->entities = EntitiesOf(db, doc, stored.entities, surnames);
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
                                          std::min(db.get_doccount(), options_.count_limit), &surnames);
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
