#include "searcher/date_histogram.h"

#include <doctest/doctest.h>

#include "tests/facet_test_index.h"
#include "searcher/search_engine.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

using Days = std::map<std::string, Xapian::doccount>;

Xapian::doccount Sum(const DateHistogram& histogram) {
  Xapian::doccount sum = 0;
  for (const HistogramBucket& bucket : histogram.buckets) sum += bucket.count;
  return sum;
}

}  // namespace

TEST_CASE("auto picks days over a month, weeks over a season, months over years, years beyond") {
  const Days days = {{"19870302", 2}, {"19870305", 1}, {"19870320", 4}};
  DateHistogram month = BuildDateHistogram(days, HistogramInterval::kAuto, "", "");
  CHECK(month.interval == "day");
  CHECK(month.buckets.size() == 19);  // 2 to 20 March, the empty days included
  CHECK(month.buckets.front().from == "1987-03-02");
  CHECK(month.buckets.front().count == 2);
  CHECK(Sum(month) == 7);
  CHECK(BuildDateHistogram({{"19870226", 1}, {"19871019", 1}}, HistogramInterval::kAuto, "", "").interval == "week");
  CHECK(BuildDateHistogram({{"19850101", 1}, {"19871231", 1}}, HistogramInterval::kAuto, "", "").interval == "month");
  CHECK(BuildDateHistogram({{"19500101", 1}, {"19871231", 1}}, HistogramInterval::kAuto, "", "").interval == "year");
}

TEST_CASE("weeks run Monday to Sunday, months and years to their last day") {
  const Days days = {{"19870226", 1}, {"19870301", 1}, {"19870302", 5}, {"19870415", 2}};
  DateHistogram weeks = BuildDateHistogram(days, HistogramInterval::kWeek, "", "");
  CHECK(weeks.buckets.front().from == "1987-02-23");  // a Monday
  CHECK(weeks.buckets.front().to == "1987-03-01");
  CHECK(weeks.buckets.front().count == 2);
  CHECK(weeks.buckets[1].count == 5);
  CHECK(Sum(weeks) == 9);
  DateHistogram months = BuildDateHistogram(days, HistogramInterval::kMonth, "", "");
  REQUIRE(months.buckets.size() == 3);
  CHECK(months.buckets[0].from == "1987-02-01");
  CHECK(months.buckets[0].to == "1987-02-28");
  CHECK(months.buckets[1].count == 6);
  CHECK(BuildDateHistogram({{"19880210", 1}}, HistogramInterval::kMonth, "", "").buckets[0].to == "1988-02-29");
  CHECK(BuildDateHistogram(days, HistogramInterval::kYear, "", "").buckets.at(0).to == "1987-12-31");
}

TEST_CASE("the request's date range sets the buckets, so narrowing it gives finer ones") {
  const Days days = {{"19870310", 3}};
  DateHistogram narrowed = BuildDateHistogram(days, HistogramInterval::kAuto, "19870301", "19870331");
  CHECK(narrowed.interval == "day");
  CHECK(narrowed.buckets.size() == 31);
  CHECK(narrowed.buckets[9].count == 3);
}

TEST_CASE("a day interval over decades is widened to fit, and nothing dated gives no buckets") {
  DateHistogram wide = BuildDateHistogram({{"19000101", 1}, {"19991231", 1}}, HistogramInterval::kDay, "", "");
  CHECK(wide.buckets.size() <= kMaxHistogramBuckets);
  CHECK(Sum(wide) == 2);
  CHECK(BuildDateHistogram({}, HistogramInterval::kAuto, "", "").buckets.empty());
}

TEST_CASE("a search returns its histogram in the same request, over the matches only") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  std::unique_ptr<SearchEngine> engine;
  REQUIRE(SearchEngine::Open(EngineOptions{dir / "index", {}}, &engine).ok());
  auto search = [&](const RequestParams& params) {
    SearchRequest request;
    REQUIRE_FALSE(ParseSearchRequest(params, &request));
    SearchResponse response;
    REQUIRE_FALSE(engine->Search(request, &response));
    return response;
  };
  SearchResponse all = search({{"histogram", "auto"}});
  REQUIRE(all.has_histogram);
  CHECK(all.histogram.interval == "week");
  CHECK(all.histogram.exact);
  CHECK(Sum(all.histogram) == all.total.value - 1);  // one article is undated
  SearchResponse january = search({{"q", "market"}, {"from", "2017-01"}, {"to", "2017-01"}, {"histogram", "auto"}});
  CHECK(january.histogram.interval == "day");
  CHECK(january.histogram.buckets.size() == 31);
  CHECK(Sum(january.histogram) == 23);
  CHECK_FALSE(search({}).has_histogram);
  SearchRequest request;
  CHECK(ParseSearchRequest({{"histogram", "hourly"}}, &request));
}
