#include "searcher/search_request.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "analysis/text_decoding.h"
#include "analysis/utf8.h"

namespace newsfacet {
namespace {

using ParamsByName = std::map<std::string, std::vector<std::string>>;

// Echoes a bad value back in a message without echoing 10 kB of it.
std::string Quoted(const std::string& value) {
  constexpr size_t kMaxEcho = 40;
  if (value.size() <= kMaxEcho) return "'" + value + "'";
  size_t cut = kMaxEcho;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return "'" + value.substr(0, cut) + "...'";
}

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// Groups `params` by name, refusing names the endpoint does not take, a
// single-valued name given twice, and text that is not UTF-8.
MaybeError Collect(const RequestParams& params, const std::vector<std::string>& accepted,
                   const std::set<std::string>& repeatable, ParamsByName* by_name) {
  for (const auto& [name, value] : params) {
    if (std::find(accepted.begin(), accepted.end(), name) == accepted.end()) {
      std::string list;
      for (const std::string& known : accepted) list += (list.empty() ? "" : ", ") + known;
      return ApiError::BadParameter("unknown parameter " + Quoted(name) + "; this takes: " + list);
    }
    if (!IsValidUtf8(value)) return ApiError::BadParameter(name + " is not valid UTF-8 text");
    if (value.find('\0') != std::string::npos) return ApiError::BadParameter(name + " contains a NUL character");
    std::vector<std::string>& values = (*by_name)[name];
    if (!values.empty() && !repeatable.count(name)) {
      return ApiError::BadParameter(name + " is given more than once; give it once");
    }
    values.push_back(value);
  }
  return std::nullopt;
}

const std::string* Single(const ParamsByName& by_name, const std::string& name) {
  auto it = by_name.find(name);
  return it == by_name.end() ? nullptr : &it->second.front();
}

MaybeError ParseBoundedInt(const ParamsByName& by_name, const std::string& name, int min, int max, int* value) {
  const std::string* text = Single(by_name, name);
  if (!text) return std::nullopt;
  auto refuse = [&] {
    return ApiError::BadParameter(name + " must be a whole number from " + std::to_string(min) + " to " +
                                  std::to_string(max) + " (got " + Quoted(*text) + ")");
  };
  if (text->empty() || text->size() > 9) return refuse();
  if (!std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; })) return refuse();
  int number = std::stoi(*text);
  if (number < min || number > max) return refuse();
  *value = number;
  return std::nullopt;
}

MaybeError ParseBoolean(const ParamsByName& by_name, const std::string& name, bool* value) {
  const std::string* text = Single(by_name, name);
  if (!text) return std::nullopt;
  if (*text != "true" && *text != "false") {
    return ApiError::BadParameter(name + " must be true or false, not " + Quoted(*text));
  }
  *value = *text == "true";
  return std::nullopt;
}

MaybeError ParseHistogram(const ParamsByName& by_name, HistogramInterval* interval) {
  const std::string* text = Single(by_name, "histogram");
  if (!text) return std::nullopt;
  static const std::pair<const char*, HistogramInterval> kNames[] = {
      {"auto", HistogramInterval::kAuto}, {"day", HistogramInterval::kDay},   {"week", HistogramInterval::kWeek},
      {"month", HistogramInterval::kMonth}, {"year", HistogramInterval::kYear}, {"none", HistogramInterval::kNone}};
  for (const auto& [name, value] : kNames) {
    if (*text == name) {
      *interval = value;
      return std::nullopt;
    }
  }
  return ApiError::BadParameter("histogram must be auto, day, week, month, year or none, not " + Quoted(*text));
}

MaybeError ParseNearDuplicateKey(const ParamsByName& by_name, std::string* key) {
  const std::string* text = Single(by_name, "near_duplicates_of");
  if (!text) return std::nullopt;
  const bool hex = text->size() == 12 && std::all_of(text->begin(), text->end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  if (!hex) return ApiError::BadParameter("near_duplicates_of must be a hit's near_duplicate_key (12 hex digits)");
  *key = *text;
  return std::nullopt;
}

MaybeError ParseScope(const ParamsByName& by_name, SearchScope* scope) {
  if (const std::string* q = Single(by_name, "q")) {
    size_t chars = CountChars(*q);
    if (chars > kMaxQueryChars) {
      return ApiError::QueryTooLong("q has " + std::to_string(chars) + " characters; a query may have at most " +
                                    std::to_string(kMaxQueryChars));
    }
    scope->query = IsBlank(*q) ? "" : *q;
  }
  for (Facet facet : kAllFacets) {
    std::string name(FacetFilterParameter(facet));
    auto it = by_name.find(name);
    if (it == by_name.end()) continue;
    if (it->second.size() > kMaxFilterValues) {
      return ApiError::BadParameter(name + " is given " + std::to_string(it->second.size()) + " times; at most " +
                                    std::to_string(kMaxFilterValues) + " values per facet");
    }
    std::vector<std::string>& values = At(scope->filters, facet);
    for (const std::string& value : it->second) {
      if (IsBlank(value)) return ApiError::BadParameter(name + " is empty; give a value, or leave " + name + " out");
      if (CountChars(value) > 200) return ApiError::BadParameter(name + " value " + Quoted(value) + " is too long");
      if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
    }
  }
  for (const auto& [name, end_of_period] : {std::pair<std::string, bool>{"from", false}, {"to", true}}) {
    const std::string* text = Single(by_name, name);
    if (!text) continue;
    std::string& day = end_of_period ? scope->to_day : scope->from_day;
    if (!ParseIsoDay(*text, end_of_period, &day)) {
      return ApiError::BadParameter(name + " must be a date as YYYY-MM-DD, YYYY-MM or YYYY (got " + Quoted(*text) + ")");
    }
  }
  if (!scope->from_day.empty() && !scope->to_day.empty() && scope->from_day > scope->to_day) {
    return ApiError::BadParameter("from is after to; swap them");
  }
  for (Facet facet : kAllFacets) {
    const std::string name = std::string(FacetFilterParameter(facet)) + "_op";
    const std::string* op = Single(by_name, name);
    if (!op) continue;
    if (*op != "and" && *op != "or") {
      return ApiError::BadParameter(name + " must be and (every value) or or (any value), not " + Quoted(*op));
    }
    At(scope->all_of, facet) = *op == "and";
  }
  if (auto error = ParseBoolean(by_name, "partial", &scope->partial)) return error;
  return std::nullopt;
}

const std::vector<std::string> kScopeParams = {"q",  "person", "org", "country", "event", "from", "to",
                                               "person_op", "org_op", "country_op", "event_op", "partial"};
const std::set<std::string> kRepeatable = {"person", "org", "country", "event", "facets"};

std::vector<std::string> With(std::vector<std::string> names, const std::vector<std::string>& more) {
  names.insert(names.end(), more.begin(), more.end());
  return names;
}

}  // namespace

bool SearchScope::HasQuery() const { return !query.empty(); }

bool SearchScope::HasFilters() const {
  for (const auto& values : filters) {
    if (!values.empty()) return true;
  }
  return !from_day.empty() || !to_day.empty();
}

bool ParseIsoDay(const std::string& text, bool end_of_period, std::string* day) {
  auto digits = [&](size_t from, size_t count) {
    if (from + count > text.size()) return -1;
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  int year = digits(0, 4), month = 0, day_of_month = 0;
  if (year < 0) return false;
  if (text.size() == 4) {
    month = end_of_period ? 12 : 1;
  } else if ((text.size() == 7 || text.size() == 10) && text[4] == '-') {
    month = digits(5, 2);
    if (month < 1 || month > 12) return false;
  } else {
    return false;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days_in_month = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (text.size() == 10) {
    if (text[7] != '-') return false;
    day_of_month = digits(8, 2);
    if (day_of_month < 1 || day_of_month > days_in_month) return false;
  } else {
    day_of_month = end_of_period ? days_in_month : 1;
  }
  char formatted[16];
  std::snprintf(formatted, sizeof formatted, "%04d%02d%02d", year, month, day_of_month);
  *day = formatted;
  return true;
}

MaybeError ParseSearchRequest(const RequestParams& params, SearchRequest* request) {
  *request = SearchRequest();
  ParamsByName by_name;
  if (auto error = Collect(params,
                           With(kScopeParams, {"sort", "offset", "limit", "facets", "facet_limit", "histogram",
                                               "collapse", "near_duplicates_of"}),
                           kRepeatable, &by_name)) {
    return error;
  }
  if (auto error = ParseScope(by_name, &request->scope)) return error;
  if (auto error = ParseHistogram(by_name, &request->histogram)) return error;
  if (auto error = ParseBoolean(by_name, "collapse", &request->collapse)) return error;
  if (auto error = ParseNearDuplicateKey(by_name, &request->scope.near_duplicate_key)) return error;
  request->sort = request->scope.HasQuery() ? SortOrder::kRelevance : SortOrder::kDateDescending;
  if (const std::string* sort = Single(by_name, "sort")) {
    if (*sort == "relevance") {
      request->sort = SortOrder::kRelevance;
    } else if (*sort == "date") {
      request->sort = SortOrder::kDateAscending;
    } else if (*sort == "-date") {
      request->sort = SortOrder::kDateDescending;
    } else {
      return ApiError::BadParameter("sort must be relevance, date (oldest first) or -date (newest first), not " +
                                    Quoted(*sort));
    }
  }
  if (auto error = ParseBoundedInt(by_name, "offset", 0, kMaxOffset, &request->offset)) return error;
  if (auto error = ParseBoundedInt(by_name, "limit", 0, kMaxLimit, &request->limit)) return error;
  if (auto error = ParseBoundedInt(by_name, "facet_limit", 1, kMaxFacetLimit, &request->facet_limit)) return error;
  if (auto it = by_name.find("facets"); it != by_name.end()) {
    request->facets = {false, false, false, false};
    for (const std::string& list : it->second) {
      size_t start = 0;
      while (start <= list.size()) {
        size_t comma = std::min(list.find(',', start), list.size());
        std::string name = list.substr(start, comma - start);
        start = comma + 1;
        if (name.empty()) continue;
        std::optional<Facet> facet = ParseFacet(name);
        if (!facet) return ApiError::BadParameter("unknown facet " + Quoted(name) + ": use people, organisations, countries or events");
        At(request->facets, *facet) = true;
      }
    }
  }
  return std::nullopt;
}

MaybeError ParseFacetValuesRequest(Facet facet, const RequestParams& params, FacetValuesRequest* request) {
  *request = FacetValuesRequest();
  ParamsByName by_name;
  if (auto error = Collect(params, With(kScopeParams, {"prefix", "limit"}), kRepeatable, &by_name)) return error;
  if (auto error = ParseScope(by_name, &request->scope)) return error;
  request->facet = facet;
  if (const std::string* prefix = Single(by_name, "prefix")) {
    if (CountChars(*prefix) > 100) return ApiError::BadParameter("prefix is too long; at most 100 characters");
    request->prefix = IsBlank(*prefix) ? "" : *prefix;
  }
  return ParseBoundedInt(by_name, "limit", 1, kMaxFacetLimit, &request->limit);
}

MaybeError ParseSuggestRequest(const RequestParams& params, FacetValuesRequest* request) {
  return ParseFacetValuesRequest(Facet::kPeople, params, request);
}

MaybeError ParseArticleRequest(std::string id, const RequestParams& params, ArticleRequest* request) {
  *request = ArticleRequest();
  if (id.empty()) return ApiError::NotFound("no article id given: use /api/article/{id}");
  if (!IsValidUtf8(id)) return ApiError::NotFound("article id is not valid UTF-8");
  request->id = std::move(id);
  ParamsByName by_name;
  if (auto error = Collect(params, kScopeParams, kRepeatable, &by_name)) return error;
  return ParseScope(by_name, &request->scope);
}

}  // namespace newsfacet
