// Dates as news data writes them, turned into one ISO 8601 form.
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

// Accepts the forms scrapers, feeds and pages use:
//   "2016-12-19", "2016-12-19T17:05:00Z", "2016-12-19T17:05:00+03:00",
//   "2016-12-19 17:05:00", "2016-12-19T17:05:00.123Z", "20161219",
//   "Mon, 19 Dec 2016 17:05:00 GMT" (RSS pubDate), "19 Dec 2016", "December 19, 2016",
//   "Dec 19, 2016 5:05 PM", "2016/12/19", a Unix timestamp in seconds or milliseconds.
// Returns "YYYY-MM-DD" when only the day is known, "YYYY-MM-DDThh:mm:ssZ"
// (converted to UTC) when the time is known too, and "" when the text is
// not a date or not a real calendar date (month 13, 30 February, year < 1000).
std::string NormalizeDate(std::string_view raw);

// "YYYYMMDD" from a normalised date (the sortable form the index stores),
// or "" for an empty date.
std::string SortableDay(std::string_view normalized_date);

// "hhmmss" from a normalised date with a time ("YYYY-MM-DDThh:mm:ssZ"), or
// "" when it has none.
std::string SortableTime(std::string_view normalized_date);

}  // namespace newsfacet
