#include "searcher/search_engine.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "tests/facet_test_engine.h"
#include "tests/facet_test_index.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

using Fixture = FacetTestEngine;

SearchResponse Search(SearchEngine& engine, const RequestParams& params) {
  SearchRequest request;
  REQUIRE_FALSE(ParseSearchRequest(params, &request));
  SearchResponse response;
  MaybeError error = engine.Search(request, &response);
  INFO((error ? error->message : ""));
  REQUIRE_FALSE(error);
  return response;
}

std::map<std::string, Xapian::doccount> CountsOf(const SearchResponse& response, Facet facet) {
  std::map<std::string, Xapian::doccount> counts;
  for (const FacetValue& value : At(response.facets, facet).values) counts[value.id] = value.count;
  return counts;
}

}  // namespace

TEST_CASE("a search returns exact totals, hits with marked snippets and titles, and their entities") {
  Fixture f;
  SearchResponse response = Search(*f.engine, {{"q", "altintas"}});
  CHECK(response.total.value == 3);
  CHECK(response.total.exact);
  REQUIRE(response.hits.size() == 3);
  std::set<std::string> ids;
  for (const Hit& hit : response.hits) ids.insert(hit.id);
  CHECK(ids == std::set<std::string>{"ankara-shooting", "gunman-profile", "gunman-funeral"});
  for (const Hit& hit : response.hits) {
    // The word names the person (query_entities.h), so the person's name is marked whole where written so.
    CHECK(hit.snippet.find("Altıntaş</mark>") + hit.snippet.find("Altintas</mark>") != 2 * std::string::npos);
    CHECK(hit.score > 0);
    if (hit.id == "gunman-profile") CHECK(hit.title_html == "Who was the gunman <mark>Mevlut Mert Altintas</mark>?");
    if (hit.id == "ankara-shooting") {
      REQUIRE(At(hit.entities, Facet::kPeople).size() == 2);
      CHECK(At(hit.entities, Facet::kPeople)[0].label == "Andrey Karlov");  // the index's display name
      CHECK(At(hit.entities, Facet::kPeople)[0].mentions == 3);
    }
  }
}

TEST_CASE("facet counts are disjunctive: a facet's own filter does not narrow its counts") {
  Fixture f;
  SearchResponse all = Search(*f.engine, {{"q", "assassination OR killing OR shot OR ceasefire OR lorry"}});
  SearchResponse turkey = Search(*f.engine, {{"q", "assassination OR killing OR shot OR ceasefire OR lorry"},
                                             {"country", "TR"}});
  CHECK(turkey.total.value < all.total.value);
  // Countries: as if unfiltered, with TR marked selected.
  CHECK(CountsOf(turkey, Facet::kCountries) == CountsOf(all, Facet::kCountries));
  for (const FacetValue& value : At(turkey.facets, Facet::kCountries).values) CHECK(value.selected == (value.id == "TR"));
  // People: counted within the Turkey articles only.
  std::map<std::string, Xapian::doccount> people = CountsOf(turkey, Facet::kPeople);
  CHECK(people.at(PersonKey("Andrey Karlov")) == 1);
  CHECK(people.count(PersonKey("Anis Amri")) == 0);
}

TEST_CASE("a selected value below the facet limit is still listed, and browsing is newest first, undated last") {
  Fixture f;
  SearchResponse response = Search(*f.engine, {{"country", "DE"}, {"facet_limit", "1"}});
  const std::vector<FacetValue>& countries = At(response.facets, Facet::kCountries).values;
  REQUIRE(countries.size() == 2);
  CHECK(countries[0].id == "US");
  CHECK(countries[1].id == "DE");
  CHECK(countries[1].selected);

  SearchResponse newest = Search(*f.engine, {{"limit", "100"}});
  REQUIRE(newest.hits.size() == 31);
  CHECK(newest.sort == "-date");
  CHECK(newest.hits.front().id == "tennis-karlov");
  CHECK(newest.hits.back().id == "kremlin-undated");
  SearchResponse oldest = Search(*f.engine, {{"limit", "100"}, {"sort", "date"}});
  CHECK(oldest.hits.back().id == "kremlin-undated");
  for (size_t i = 1; i + 1 < oldest.hits.size(); ++i) CHECK(oldest.hits[i - 1].date <= oldest.hits[i].date);
}

TEST_CASE("pages of a broad query cover every match once") {
  Fixture f;
  std::set<std::string> seen;
  size_t total = 0;
  for (int offset = 0; offset < 40; offset += 7) {
    SearchResponse page = Search(*f.engine, {{"q", "market OR karlov"}, {"offset", std::to_string(offset)}, {"limit", "7"}});
    total = page.total.value;
    for (const Hit& hit : page.hits) CHECK(seen.insert(hit.id).second);
  }
  CHECK(seen.size() == total);
  CHECK(total == 27);  // 23 market reports, the Christmas market, 3 Karlov articles
}

TEST_CASE("a lone surname counts for the person it resolves to: in filters, facets and the hit's people") {
  Fixture f;
  const std::string altintas = PersonKey("Mevlut Mert Altintas");
  SearchResponse response = Search(*f.engine, {{"person", altintas}});
  std::set<std::string> ids;
  for (const Hit& hit : response.hits) ids.insert(hit.id);
  CHECK(ids == std::set<std::string>{"ankara-shooting", "gunman-profile", "gunman-funeral"});
  for (const Hit& hit : response.hits) {
    if (hit.id != "gunman-funeral") continue;
    REQUIRE(At(hit.entities, Facet::kPeople).size() == 1);  // "~smith" resolves to no one
    CHECK(At(hit.entities, Facet::kPeople)[0].id == altintas);
    CHECK(At(hit.entities, Facet::kPeople)[0].label == "Mevlüt Mert Altıntaş");
    CHECK(hit.snippet.find("<mark>Altintas</mark> was buried") != std::string::npos);
  }
  // Counted by the whole-index shortcut and by the spies alike, never as "~smith".
  SearchResponse all = Search(*f.engine, {{"facet_limit", "100"}});
  SearchResponse searched = Search(*f.engine, {{"q", "buried OR ankara OR altintas"}, {"facet_limit", "100"}});
  CHECK(CountsOf(all, Facet::kPeople).at(altintas) == 3);
  CHECK(CountsOf(searched, Facet::kPeople).at(altintas) == 3);
  for (const auto& [id, count] : CountsOf(all, Facet::kPeople)) CHECK(id[0] != '~');
}

TEST_CASE("an article by id, with the request's matches marked in its full text") {
  Fixture f;
  ArticleRequest request;
  REQUIRE_FALSE(ParseArticleRequest("karlov-tribute", {{"person", "Andrey Karlov"}}, &request));
  ArticleResponse article;
  REQUIRE_FALSE(f.engine->GetArticle(request, &article));
  CHECK(article.article.title == "Putin pays tribute to Andrei Karlov");
  CHECK(article.title_html == "Putin pays tribute to <mark>Andrei Karlov</mark>");
  CHECK(article.body_html.find("Ambassador <mark>Karlov</mark>") != std::string::npos);
  CHECK(article.body_html.find("Maria Karlov") != std::string::npos);

  REQUIRE_FALSE(ParseArticleRequest("no-such-article", {}, &request));
  MaybeError missing = f.engine->GetArticle(request, &article);
  REQUIRE(missing);
  CHECK(missing->http_status == 404);
}

TEST_CASE("facet values autocomplete on any word of the label, most frequent first") {
  Fixture f;
  FacetValuesRequest request;
  REQUIRE_FALSE(ParseFacetValuesRequest(Facet::kPeople, {{"prefix", "erdo"}}, &request));
  FacetValuesResponse response;
  REQUIRE_FALSE(f.engine->FacetValues(request, &response));
  REQUIRE(response.result.values.size() == 1);
  CHECK(response.result.values[0].label == "Recep Tayyip Erdoğan");

  REQUIRE_FALSE(ParseFacetValuesRequest(Facet::kPeople, {{"prefix", "karl"}}, &request));
  REQUIRE_FALSE(f.engine->FacetValues(request, &response));
  REQUIRE(response.result.values.size() == 2);
  CHECK(response.result.values[0].id == "andrei-karlov");
  CHECK(response.result.values[0].count == 2);
  CHECK(response.result.values[1].id == PersonKey("Maria Karlov"));

  REQUIRE_FALSE(ParseFacetValuesRequest(Facet::kCountries, {{"q", "ceasefire"}}, &request));
  REQUIRE_FALSE(f.engine->FacetValues(request, &response));
  CHECK(response.result.values.size() == 3);
  CHECK(response.result.exact);
}

TEST_CASE("stats give the article count, date range, size and last update") {
  Fixture f;
  IndexStats stats;
  REQUIRE_FALSE(f.engine->Stats(&stats));
  CHECK(stats.articles == 31);
  CHECK(stats.first_date == "2016-12-19");
  CHECK(stats.last_date == "2017-03-02");
  CHECK(stats.index_bytes > 10000);
  CHECK(stats.last_update.size() == 20);
  CHECK(stats.shards == 2);
}

TEST_CASE("an index written after the engine opened is searched from the next request") {
  Fixture f;
  CHECK(Search(*f.engine, {{"q", "volcano"}}).total.value == 0);
  std::vector<TestArticle> more = {MakeArticle("volcano", "2018-01-01", "Volcano erupts", "A volcano erupted.")};
  BuildFacetTestIndex(f.dir / "index", 2, more);
  CHECK(Search(*f.engine, {{"q", "volcano"}}).total.value == 1);
}

TEST_CASE("a browse is answered again from the cache until a commit, then afresh") {
  Fixture f;
  const SearchResponse first = Search(*f.engine, {{"country", "TR"}, {"histogram", "month"}});
  const SearchResponse again = Search(*f.engine, {{"country", "TR"}, {"histogram", "month"}});
  CHECK(again.total.value == first.total.value);
  REQUIRE(again.hits.size() == first.hits.size());
  for (size_t i = 0; i < first.hits.size(); ++i) CHECK(again.hits[i].id == first.hits[i].id);
  CHECK(CountsOf(again, Facet::kPeople) == CountsOf(first, Facet::kPeople));
  std::vector<TestArticle> more = {MakeArticle("ankara-quake", "2030-01-01", "Earthquake near Ankara",
                                               "An earthquake shook Ankara.", {}, {Country("TR", "Turkey")})};
  BuildFacetTestIndex(f.dir / "index", 2, more);
  const SearchResponse after = Search(*f.engine, {{"country", "TR"}, {"histogram", "month"}});
  CHECK(after.total.value == first.total.value + 1);
  REQUIRE_FALSE(after.hits.empty());
  CHECK(after.hits[0].id == "ankara-quake");  // newest first
}

TEST_CASE("a directory that is not an index is refused with what to do") {
  TempDir dir;
  std::unique_ptr<SearchEngine> engine;
  Status status = SearchEngine::Open(EngineOptions{dir.path(), {}}, &engine);
  CHECK_FALSE(status.ok());
  CHECK(status.message().find("newsfacet index") != std::string::npos);
}

TEST_CASE("collapsed pages count stories, even when one story's copies fill the ranked head") {
  // Twelve copies of one story (the same title and lead: one near-duplicate
  // key) rank above three other stories, more copies than a page's margin.
  const std::string lead =
      "Turkey's trade deficit narrowed in November to 4.1 billion dollars from 5.6 billion a year earlier, the "
      "statistics institute said on Friday, and exports rose nine percent while imports fell sharply.";
  std::vector<TestArticle> articles;
  for (int copy = 0; copy < 12; ++copy) {
    articles.push_back(MakeArticle("copy-" + std::to_string(copy), "2016-12-30", "Turkish trade deficit narrows",
                                   lead, {}, {}));
  }
  for (const char* other : {"greek", "polish", "czech"}) {
    articles.push_back(MakeArticle(other, "2016-12-29", std::string("Budget figures for the ") + other + " state",
                                   std::string("The ") + other + " budget deficit was revised, ministers said.",
                                   {}, {}));
  }
  TempDir dir;
  BuildFacetTestIndex(dir / "index", 2, articles);
  std::unique_ptr<SearchEngine> engine;
  REQUIRE(SearchEngine::Open(EngineOptions{dir / "index", {}}, &engine).ok());

  std::vector<std::string> shown;
  for (const char* offset : {"0", "2", "4"}) {
    SearchResponse page = Search(*engine, {{"q", "deficit"}, {"limit", "2"}, {"offset", offset}});
    CHECK(page.total.value == 4);
    CHECK(page.total.exact);
    for (const Hit& hit : page.hits) {
      shown.push_back(hit.id);
      CHECK(hit.near_duplicates == (hit.id.rfind("copy-", 0) == 0 ? 11u : 0u));
    }
  }
  REQUIRE(shown.size() == 4);
  CHECK(shown[0].rfind("copy-", 0) == 0);
  CHECK(std::set<std::string>(shown.begin() + 1, shown.end()) == std::set<std::string>{"greek", "polish", "czech"});

  SearchResponse all = Search(*engine, {{"q", "deficit"}, {"collapse", "false"}, {"limit", "20"}});
  CHECK(all.total.value == 15);
  CHECK(all.hits.size() == 15);
}

TEST_CASE("sorting by date orders a day's articles by their time, an article without one as midnight") {
  std::vector<TestArticle> articles;
  for (const char* date : {"2016-12-30T00:15:00Z", "2016-12-30T00:48:00Z", "2016-12-30", "2016-12-30T00:08:00Z",
                           "2016-12-31T00:01:00Z", "2016-12-29T23:59:00Z"}) {
    articles.push_back(MakeArticle(date, date, "Ankara bulletin", "News from Ankara.", {}, {}));
  }
  TempDir dir;
  BuildFacetTestIndex(dir / "index", 2, articles);
  std::unique_ptr<SearchEngine> engine;
  REQUIRE(SearchEngine::Open(EngineOptions{dir / "index", {}}, &engine).ok());
  auto order = [&](const char* sort) {
    std::vector<std::string> dates;
    for (const Hit& hit : Search(*engine, {{"q", "ankara"}, {"sort", sort}, {"collapse", "false"}}).hits) {
      dates.push_back(hit.id);
    }
    return dates;
  };
  CHECK(order("-date") == std::vector<std::string>{"2016-12-31T00:01:00Z", "2016-12-30T00:48:00Z",
                                                   "2016-12-30T00:15:00Z", "2016-12-30T00:08:00Z", "2016-12-30",
                                                   "2016-12-29T23:59:00Z"});
  CHECK(order("date") == std::vector<std::string>{"2016-12-29T23:59:00Z", "2016-12-30", "2016-12-30T00:08:00Z",
                                                  "2016-12-30T00:15:00Z", "2016-12-30T00:48:00Z",
                                                  "2016-12-31T00:01:00Z"});
}

TEST_CASE("past the count limit, totals, stories and facets are estimated from a sample and flagged, close to exact") {
  // 800 articles, each its own story, the older half about Turkey and the
  // newer half about Russia; a count limit of 100 makes each shard sample.
  constexpr int kArticles = 800;
  std::vector<TestArticle> articles;
  for (int i = 0; i < kArticles; ++i) {
    const std::string n = std::to_string(i);
    articles.push_back(MakeArticle("market-" + n, "2016-12-01", "Market report number " + n,
                                   "The market moved on report " + n + " as traders weighed figure " + n + ".", {},
                                   {i < kArticles / 2 ? Country("TR", "Turkey") : Country("RU", "Russia")}));
  }
  TempDir dir;
  BuildFacetTestIndex(dir / "index", 2, articles);
  EngineOptions options{dir / "index", {}};
  options.count_limit = 100;
  std::unique_ptr<SearchEngine> engine;
  REQUIRE(SearchEngine::Open(options, &engine).ok());
  auto near = [](double estimate, double truth) { return std::abs(estimate - truth) <= 0.2 * truth; };
  for (const char* collapse : {"true", "false"}) {
    CAPTURE(collapse);
    SearchResponse response = Search(*engine, {{"q", "market"}, {"collapse", collapse}, {"histogram", "day"}});
    CHECK_FALSE(response.total.exact);
    CHECK(near(response.total.value, kArticles));
    CHECK(response.total.lower <= response.total.value);
    CHECK(response.total.value <= response.total.upper);
    CHECK_FALSE(response.histogram.exact);
    const FacetResult& countries = At(response.facets, Facet::kCountries);
    CHECK_FALSE(countries.exact);
    std::map<std::string, Xapian::doccount> counts;
    for (const FacetValue& value : countries.values) counts[value.id] = value.count;
    CHECK(near(counts["TR"], kArticles / 2));
    CHECK(near(counts["RU"], kArticles / 2));
  }
}
