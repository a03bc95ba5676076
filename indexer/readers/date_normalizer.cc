#include "indexer/readers/date_normalizer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <optional>

namespace newsfacet {
namespace {

struct DateTime {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // local time minus UTC
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsSeparator(char c) { return IsSpace(c) || c == ',' || c == '.'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

// "Dec", "Sept" and "December" all name December: a word of three letters
// or more that begins the full name.
bool AbbreviatesName(std::string_view word, std::string_view full_name) {
  return word.size() >= 3 && word.size() <= full_name.size() &&
         EqualsIgnoreCase(word, full_name.substr(0, word.size()));
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int MonthFromName(std::string_view word) {
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (AbbreviatesName(word, kMonths[i])) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool IsWeekdayName(std::string_view word) {
  return std::any_of(kWeekdays.begin(), kWeekdays.end(),
                     [&](std::string_view day) { return AbbreviatesName(word, day); });
}

struct NamedZone {
  std::string_view name;
  int offset_minutes;
};
// clang-format off
constexpr std::array<NamedZone, 12> kZones = {{
    {"Z", 0}, {"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"EST", -300}, {"EDT", -240},
    {"CST", -360}, {"CDT", -300}, {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}}};
// clang-format on

// The value of a run of digits, saturating at a value no date field reaches
// (a run of 20 digits must not overflow).
std::int64_t DigitsValue(std::string_view digits) {
  constexpr std::int64_t kSaturated = std::int64_t{1} << 53;
  std::int64_t value = 0;
  for (const char c : digits) {
    value = value * 10 + (c - '0');
    if (value >= kSaturated) return kSaturated;
  }
  return value;
}

// A cursor over the date text. Number() takes a whole run of digits and
// fails when its length is out of range, so "2016123" is never read as 2016.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool AtEnd() const { return pos_ == text_.size(); }
  std::string_view PeekRun(bool (*matches)(char)) const {
    std::size_t end = pos_;
    while (end < text_.size() && matches(text_[end])) ++end;
    return text_.substr(pos_, end - pos_);
  }
  std::string_view PeekWord() const { return PeekRun(IsLetter); }
  void Skip(std::size_t n) { pos_ += n; }
  void SkipSpaces() { Skip(PeekRun(IsSpace).size()); }
  // Between the words of "Mon., 19 Dec. 2016" or "December 19, 2016".
  void SkipSeparators() { Skip(PeekRun(IsSeparator).size()); }
  bool Consume(char c) {
    if (AtEnd() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  std::optional<int> Number(std::size_t min_digits, std::size_t max_digits,
                            std::size_t* digits = nullptr) {
    const std::string_view run = PeekRun(IsDigit);
    if (run.size() < min_digits || run.size() > max_digits) return std::nullopt;
    Skip(run.size());
    if (digits) *digits = run.size();
    return static_cast<int>(DigitsValue(run));
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// Howard Hinnant's days_from_civil / civil_from_days: proleptic Gregorian,
// independent of the process time zone (unlike mktime).
std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(std::int64_t z, DateTime& dt) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  dt.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  dt.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  dt.year = static_cast<int>(yoe + era * 400 + (dt.month <= 2));
}

void SetFromUnixSeconds(std::int64_t seconds, DateTime& dt) {
  // Floor division: dates before 1970 have negative Unix times.
  std::int64_t days = seconds / 86400, rest = seconds % 86400;
  if (rest < 0) days -= 1, rest += 86400;
  CivilFromDays(days, dt);
  dt.has_time = true;
  dt.hour = static_cast<int>(rest / 3600);
  dt.minute = static_cast<int>(rest / 60 % 60);
  dt.second = static_cast<int>(rest % 60);
  dt.offset_minutes = 0;
}

bool IsRealDay(const DateTime& dt) {
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (dt.year < 1000 || dt.year > 9999 || dt.month < 1 || dt.month > 12) return false;
  const bool leap = (dt.year % 4 == 0 && dt.year % 100 != 0) || dt.year % 400 == 0;
  const int last = kDaysInMonth[dt.month - 1] + (dt.month == 2 && leap);
  return dt.day >= 1 && dt.day <= last;
}

bool IsRealTime(const DateTime& dt) { return dt.hour <= 23 && dt.minute <= 59 && dt.second <= 59; }

// "17:05", "17:05:00", "17:05:00.123" (fraction dropped), "5:05 PM".
bool ParseTimeOfDay(Scanner& sc, DateTime& dt) {
  const auto hour = sc.Number(1, 2);
  if (!hour || !sc.Consume(':')) return false;
  const auto minute = sc.Number(2, 2);
  if (!minute) return false;
  std::optional<int> second = 0;
  if (sc.Consume(':') && !(second = sc.Number(2, 2))) return false;
  if (sc.Consume('.') && !sc.Number(1, 9)) return false;
  dt = {dt.year, dt.month, dt.day, true, *hour, *minute, *second, 0};
  sc.SkipSpaces();
  const std::string_view meridiem = sc.PeekWord();
  const bool am = EqualsIgnoreCase(meridiem, "am"), pm = EqualsIgnoreCase(meridiem, "pm");
  if (!am && !pm) return true;
  if (dt.hour < 1 || dt.hour > 12) return false;
  dt.hour = dt.hour % 12 + (pm ? 12 : 0);
  sc.Skip(meridiem.size());
  return true;
}

// "Z", "GMT", "EST", "+03:00", "+0300", "-05"; absent means UTC.
bool ParseZone(Scanner& sc, DateTime& dt) {
  sc.SkipSpaces();
  if (const std::string_view word = sc.PeekWord(); !word.empty()) {
    const auto zone = std::find_if(kZones.begin(), kZones.end(), [&](const NamedZone& z) {
      return EqualsIgnoreCase(word, z.name);
    });
    if (zone == kZones.end()) return false;
    dt.offset_minutes = zone->offset_minutes;
    sc.Skip(word.size());
    return true;
  }
  const int sign = sc.Consume('+') ? 1 : sc.Consume('-') ? -1 : 0;
  if (sign == 0) return true;
  std::size_t digits = 0;
  auto hours = sc.Number(2, 4, &digits);
  std::optional<int> minutes = 0;
  if (hours && digits == 4) {
    minutes = *hours % 100;
    hours = *hours / 100;
  } else if (hours && digits == 2 && sc.Consume(':')) {
    minutes = sc.Number(2, 2);
  }
  if (!hours || !minutes || digits == 3 || *hours > 14 || *minutes > 59) return false;
  dt.offset_minutes = sign * (*hours * 60 + *minutes);
  return true;
}

// What may follow the date: nothing, or a time with an optional zone.
bool ParseTail(Scanner& sc, DateTime& dt, bool time_required) {
  sc.SkipSpaces();
  if (sc.AtEnd() && !time_required) return true;
  if (!ParseTimeOfDay(sc, dt) || !ParseZone(sc, dt)) return false;
  sc.SkipSpaces();
  return sc.AtEnd();
}

// "2016-12-19", "2016/12/19", then "T17:05:00Z" or " 17:05:00".
std::optional<DateTime> ParseIso(std::string_view text) {
  Scanner sc(text);
  DateTime dt;
  const auto year = sc.Number(4, 4);
  const char separator = text[4];
  if (separator != '-' && separator != '/') return std::nullopt;
  if (!year || !sc.Consume(separator)) return std::nullopt;
  const auto month = sc.Number(1, 2);
  if (!month || !sc.Consume(separator)) return std::nullopt;
  const auto day = sc.Number(1, 2);
  if (!day) return std::nullopt;
  dt.year = *year, dt.month = *month, dt.day = *day;
  const bool has_t = sc.Consume('T') || sc.Consume('t');
  if (!ParseTail(sc, dt, has_t)) return std::nullopt;
  return dt;
}

// "20161219", or Unix time in seconds (9-10 digits) or milliseconds (13).
std::optional<DateTime> ParseDigits(std::string_view text) {
  DateTime dt;
  const std::int64_t value = DigitsValue(text);
  if (text.size() == 8) {
    dt = {static_cast<int>(value / 10000), static_cast<int>(value / 100 % 100),
          static_cast<int>(value % 100)};
  } else if (text.size() == 9 || text.size() == 10) {
    SetFromUnixSeconds(value, dt);
  } else if (text.size() == 13) {
    SetFromUnixSeconds(value / 1000, dt);
  } else {
    return std::nullopt;
  }
  return dt;
}

// RFC 822 "Mon, 19 Dec 2016 17:05:00 GMT" (two-digit years allowed) and
// "December 19, 2016 5:05 PM". A leading weekday is skipped, not checked
// against the date: feeds get it wrong, and the date is what matters.
std::optional<DateTime> ParseWithMonthName(std::string_view text) {
  Scanner sc(text);
  DateTime dt;
  if (IsWeekdayName(sc.PeekWord())) sc.Skip(sc.PeekWord().size());
  sc.SkipSeparators();
  const auto leading_day = sc.Number(1, 2);
  sc.SkipSeparators();
  const std::string_view month_word = sc.PeekWord();
  dt.month = MonthFromName(month_word);
  sc.Skip(month_word.size());
  sc.SkipSeparators();
  const auto day = leading_day ? leading_day : sc.Number(1, 2);
  sc.SkipSeparators();
  std::size_t year_digits = 0;
  const auto year = sc.Number(2, 4, &year_digits);
  if (dt.month == 0 || !day || !year || year_digits == 3) return std::nullopt;
  dt.day = *day;
  dt.year = year_digits == 4 ? *year : *year + (*year < 70 ? 2000 : 1900);
  sc.SkipSeparators();  // "December 19, 2016, 5:05 PM"
  if (!ParseTail(sc, dt, false)) return std::nullopt;
  return dt;
}

std::string Format(DateTime dt) {
  if (!IsRealDay(dt) || (dt.has_time && !IsRealTime(dt))) return "";
  char out[32];
  if (!dt.has_time) {
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", dt.year, dt.month, dt.day);
    return out;
  }
  const std::int64_t local = DaysFromCivil(dt.year, dt.month, dt.day) * 86400 + dt.hour * 3600 +
                             dt.minute * 60 + dt.second;
  SetFromUnixSeconds(local - dt.offset_minutes * 60, dt);
  if (!IsRealDay(dt)) return "";  // the offset moved it out of 1000..9999
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02dZ", dt.year, dt.month, dt.day,
                dt.hour, dt.minute, dt.second);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string NormalizeDate(std::string_view raw) {
  const std::string_view text = Trim(raw);
  if (text.empty()) return "";
  std::optional<DateTime> dt;
  if (std::all_of(text.begin(), text.end(), IsDigit)) {
    dt = ParseDigits(text);
  } else if (text.size() > 4 && std::all_of(text.begin(), text.begin() + 4, IsDigit)) {
    dt = ParseIso(text);
  } else {
    dt = ParseWithMonthName(text);
  }
  return dt ? Format(*dt) : "";
}

std::string SortableDay(std::string_view normalized_date) {
  const std::string_view d = normalized_date.substr(0, 10);
  for (std::size_t i = 0; i < 10; ++i) {
    const bool dash_expected = i == 4 || i == 7;
    if (i >= d.size() || (dash_expected ? d[i] != '-' : !IsDigit(d[i]))) return "";
  }
  return std::string(d.substr(0, 4)) + std::string(d.substr(5, 2)) + std::string(d.substr(8, 2));
}

std::string SortableTime(std::string_view normalized_date) {
  if (SortableDay(normalized_date).empty() || normalized_date.size() != 20) return "";
  const std::string_view t = normalized_date.substr(10);  // "Thh:mm:ssZ"
  if (t[0] != 'T' || t[3] != ':' || t[6] != ':' || t[9] != 'Z') return "";
  std::string time;
  for (size_t i : {1, 2, 4, 5, 7, 8}) {
    if (!IsDigit(t[i])) return "";
    time.push_back(t[i]);
  }
  return time;
}

}  // namespace newsfacet
