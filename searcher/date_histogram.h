// The date histogram of a search: how many matching articles fall on each
// day, week, month or year, counted in the same pass as the hits (a
// Xapian::MatchSpy on layout::kDateSlot), so that a page draws its timeline
// from the one search it makes.
#pragma once

#include <cstdint>
#include <map>
#include <unordered_map>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/facet_columns.h"
#include "searcher/search_request.h"

namespace newsfacet {

// At most this many buckets: a finer interval asked for over a longer range
// is widened until the buckets fit.
inline constexpr size_t kMaxHistogramBuckets = 400;

// Counts matching articles per day. Not thread-safe; one per search.
class DayCounter : public Xapian::MatchSpy {
 public:
  // Each document seen counts `per_document` articles (the sampling rate
  // when the counter is shown a sample of the matches).
  explicit DayCounter(Xapian::doccount per_document = 1) : per_document_(per_document) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  // Reads each match's day from `columns` (facet_columns.h) rather than
  // from its slot: the counter is then shown that shard's matches alone.
  void UseColumns(const ShardColumns* columns) { columns_ = columns; }
  // Adds what `other` (on another shard) counted.
  void Merge(const DayCounter& other);
  // Day "YYYYMMDD" -> matching articles dated that day. Undated ones are left out.
  std::map<std::string, Xapian::doccount> days() const;
  Xapian::doccount seen() const { return seen_; }

 private:
  // By the day as a number (19870302): called for every match, so no strings.
  std::unordered_map<uint32_t, Xapian::doccount> counts_;
  Xapian::doccount seen_ = 0;
  Xapian::doccount per_document_;
  const ShardColumns* columns_ = nullptr;
};

struct HistogramBucket {
  std::string from;  // "YYYY-MM-DD", inclusive
  std::string to;    // "YYYY-MM-DD", inclusive
  Xapian::doccount count = 0;
};

struct DateHistogram {
  std::string interval;  // "day", "week" (Monday to Sunday), "month" or "year"
  std::vector<HistogramBucket> buckets;  // in date order, empty ones included
  bool exact = true;  // false when the search counted only its first matches
};

// Buckets over the range from `from_day` to `to_day` ("YYYYMMDD", the
// request's; either may be empty, and is then the first or last day
// counted). kAuto picks the finest interval giving at most 40 buckets.
DateHistogram BuildDateHistogram(const std::map<std::string, Xapian::doccount>& days, HistogramInterval interval,
                                 const std::string& from_day, const std::string& to_day);

}  // namespace newsfacet
