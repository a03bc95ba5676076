// Scores the HTML reader's body text on trafilatura's evaluation set
// (tests/evaldata.json: for each page, snippets that must and must not be in
// the extracted text), the way trafilatura's tests/eval_common.py does:
// whitespace-normalised substring matching, counts summed over all pages,
// precision = tp/(tp+fp), recall = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn).
//
//   html_eval TESTS_DIR [--split all|dev|holdout] [--repeat N] [--misses] [--show URL_PART]
//
// TESTS_DIR holds evaldata.json, eval/ and cache/. The split is by a hash of
// the page's URL: one page in five is "holdout", so rules tuned on "dev" can
// be checked on pages they were not tuned on. Prints one JSON object; with
// --misses, one line per page that lost a snippet, on stderr. --repeat reads
// every page N times for a steadier pages/s (decoding + parsing + extraction).
// --show prints the text extracted from the pages whose URL contains URL_PART.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/readers/html_reader.h"
#include "analysis/text_decoding.h"

namespace {

struct Counts {
  long tp = 0, fp = 0, fn = 0, tn = 0;
};

struct Page {
  std::string url;
  std::string bytes;
  std::vector<std::string> with, without;
};

// As Python's re.sub(r"\s+", " ", text).strip() for the ASCII and Unicode
// spaces that occur in the set.
std::string Normalise(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = text[i];
    size_t extra = 0;
    bool is_space = c == ' ' || (c >= '\t' && c <= '\r');
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      is_space = true;
      extra = 1;
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) <= 0x8A ||
                static_cast<unsigned char>(text[i + 2]) == 0xAF)) {
      is_space = true;  // U+2000..U+200A, U+202F
      extra = 2;
    }
    if (is_space) {
      space = !out.empty();
      i += extra;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

bool InHoldout(const std::string& url) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char byte : url) hash = (hash ^ byte) * 1099511628211ull;
  return hash % 5 == 0;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream data;
  data << in.rdbuf();
  return data.str();
}

std::string ExtractedText(const std::string& bytes) {
  const newsfacet::ReadResult result =
      newsfacet::ReadHtmlArticle(newsfacet::DecodeToUtf8(bytes).text, "page.html");
  return result.articles.empty() ? std::string() : result.articles[0].body;
}

int Usage() {
  std::cerr << "usage: html_eval TESTS_DIR [--split all|dev|holdout] [--repeat N] [--misses]"
               " [--show URL_PART]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string dir = argv[1];
  std::string split = "all";
  int repeat = 1;
  bool misses = false;
  std::string show;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--split" && i + 1 < argc) split = argv[++i];
    else if (arg == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--misses") misses = true;
    else if (arg == "--show" && i + 1 < argc) show = argv[++i];
    else return Usage();
  }
  std::ifstream annotations(dir + "/evaldata.json");
  if (!annotations) {
    std::cerr << "html_eval: no " << dir << "/evaldata.json\n";
    return 2;
  }
  const nlohmann::json evaldata = nlohmann::json::parse(annotations);
  std::vector<Page> pages;
  for (const auto& [url, item] : evaldata.items()) {
    if (split != "all" && InHoldout(url) != (split == "holdout")) continue;
    Page page{url, {}, item["with"].get<std::vector<std::string>>(),
              item["without"].get<std::vector<std::string>>()};
    const std::string file = item["file"].get<std::string>();
    for (const char* subdir : {"/cache/", "/eval/"}) {
      if (page.bytes.empty()) page.bytes = ReadFile(dir + subdir + file);
    }
    if (page.bytes.empty()) {
      std::cerr << "html_eval: page not found: " << file << "\n";
      return 2;
    }
    pages.push_back(std::move(page));
  }

  Counts total;
  double seconds = 0;
  uint64_t bytes = 0;
  for (const Page& page : pages) {
    std::string text;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r) text = ExtractedText(page.bytes);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes += page.bytes.size() * repeat;
    if (!show.empty() && page.url.find(show) != std::string::npos) {
      std::cerr << "==== " << page.url << "\n" << text << "\n";
    }
    const std::string normalised = Normalise(text);
    Counts page_counts;
    std::vector<std::string> lost, leaked;
    for (const std::string& snippet : page.with) {
      const bool found = normalised.find(Normalise(snippet)) != std::string::npos;
      (found ? page_counts.tp : page_counts.fn)++;
      if (!found) lost.push_back(snippet);
    }
    for (const std::string& snippet : page.without) {
      const bool found = normalised.find(Normalise(snippet)) != std::string::npos;
      (found ? page_counts.fp : page_counts.tn)++;
      if (found) leaked.push_back(snippet);
    }
    total.tp += page_counts.tp;
    total.fp += page_counts.fp;
    total.fn += page_counts.fn;
    total.tn += page_counts.tn;
    if (misses && (!lost.empty() || !leaked.empty())) {
      std::cerr << page.url << "\n  lost: " << nlohmann::json(lost).dump()
                << "\n  leaked: " << nlohmann::json(leaked).dump() << "\n";
    }
  }
  const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  const nlohmann::json report = {
      {"split", split},
      {"pages", pages.size()},
      {"tp", total.tp}, {"fp", total.fp}, {"fn", total.fn}, {"tn", total.tn},
      {"precision", ratio(total.tp, total.tp + total.fp)},
      {"recall", ratio(total.tp, total.tp + total.fn)},
      {"f1", ratio(2.0 * total.tp, 2.0 * total.tp + total.fp + total.fn)},
      {"pages_per_second", ratio(static_cast<double>(pages.size()) * repeat, seconds)},
      {"mb_per_second", ratio(bytes / 1e6, seconds)},
  };
  std::cout << report.dump() << "\n";
  return 0;
}
