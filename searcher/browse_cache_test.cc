#include "searcher/browse_cache.h"

#include <doctest/doctest.h>

#include <set>

using namespace newsfacet;

namespace {

SearchRequest Request(const RequestParams& params) {
  SearchRequest request;
  REQUIRE_FALSE(ParseSearchRequest(params, &request));
  return request;
}

std::shared_ptr<const SearchResponse> Answer(Xapian::doccount total) {
  auto response = std::make_shared<SearchResponse>();
  response->total.value = total;
  return response;
}

}  // namespace

TEST_CASE("a browse key tells apart requests that differ in any parameter") {
  const std::vector<RequestParams> requests = {
      {},
      {{"country", "TR"}},
      {{"country", "RU"}},
      {{"country", "TR"}, {"country", "RU"}},
      {{"person", "TR"}},
      {{"event", "election"}},
      {{"org", "opec"}},
      {{"person", "a"}, {"person", "b"}, {"person_op", "and"}},
      {{"person", "a"}, {"person", "b"}},
      {{"from", "2016-01-01"}},
      {{"to", "2016-01-01"}},
      {{"sort", "date"}},
      {{"offset", "10"}},
      {{"limit", "20"}},
      {{"facets", "people"}},
      {{"facet_limit", "5"}},
      {{"histogram", "month"}},
      {{"collapse", "false"}},
      {{"q", "oil"}},
  };
  std::set<std::string> keys;
  for (const RequestParams& params : requests) keys.insert(BrowseKey(Request(params)));
  CHECK(keys.size() == requests.size());
  CHECK(BrowseKey(Request({{"country", "TR"}})) == BrowseKey(Request({{"country", "TR"}})));
}

TEST_CASE("a kept answer is found at its revision only, and a new revision drops every kept answer") {
  BrowseCache cache;
  const BrowseCache::Revision first{{7, 9}, nullptr};
  const BrowseCache::Revision later{{7, 10}, nullptr};
  cache.Store("home", first, Answer(100));
  REQUIRE(cache.Find("home", first));
  CHECK(cache.Find("home", first)->total.value == 100);
  CHECK_FALSE(cache.Find("turkey", first));
  CHECK_FALSE(cache.Find("home", later));
  cache.Store("turkey", later, Answer(5));
  CHECK_FALSE(cache.Find("home", later));
  CHECK_FALSE(cache.Find("home", first));  // gone with its revision
  auto names = std::make_shared<const SurnameMap>();
  CHECK_FALSE(cache.Find("turkey", {{7, 10}, names}));  // another surname map
}

TEST_CASE("past its capacity the cache drops the answer used least recently") {
  BrowseCache cache(2);
  const BrowseCache::Revision revision{{1}, nullptr};
  cache.Store("a", revision, Answer(1));
  cache.Store("b", revision, Answer(2));
  CHECK(cache.Find("a", revision));  // now b is the least recently used
  cache.Store("c", revision, Answer(3));
  CHECK(cache.Find("a", revision));
  CHECK_FALSE(cache.Find("b", revision));
  CHECK(cache.Find("c", revision));
}

TEST_CASE("an answer read at an older commit, stored late, does not drop the newer answers") {
  BrowseCache cache;
  const BrowseCache::Revision older{{3, 4}, nullptr};
  const BrowseCache::Revision newer{{3, 5}, nullptr};
  cache.Store("home", newer, Answer(10));
  cache.Store("turkey", older, Answer(2));
  CHECK(cache.Find("home", newer));
  CHECK_FALSE(cache.Find("turkey", older));
  CHECK_FALSE(cache.Find("turkey", newer));
}
