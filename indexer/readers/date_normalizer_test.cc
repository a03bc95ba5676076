#include "indexer/readers/date_normalizer.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using newsfacet::NormalizeDate;
using newsfacet::SortableDay;
using newsfacet::SortableTime;

namespace {

struct Case {
  std::string_view raw;
  std::string_view expected;
};

void CheckAll(std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    CAPTURE(c.raw);
    CHECK(NormalizeDate(c.raw) == c.expected);
  }
}

}  // namespace

TEST_CASE("dates: every form the header lists is normalised") {
  CheckAll({
      {"2016-12-19", "2016-12-19"},
      {"2016-12-19T17:05:00Z", "2016-12-19T17:05:00Z"},
      {"2016-12-19T17:05:00+03:00", "2016-12-19T14:05:00Z"},
      {"2016-12-19 17:05:00", "2016-12-19T17:05:00Z"},
      {"2016-12-19T17:05:00.123Z", "2016-12-19T17:05:00Z"},
      {"20161219", "2016-12-19"},
      {"Mon, 19 Dec 2016 17:05:00 GMT", "2016-12-19T17:05:00Z"},
      {"19 Dec 2016", "2016-12-19"},
      {"December 19, 2016", "2016-12-19"},
      {"Dec 19, 2016 5:05 PM", "2016-12-19T17:05:00Z"},
      {"2016/12/19", "2016-12-19"},
      {"1482167100", "2016-12-19T17:05:00Z"},
      {"1482167100999", "2016-12-19T17:05:00Z"},
  });
}

TEST_CASE("dates: a time with an offset is converted to UTC, across midnight too") {
  CheckAll({
      {"2016-12-19T01:00:00+03:00", "2016-12-18T22:00:00Z"},
      {"2016-12-31T22:30:00-05:00", "2017-01-01T03:30:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 +0300", "2016-12-19T14:05:00Z"},
      {"2016-12-19T17:05:00+0530", "2016-12-19T11:35:00Z"},
      {"2016-12-19T17:05:00-08", "2016-12-20T01:05:00Z"},
      {"2016-03-01T00:30:00+01:00", "2016-02-29T23:30:00Z"},
  });
}

TEST_CASE("dates: RSS time zone names are understood, in any case") {
  CheckAll({
      {"Mon, 19 Dec 2016 23:30:00 EST", "2016-12-20T04:30:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 EDT", "2016-12-19T21:05:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 CST", "2016-12-19T23:05:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 CDT", "2016-12-19T22:05:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 MST", "2016-12-20T00:05:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 MDT", "2016-12-19T23:05:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 PST", "2016-12-20T01:05:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 pdt", "2016-12-20T00:05:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 UTC", "2016-12-19T17:05:00Z"},
      {"Mon, 19 Dec 2016 17:05:00 Z", "2016-12-19T17:05:00Z"},
      {"2016-12-19 17:05:00 GMT", "2016-12-19T17:05:00Z"},
  });
}

TEST_CASE("dates: a date and time without a zone is taken as UTC") {
  CheckAll({
      {"1987-02-26 15:01:01", "1987-02-26T15:01:01Z"},
      {"2016-12-19T17:05", "2016-12-19T17:05:00Z"},
      {"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
  });
}

TEST_CASE("dates: month names are English, full or abbreviated, any case") {
  CheckAll({
      {"19 DECEMBER 2016", "2016-12-19"},
      {"5 Sept 2016", "2016-09-05"},
      {"sep 5, 2016", "2016-09-05"},
      {"Jan. 2, 2017", "2017-01-02"},
      {"March 1 2016", "2016-03-01"},
      {"Thursday, 26 February 1987", "1987-02-26"},
      {"Tues, 20 Dec 2016 08:00:00 GMT", "2016-12-20T08:00:00Z"},
  });
}

TEST_CASE("dates: two-digit RSS years pivot at 70") {
  CheckAll({
      {"19 Dec 16", "2016-12-19"},
      {"Mon, 19 Dec 16 17:05:00 GMT", "2016-12-19T17:05:00Z"},
      {"26 Feb 87", "1987-02-26"},
      {"1 Jan 70", "1970-01-01"},
      {"31 Dec 69", "2069-12-31"},
  });
}

TEST_CASE("dates: AM and PM follow the twelve-hour clock") {
  CheckAll({
      {"Dec 19, 2016 12:30 AM", "2016-12-19T00:30:00Z"},
      {"Dec 19, 2016 12:05 pm", "2016-12-19T12:05:00Z"},
      {"Dec 19, 2016 11:59:59 PM", "2016-12-19T23:59:59Z"},
      {"Dec 19, 2016 13:05 PM", ""},
  });
}

TEST_CASE("dates: leap days exist only in leap years") {
  CheckAll({
      {"2016-02-29", "2016-02-29"},
      {"2000-02-29", "2000-02-29"},
      {"2017-02-29", ""},
      {"1900-02-29", ""},
      {"29 Feb 2017", ""},
  });
}

TEST_CASE("dates: text that is not a real date is rejected") {
  CheckAll({
      {"", ""},
      {"   ", ""},
      {"yesterday", ""},
      {"2016-13-01", ""},
      {"2016-00-10", ""},
      {"2016-02-30", ""},
      {"2016-12-32", ""},
      {"0999-01-01", ""},
      {"2016-12-19T25:00:00Z", ""},
      {"2016-12-19T17:60:00Z", ""},
      {"2016-12-19T", ""},
      {"2016-12-19junk", ""},
      {"2016:12:19", ""},
      {"2016-12/19", ""},
      {"19 Foo 2016", ""},
      {"December 2016", ""},
      {"2016-12-19 17:05:00 XYZ", ""},
      {"2016-12-19T17:05:00+25:00", ""},
      {"12345678901", ""},
      {"123", ""},
  });
}

TEST_CASE("dates: surrounding whitespace is ignored") {
  CheckAll({
      {"  2016-12-19\n", "2016-12-19"},
      {"\tMon, 19 Dec 2016 17:05:00 GMT\r\n", "2016-12-19T17:05:00Z"},
  });
}

TEST_CASE("dates: the sortable day is the date's digits") {
  CHECK(SortableDay("2016-12-19") == "20161219");
  CHECK(SortableDay("2016-12-18T22:00:00Z") == "20161218");
  CHECK(SortableDay(NormalizeDate("Mon, 19 Dec 2016 23:30:00 EST")) == "20161220");
  CHECK(SortableDay("") == "");
  CHECK(SortableDay("2016") == "");
  CHECK(SortableDay("not a date") == "");
}

TEST_CASE("dates: the sortable time is the UTC time's digits, and empty when only the day is known") {
  CHECK(SortableTime("2016-12-18T22:05:09Z") == "220509");
  CHECK(SortableTime(NormalizeDate("Mon, 19 Dec 2016 23:30:00 EST")) == "043000");
  CHECK(SortableTime("2016-12-19") == "");
  CHECK(SortableTime("") == "");
  CHECK(SortableTime("2016-12-19T2a:00:00Z") == "");
  CHECK(SortableTime("2016-12-19 22:00:00Z") == "");
}

TEST_CASE("dates: a run of digits too long for any date is refused, not overflowed") {
  CHECK(NormalizeDate("20299999900000146701") == "");
  CHECK(NormalizeDate(std::string(40, '9')) == "");
}
