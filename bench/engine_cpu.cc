// The search engine's CPU time per search, for two or more parameter sets
// side by side: the in-process counterpart of bench/query_cpu.py, without
// HTTP, JSON or a server's threads, so a change to counting or ranking
// shows with less noise.
//
//   engine_cpu INDEX_DIR QUERIES_FILE ROUNDS NAME=PARAMS...
//
// Each round runs every query of QUERIES_FILE (query strings, one a line,
// as bench/query.sh writes them) once per variant, the variants taking
// turns query by query; PARAMS ("collapse=false&histogram=auto", or "" for
// the defaults) are appended to each query. Prints, per variant, the
// median over rounds of the thread's CPU ms a search, its range, and the
// ratio to the first variant. Exit 2 on bad arguments, 1 if a search fails.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench/query_string.h"
#include "searcher/search_engine.h"

namespace {

double ThreadCpuMs() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

struct Variant {
  std::string name;
  std::vector<newsfacet::SearchRequest> requests;
  std::vector<double> ms_per_search;  // one a round
};

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// The variant NAME=PARAMS: each line's request with PARAMS appended; false
// (said on stderr) when the spec or a request is malformed.
bool ParseVariant(const std::string& spec, const std::vector<std::string>& lines, Variant* variant) {
  const size_t equals = spec.find('=');
  if (equals == std::string::npos) {
    std::fprintf(stderr, "engine_cpu: '%s' is not NAME=PARAMS\n", spec.c_str());
    return false;
  }
  *variant = Variant{spec.substr(0, equals), {}, {}};
  const std::string params = spec.substr(equals + 1);
  for (const std::string& line : lines) {
    newsfacet::SearchRequest request;
    if (auto error = newsfacet::ParseSearchRequest(
            newsfacet::bench::ParseQueryString(params.empty() ? line : line + "&" + params), &request)) {
      std::fprintf(stderr, "engine_cpu: '%s&%s': %s\n", line.c_str(), params.c_str(), error->message.c_str());
      return false;
    }
    variant->requests.push_back(std::move(request));
  }
  return true;
}

// One round: every query once per variant, the variants taking turns; adds
// each variant's CPU ms to `spent`. False when a search fails.
bool RunRound(newsfacet::SearchEngine& engine, const std::vector<std::string>& lines,
              const std::vector<Variant>& variants, std::vector<double>* spent) {
  for (size_t q = 0; q < lines.size(); ++q) {
    for (size_t v = 0; v < variants.size(); ++v) {
      newsfacet::SearchResponse response;
      const double start = ThreadCpuMs();
      if (auto error = engine.Search(variants[v].requests[q], &response)) {
        std::fprintf(stderr, "engine_cpu: '%s' failed: %s\n", lines[q].c_str(), error->message.c_str());
        return false;
      }
      (*spent)[v] += ThreadCpuMs() - start;
    }
  }
  return true;
}

void PrintTable(const std::vector<Variant>& variants, size_t queries, int rounds) {
  std::printf("%zu queries a round, %d rounds\n", queries, rounds);
  std::printf("| variant | CPU ms a search: median (range) | ratio to the first |\n|---|---:|---:|\n");
  const double first = Median(variants[0].ms_per_search);
  for (const Variant& variant : variants) {
    const auto [low, high] = std::minmax_element(variant.ms_per_search.begin(), variant.ms_per_search.end());
    std::printf("| %s | %.3f (%.3f-%.3f) | %.2f |\n", variant.name.c_str(), Median(variant.ms_per_search), *low,
                *high, Median(variant.ms_per_search) / first);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bool help = argc >= 2 && std::string(argv[1]) == "--help";
  if (argc < 5 || help) {
    std::fprintf(help ? stdout : stderr, "usage: engine_cpu INDEX_DIR QUERIES_FILE ROUNDS NAME=PARAMS...\n");
    return help ? 0 : 2;
  }
  const int rounds = std::atoi(argv[3]);
  if (rounds < 1) {
    std::fprintf(stderr, "engine_cpu: ROUNDS must be a positive number\n");
    return 2;
  }
  std::vector<std::string> lines;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  std::vector<Variant> variants(static_cast<size_t>(argc - 4));
  for (int i = 4; i < argc; ++i) {
    if (!ParseVariant(argv[i], lines, &variants[static_cast<size_t>(i - 4)])) return 2;
  }
  std::unique_ptr<newsfacet::SearchEngine> engine;
  newsfacet::Status status = newsfacet::SearchEngine::Open(newsfacet::EngineOptions{argv[1], {}}, &engine);
  if (!status.ok()) {
    std::fprintf(stderr, "engine_cpu: %s\n", status.message().c_str());
    return 2;
  }
  for (int round = 0; round <= rounds; ++round) {  // round 0 warms the caches and is not counted
    std::vector<double> spent(variants.size(), 0.0);
    if (!RunRound(*engine, lines, variants, &spent)) return 1;
    if (round == 0) continue;
    for (size_t v = 0; v < variants.size(); ++v) variants[v].ms_per_search.push_back(spent[v] / lines.size());
  }
  PrintTable(variants, lines.size(), rounds);
  return 0;
}
