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

#include "analysis/data_files.h"
#include "searcher/facet_labels.h"
#include "searcher/query_builder.h"
#include "searcher/search_request.h"
#include "bench/query_string.h"
#include "schemas/store/stored_article.h"

namespace {

using Clock = std::chrono::steady_clock;

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
    if (auto error = newsfacet::ParseSearchRequest(newsfacet::bench::ParseQueryString(line), &request)) {
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
