// The engine without the server: the same queries bench/query.sh sends over
// HTTP, run in a loop straight through QueryBuilder and Xapian's Enquire for
// the top 10, with no facet counts, snippets, labels or JSON. The difference
// from the HTTP figures is what facets, snippets and the server cost.
//
//   bare_query INDEX_DIR QUERIES_FILE [SECONDS]
//
// QUERIES_FILE holds one URL query string a line ("q=oil+prices&country=US"),
// as bench/query.sh writes them. Prints queries/s and latency percentiles.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "data_files.h"
#include "facet_labels.h"
#include "query_builder.h"
#include "search_request.h"
#include "stored_article.h"

namespace {

using Clock = std::chrono::steady_clock;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string UrlDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

newsfacet::RequestParams ParseQueryString(const std::string& line) {
  newsfacet::RequestParams params;
  size_t start = 0;
  while (start < line.size()) {
    size_t amp = std::min(line.find('&', start), line.size());
    std::string pair = line.substr(start, amp - start);
    size_t equals = pair.find('=');
    if (equals != std::string::npos) params.emplace_back(UrlDecode(pair.substr(0, equals)), UrlDecode(pair.substr(equals + 1)));
    start = amp + 1;
  }
  return params;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bare_query INDEX_DIR QUERIES_FILE [SECONDS]\n");
    return 2;
  }
  const double seconds = argc > 3 ? std::atof(argv[3]) : 5.0;
  std::vector<newsfacet::SearchRequest> requests;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    newsfacet::SearchRequest request;
    if (auto error = newsfacet::ParseSearchRequest(ParseQueryString(line), &request)) {
      std::fprintf(stderr, "bare_query: skipping '%s': %s\n", line.c_str(), error->message.c_str());
      continue;
    }
    requests.push_back(std::move(request));
  }
  if (requests.empty()) {
    std::fprintf(stderr, "bare_query: no queries in %s\n", argv[2]);
    return 2;
  }
  std::vector<std::string> warnings;
  newsfacet::FacetLabels labels = newsfacet::FacetLabels::Load(newsfacet::DataDirectory(), &warnings);
  newsfacet::QueryBuilder builder(labels);
  Xapian::Database db(argv[1]);
  const newsfacet::SurnameLookup surnames = newsfacet::SurnameLookup::FromIndex(db);  // once, as the server caches it

  std::vector<double> latencies_ms;
  size_t errors = 0;
  const auto start = Clock::now();
  for (size_t i = 0; std::chrono::duration<double>(Clock::now() - start).count() < seconds; ++i) {
    const newsfacet::SearchRequest& request = requests[i % requests.size()];
    const auto query_start = Clock::now();
    newsfacet::BuiltQuery built;
    if (builder.Build(request.scope, db, surnames, &built)) {
      ++errors;
      continue;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(built.Combined());
    if (request.sort != newsfacet::SortOrder::kRelevance) {
      enquire.set_sort_by_value_then_relevance(0, request.sort == newsfacet::SortOrder::kDateDescending);
    }
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) (void)newsfacet::LoadArticleJson(it.get_document());
    latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - query_start).count());
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(latencies_ms.begin(), latencies_ms.end());
  auto percentile = [&](double p) { return latencies_ms[static_cast<size_t>(p * (latencies_ms.size() - 1))]; };
  std::printf("bare engine: %zu queries in %.1f s: %.0f queries/s, p50 %.2f ms, p99 %.2f ms, %zu refused\n",
              latencies_ms.size(), elapsed, latencies_ms.size() / elapsed, percentile(0.50), percentile(0.99), errors);
  return 0;
}
