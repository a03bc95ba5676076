#include "searcher/query_entities.h"

#include <doctest/doctest.h>

#include <set>

#include "analysis/data_files.h"
#include "tests/facet_test_engine.h"
#include "tests/facet_test_index.h"
#include "searcher/search_engine.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

using Fixture = FacetTestEngine;

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

SearchResponse Search(const RequestParams& params) {
  SearchRequest request;
  REQUIRE_FALSE(ParseSearchRequest(params, &request));
  SearchResponse response;
  MaybeError error = Shared().engine->Search(request, &response);
  INFO((error ? error->message : ""));
  REQUIRE_FALSE(error);
  return response;
}

std::vector<std::string> HitIds(const SearchResponse& response) {
  std::vector<std::string> ids;
  for (const Hit& hit : response.hits) ids.push_back(hit.id);
  return ids;
}

std::set<std::string> IdSet(const SearchResponse& response) {
  std::vector<std::string> ids = HitIds(response);
  return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("a person's name in any spelling finds every article carrying the person, and offers the filter") {
  for (const char* spelling : {"andrei karlov", "Andrey Karlov", "andrey karlov"}) {
    SearchResponse response = Search({{"q", spelling}});
    CHECK_MESSAGE((IdSet(response) == std::set<std::string>{"ankara-shooting", "karlov-tribute"}), spelling);
    REQUIRE(response.query_entities.size() == 1);
    CHECK(response.query_entities[0].facet == Facet::kPeople);
    CHECK(response.query_entities[0].id == PersonKey("Andrey Karlov"));
    CHECK(response.query_entities[0].label == "Andrey Karlov");
    CHECK(response.query_entities[0].articles == 2);
  }
}

TEST_CASE("other words of the query still narrow the entity's articles") {
  CHECK(IdSet(Search({{"q", "andrey karlov putin"}})) == std::set<std::string>{"karlov-tribute"});
  CHECK(IdSet(Search({{"q", "andrey karlov gallery"}})) == std::set<std::string>{"ankara-shooting"});
}

TEST_CASE("an article spelling the name as typed ranks first, one carrying it under another spelling follows") {
  CHECK(HitIds(Search({{"q", "andrei karlov"}})).front() == "karlov-tribute");
  CHECK(HitIds(Search({{"q", "andrey karlov"}})).front() == "ankara-shooting");
}

TEST_CASE("a lone surname names the person only when the index resolves it and the word mostly means them") {
  SearchResponse resolved = Search({{"q", "altintas"}});
  REQUIRE(resolved.query_entities.size() == 1);
  CHECK(resolved.query_entities[0].id == PersonKey("Mevlut Mert Altintas"));
  CHECK(resolved.query_entities[0].articles == 3);
  // Two people are called Karlov: the surname alone names neither.
  CHECK(Search({{"q", "karlov"}}).query_entities.empty());
}

TEST_CASE("a country's other names find the articles about it, and the country is offered") {
  SearchResponse response = Search({{"q", "america"}, {"limit", "100"}});
  CHECK(response.total.value == 12);  // the market reports about the United States, none saying "America"
  REQUIRE(response.query_entities.size() == 1);
  CHECK(response.query_entities[0].facet == Facet::kCountries);
  CHECK(response.query_entities[0].id == "US");
  CHECK(response.query_entities[0].label == "United States");
  // A metonym: "the Kremlin" names Russia (for the Soviet Union the gazetteer calls it ambiguous).
  SearchResponse kremlin = Search({{"q", "the kremlin"}});
  REQUIRE(kremlin.query_entities.size() == 1);
  CHECK(kremlin.query_entities[0].id == "RU");
  CHECK(kremlin.total.value == Search({{"country", "RU"}}).total.value);  // each saying "The Kremlin" is about Russia
}

TEST_CASE("an entity already filtered on is not offered again, and a syntax query is searched as written") {
  CHECK(Search({{"q", "andrey karlov"}, {"person", "andrei-karlov"}}).query_entities.empty());
  SearchResponse phrase = Search({{"q", "\"andrei karlov\""}});
  CHECK(phrase.query_entities.empty());
  CHECK(IdSet(phrase) == std::set<std::string>{"karlov-tribute"});
}

TEST_CASE("while typing, a whole name is taken for the entity and the start of one is not") {
  SearchResponse whole = Search({{"q", "andrei karlov"}, {"partial", "true"}});
  CHECK(IdSet(whole) == std::set<std::string>{"ankara-shooting", "karlov-tribute"});
  CHECK(whole.query_entities.size() == 1);
  CHECK(Search({{"q", "andrei karl"}, {"partial", "true"}}).query_entities.empty());
  CHECK(IdSet(Search({{"q", "putin andrey karlov"}, {"partial", "true"}})) == std::set<std::string>{"karlov-tribute"});
}

TEST_CASE("autocomplete finds a country by its abbreviation, demonym or other name") {
  for (const auto& [typed, code] : std::vector<std::pair<std::string, std::string>>{
           {"america", "US"}, {"usa", "US"}, {"russ", "RU"}, {"turk", "TR"}}) {
    const std::string prefix = typed;  // a structured binding cannot be captured by CHECK_MESSAGE's lambda
    FacetValuesRequest request;
    REQUIRE_FALSE(ParseFacetValuesRequest(Facet::kCountries, {{"prefix", prefix}}, &request));
    FacetValuesResponse response;
    REQUIRE_FALSE(Shared().engine->FacetValues(request, &response));
    bool found = false;
    for (const FacetValue& value : response.result.values) found = found || value.id == code;
    CHECK_MESSAGE(found, prefix);
  }
}
