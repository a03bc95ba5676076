#include "searcher/date_histogram.h"

#include <cstdio>

#include "schemas/index_layout.h"

namespace newsfacet {
namespace {

constexpr int kAutoBuckets = 40;

// Days since 1970-01-01 from a civil date and back (H. Hinnant's algorithms).
long DaysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<long>(day_of_era) - 719468;
}

struct Civil {
  int year, month, day;
};

Civil CivilFromDays(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(year_of_era + era * 400) + (month <= 2), month, day};
}

long DaysOf(const std::string& day) {
  return DaysFromCivil(std::stoi(day.substr(0, 4)), std::stoi(day.substr(4, 2)), std::stoi(day.substr(6, 2)));
}

std::string IsoDay(long days) {
  const Civil civil = CivilFromDays(days);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
  return text;
}

bool IsDay(const std::string& text) {
  if (text.size() != 8) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The first day of the bucket holding `days`.
long BucketStart(long days, HistogramInterval interval) {
  switch (interval) {
    case HistogramInterval::kWeek: return days - ((days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
    case HistogramInterval::kMonth: {
      const Civil civil = CivilFromDays(days);
      return DaysFromCivil(civil.year, civil.month, 1);
    }
    case HistogramInterval::kYear: return DaysFromCivil(CivilFromDays(days).year, 1, 1);
    default: return days;
  }
}

long NextBucket(long start, HistogramInterval interval) {
  switch (interval) {
    case HistogramInterval::kWeek: return start + 7;
    case HistogramInterval::kMonth: {
      const Civil civil = CivilFromDays(start);
      return civil.month == 12 ? DaysFromCivil(civil.year + 1, 1, 1) : DaysFromCivil(civil.year, civil.month + 1, 1);
    }
    case HistogramInterval::kYear: return DaysFromCivil(CivilFromDays(start).year + 1, 1, 1);
    default: return start + 1;
  }
}

size_t BucketCount(long first, long last, HistogramInterval interval) {
  switch (interval) {
    case HistogramInterval::kDay: return static_cast<size_t>(last - first + 1);
    case HistogramInterval::kWeek: return static_cast<size_t>((BucketStart(last, interval) - BucketStart(first, interval)) / 7 + 1);
    case HistogramInterval::kMonth: {
      const Civil a = CivilFromDays(first), b = CivilFromDays(last);
      return static_cast<size_t>((b.year - a.year) * 12 + b.month - a.month + 1);
    }
    default: return static_cast<size_t>(CivilFromDays(last).year - CivilFromDays(first).year + 1);
  }
}

const char* IntervalName(HistogramInterval interval) {
  switch (interval) {
    case HistogramInterval::kDay: return "day";
    case HistogramInterval::kWeek: return "week";
    case HistogramInterval::kMonth: return "month";
    default: return "year";
  }
}

HistogramInterval Wider(HistogramInterval interval) {
  switch (interval) {
    case HistogramInterval::kDay: return HistogramInterval::kWeek;
    case HistogramInterval::kWeek: return HistogramInterval::kMonth;
    default: return HistogramInterval::kYear;
  }
}

}  // namespace

void DayCounter::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  if (columns_) {
    if (const uint32_t number = columns_->Day(doc.get_docid()); number != 0) counts_[number] += per_document_;
    return;
  }
  const std::string day = doc.get_value(layout::kDateSlot);
  if (day.size() != 8) return;
  uint32_t number = 0;
  for (char c : day) {
    if (c < '0' || c > '9') return;
    number = number * 10 + static_cast<uint32_t>(c - '0');
  }
  counts_[number] += per_document_;
}

void DayCounter::Merge(const DayCounter& other) {
  seen_ += other.seen_;
  for (const auto& [number, count] : other.counts_) counts_[number] += count;
}

std::map<std::string, Xapian::doccount> DayCounter::days() const {
  std::map<std::string, Xapian::doccount> days;
  for (const auto& [number, count] : counts_) {
    char text[16];
    std::snprintf(text, sizeof text, "%08u", static_cast<unsigned>(number));
    days.emplace(text, count);
  }
  return days;
}

DateHistogram BuildDateHistogram(const std::map<std::string, Xapian::doccount>& days, HistogramInterval interval,
                                 const std::string& from_day, const std::string& to_day) {
  DateHistogram histogram;
  std::string first = IsDay(from_day) ? from_day : "", last = IsDay(to_day) ? to_day : "";
  for (const auto& [day, count] : days) {
    if (!IsDay(day)) continue;
    if (first.empty()) first = day;
    if (last.empty() || (to_day.empty() && day > last)) last = day;
  }
  if (first.empty() || last.empty() || first > last) {
    histogram.interval = IntervalName(interval == HistogramInterval::kAuto ? HistogramInterval::kMonth : interval);
    return histogram;
  }
  const long first_days = DaysOf(first), last_days = DaysOf(last);
  if (interval == HistogramInterval::kAuto) {
    interval = HistogramInterval::kDay;
    while (interval != HistogramInterval::kYear && BucketCount(first_days, last_days, interval) > kAutoBuckets) {
      interval = Wider(interval);
    }
  }
  while (interval != HistogramInterval::kYear && BucketCount(first_days, last_days, interval) > kMaxHistogramBuckets) {
    interval = Wider(interval);
  }
  histogram.interval = IntervalName(interval);
  // Years past the limit (a range of centuries) are merged into the last bucket.
  for (long start = BucketStart(first_days, interval); start <= last_days; start = NextBucket(start, interval)) {
    if (histogram.buckets.size() == kMaxHistogramBuckets) {
      histogram.buckets.back().to = IsoDay(last_days);
      break;
    }
    histogram.buckets.push_back({IsoDay(start), IsoDay(NextBucket(start, interval) - 1), 0});
  }
  size_t bucket = 0;
  for (const auto& [day, count] : days) {
    if (!IsDay(day) || day < first || day > last) continue;
    const std::string iso = IsoDay(DaysOf(day));
    while (bucket + 1 < histogram.buckets.size() && iso > histogram.buckets[bucket].to) ++bucket;
    histogram.buckets[bucket].count += count;
  }
  return histogram;
}

}  // namespace newsfacet
