// End to end over HTTP: what the search page asks of the API since it
// searches as the reader types: one request for hits, facets and the date
// histogram; one for suggestions over every facet; entities the query names;
// near-duplicate stories collapsed; AND within a facet.
#include <doctest/doctest.h>

#include <set>

#include "tests/facet_test_index.h"
#include "tests/server_process.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;

namespace {

Json Get(const ServerProcess& server, const std::string& path, int expected_status = 200) {
  int status = 0;
  Json json = server.GetJson(path, &status);
  INFO("GET " << path << " -> " << json.dump().substr(0, 500));
  CHECK(status == expected_status);
  REQUIRE(json.is_object());
  return json;
}

std::set<std::string> HitIds(const Json& response) {
  std::set<std::string> ids;
  for (const Json& hit : response["hits"]) ids.insert(hit["id"].get<std::string>());
  return ids;
}

// The facet test index plus a story filed twice: the same lead and figures.
std::vector<TestArticle> WithARepeatedStory() {
  std::vector<TestArticle> articles = FacetTestArticles();
  const std::string lead =
      "Turkey's trade deficit narrowed in November to 4.1 billion dollars from 5.6 billion a year earlier, the "
      "statistics institute said. Exports rose 9 percent while imports fell, officials in Ankara said.";
  articles.push_back(MakeArticle("deficit-first", "2016-12-30", "Turkish trade deficit narrows in November", lead, {},
                                 {Country("TR", "Turkey")}));
  articles.push_back(MakeArticle("deficit-repeat", "2016-12-30", "Turkish trade deficit narrows in November",
                                 lead + " Economists had expected a wider gap.", {}, {Country("TR", "Turkey")}));
  return articles;
}

struct UxServer {
  UxServer() {
    BuildFacetTestIndex(dir / "index", 2, WithARepeatedStory());
    server = std::make_unique<ServerProcess>(dir / "index");
  }
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
};

}  // namespace

TEST_CASE("one search request returns hits, facets, the date histogram and the entities the query names") {
  UxServer t;
  SchemaChecker schemas;
  Json karlov = Get(*t.server, "/api/search?q=andrei+karlov&histogram=auto");
  schemas.Add("search", karlov);
  CHECK(HitIds(karlov) == std::set<std::string>{"ankara-shooting", "karlov-tribute"});
  REQUIRE(karlov["query_entities"].size() == 1);
  CHECK(karlov["query_entities"][0]["filter"] == "person");
  CHECK(karlov["query_entities"][0]["label"] == "Andrey Karlov");
  CHECK(karlov["query_entities"][0]["articles"] == 2);
  CHECK(karlov["histogram"]["interval"] == "day");
  int dated = 0;
  for (const Json& bucket : karlov["histogram"]["buckets"]) dated += bucket["count"].get<int>();
  CHECK(dated == 2);
  Json browse = Get(*t.server, "/api/search?histogram=month&limit=0");
  schemas.Add("search", browse);
  CHECK(browse["histogram"]["buckets"].size() == 4);  // December 2016 to March 2017
  CHECK(Get(*t.server, "/api/search?q=volc").count("histogram") == 0);
  schemas.Check();
}

TEST_CASE("suggestions for every facet come in one request, countries by their other names too") {
  UxServer t;
  SchemaChecker schemas;
  Json america = Get(*t.server, "/api/suggest?prefix=america&limit=4");
  schemas.Add("suggest", america);
  REQUIRE(america["facets"]["countries"].size() == 1);
  CHECK(america["facets"]["countries"][0]["id"] == "US");
  Json erdo = Get(*t.server, "/api/suggest?prefix=erdo");
  schemas.Add("suggest", erdo);
  CHECK(erdo["facets"]["people"][0]["label"] == "Recep Tayyip Erdoğan");
  CHECK(erdo["facets"]["countries"].empty());
  Get(*t.server, "/api/suggest?prefix=erdo&limit=0", 400);
  schemas.Check();
}

TEST_CASE("a story filed twice is one hit counting one near-duplicate, unless collapse=false") {
  UxServer t;
  SchemaChecker schemas;
  Json collapsed = Get(*t.server, "/api/search?q=trade+deficit");
  schemas.Add("search", collapsed);
  REQUIRE(collapsed["hits"].size() == 1);
  CHECK(collapsed["hits"][0]["near_duplicates"] == 1);
  CHECK(collapsed["total"]["value"] == 1);  // stories, counted exactly
  CHECK(collapsed["total"]["exact"] == true);
  Json partial = Get(*t.server, "/api/search?q=grain&partial=true&limit=5");
  CHECK(partial["total"]["value"] == 23);
  CHECK(partial["total"]["exact"] == true);
  const std::string key = collapsed["hits"][0]["near_duplicate_key"].get<std::string>();
  Json both = Get(*t.server, "/api/search?q=trade+deficit&collapse=false");
  schemas.Add("search", both);
  CHECK(HitIds(both) == std::set<std::string>{"deficit-first", "deficit-repeat"});
  CHECK(both["hits"][0]["near_duplicates"] == 0);
  Json listed = Get(*t.server, "/api/search?collapse=false&near_duplicates_of=" + key);
  CHECK(HitIds(listed) == std::set<std::string>{"deficit-first", "deficit-repeat"});
  // The other stories, templated market reports with other figures, stay apart.
  CHECK(Get(*t.server, "/api/search?q=market+report&limit=0")["total"]["value"] == 23);
  schemas.Check();
}

TEST_CASE("person_op=and needs every person chosen, partial=true matches the last word as a prefix, -word alone excludes") {
  UxServer t;
  CHECK(HitIds(Get(*t.server, "/api/search?person=andrei-karlov&person=vladimir-putin&person_op=and")) ==
        std::set<std::string>{"karlov-tribute"});
  Json counts = Get(*t.server, "/api/search?person=andrei-karlov&person=vladimir-putin&person_op=and&limit=0");
  for (const Json& value : counts["facets"]["people"]["values"]) {
    CHECK(value["count"] == 1);  // conjunctive: counted within both people
  }
  CHECK(Get(*t.server, "/api/search?q=altin")["total"]["value"] == 0);
  CHECK(Get(*t.server, "/api/search?q=altin&partial=true")["total"]["value"] == 3);
  const int all = Get(*t.server, "/api/search?limit=0&collapse=false")["total"]["value"];
  const int ankara = Get(*t.server, "/api/search?q=ankara&limit=0&collapse=false")["total"]["value"];
  CHECK(Get(*t.server, "/api/search?q=-ankara&limit=0&collapse=false")["total"]["value"] == all - ankara);
  Get(*t.server, "/api/search?person_op=both", 400);
  Get(*t.server, "/api/search?histogram=hour", 400);
  Get(*t.server, "/api/search?collapse=no", 400);
}
