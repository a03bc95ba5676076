#include "searcher/search_request.h"

#include <doctest/doctest.h>

using namespace newsfacet;

namespace {

MaybeError Parse(const RequestParams& params, SearchRequest* request) { return ParseSearchRequest(params, request); }

ApiError Refusal(const RequestParams& params) {
  SearchRequest request;
  MaybeError error = Parse(params, &request);
  REQUIRE(error.has_value());
  return *error;
}

}  // namespace

TEST_CASE("a plain query is searched by relevance, ten at a time, with every facet") {
  SearchRequest request;
  REQUIRE_FALSE(Parse({{"q", "ambassador shot"}}, &request));
  CHECK(request.scope.query == "ambassador shot");
  CHECK(request.sort == SortOrder::kRelevance);
  CHECK(request.offset == 0);
  CHECK(request.limit == 10);
  CHECK(request.facets == PerFacet<bool>{true, true, true, true});
}

TEST_CASE("no query browses newest first, and a blank query counts as none") {
  SearchRequest request;
  REQUIRE_FALSE(Parse({{"q", "  "}, {"country", "TR"}}, &request));
  CHECK(request.scope.query.empty());
  CHECK(request.sort == SortOrder::kDateDescending);
  CHECK(request.scope.HasFilters());
}

TEST_CASE("filters repeat, and one facet's values are kept once each in order") {
  SearchRequest request;
  REQUIRE_FALSE(Parse({{"person", "Andrei Karlov"}, {"country", "TR"}, {"person", "Vladimir Putin"},
                       {"person", "Andrei Karlov"}, {"event", "assassination"}},
                      &request));
  CHECK(At(request.scope.filters, Facet::kPeople) == std::vector<std::string>{"Andrei Karlov", "Vladimir Putin"});
  CHECK(At(request.scope.filters, Facet::kCountries) == std::vector<std::string>{"TR"});
  CHECK(At(request.scope.filters, Facet::kEvents) == std::vector<std::string>{"assassination"});
}

TEST_CASE("paging, sort and facet options are read and bounded") {
  SearchRequest request;
  REQUIRE_FALSE(Parse({{"q", "x"}, {"offset", "20"}, {"limit", "100"}, {"sort", "date"}, {"facets", "people,events"},
                       {"facet_limit", "5"}},
                      &request));
  CHECK(request.offset == 20);
  CHECK(request.limit == 100);
  CHECK(request.sort == SortOrder::kDateAscending);
  CHECK(request.facets == PerFacet<bool>{true, false, true});
  CHECK(request.facet_limit == 5);

  SearchRequest none;
  REQUIRE_FALSE(Parse({{"facets", ""}, {"limit", "0"}}, &none));
  CHECK(none.facets == PerFacet<bool>{false, false, false, false});
  CHECK(none.limit == 0);
}

TEST_CASE("bad numbers are refused with the allowed range") {
  for (const char* bad : {"-5", "100000", "ten", "", "1e3", "+3", "99999999999999"}) {
    ApiError error = Refusal({{"limit", bad}});
    CHECK(error.http_status == 400);
    CHECK(error.code == "bad_parameter");
    CHECK(error.message.find("from 0 to 100") != std::string::npos);
  }
  CHECK(Refusal({{"offset", "-1"}}).code == "bad_parameter");
  CHECK(Refusal({{"offset", "10001"}}).code == "bad_parameter");
  CHECK(Refusal({{"facet_limit", "0"}}).code == "bad_parameter");
}

TEST_CASE("a query over the limit is refused as too long, counted in characters") {
  CHECK(Refusal({{"q", std::string(kMaxQueryChars + 1, 'a')}}).code == "query_too_long");
  std::string accented;
  for (size_t i = 0; i < kMaxQueryChars; ++i) accented += "\xc3\xa9";  // 1000 "é" = 2000 bytes
  SearchRequest request;
  CHECK_FALSE(Parse({{"q", accented}}, &request));
}

TEST_CASE("unknown sort, facet, parameter, and repeated single values are refused by name") {
  CHECK(Refusal({{"sort", "popularity"}}).message.find("relevance, date") != std::string::npos);
  CHECK(Refusal({{"facets", "people,companies"}}).message.find("'companies'") != std::string::npos);
  CHECK(Refusal({{"colour", "red"}}).message.find("unknown parameter 'colour'") != std::string::npos);
  CHECK(Refusal({{"q", "a"}, {"q", "b"}}).message.find("more than once") != std::string::npos);
  CHECK(Refusal({{"person", ""}}).message.find("person is empty") != std::string::npos);
  CHECK(Refusal({{"q", "caf\xe9"}}).message.find("UTF-8") != std::string::npos);
}

TEST_CASE("dates are real calendar days, periods widen to their first and last day") {
  SearchRequest request;
  REQUIRE_FALSE(Parse({{"from", "2016-02"}, {"to", "2016-02"}}, &request));
  CHECK(request.scope.from_day == "20160201");
  CHECK(request.scope.to_day == "20160229");
  REQUIRE_FALSE(Parse({{"from", "2015"}, {"to", "2016-12-19"}}, &request));
  CHECK(request.scope.from_day == "20150101");
  CHECK(request.scope.to_day == "20161219");

  for (const char* bad : {"2015-02-29", "2016-13-01", "19-12-2016", "2016/12/19", "yesterday", "2016-12-19T10:00"}) {
    CAPTURE(bad);
    CHECK(Refusal({{"from", bad}}).message.find("YYYY-MM-DD") != std::string::npos);
  }
  CHECK(Refusal({{"from", "2017-01-01"}, {"to", "2016-01-01"}}).message.find("from is after to") != std::string::npos);
}

TEST_CASE("facet values and article requests take only what they use") {
  FacetValuesRequest values;
  REQUIRE_FALSE(ParseFacetValuesRequest(Facet::kCountries, {{"prefix", "tur"}, {"q", "earthquake"}, {"limit", "5"}}, &values));
  CHECK(values.facet == Facet::kCountries);
  CHECK(values.prefix == "tur");
  CHECK(values.limit == 5);
  CHECK(values.scope.query == "earthquake");
  FacetValuesRequest sorted;
  CHECK(ParseFacetValuesRequest(Facet::kPeople, {{"sort", "date"}}, &sorted)->code == "bad_parameter");

  ArticleRequest article;
  REQUIRE_FALSE(ParseArticleRequest("world/a.txt", {{"q", "karlov"}, {"person", "andrei-karlov"}}, &article));
  CHECK(article.id == "world/a.txt");
  CHECK(ParseArticleRequest("x", {{"limit", "3"}}, &article)->code == "bad_parameter");
  CHECK(ParseArticleRequest("", {}, &article)->code == "not_found");
}
