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
#include <algorithm>
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

struct Options {
  std::string dir;
  std::string split = "all";
  int repeat = 1;
  bool misses = false;
  std::string show;
};

bool ParseOptions(int argc, char** argv, Options* options) {
  if (argc < 2) return false;
  options->dir = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--split" && i + 1 < argc) options->split = argv[++i];
    else if (arg == "--repeat" && i + 1 < argc) options->repeat = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--misses") options->misses = true;
    else if (arg == "--show" && i + 1 < argc) options->show = argv[++i];
    else return false;
  }
  return true;
}

// The pages of the split, with their snippets; false (said on stderr) when
// the set or a page cannot be read.
bool LoadPages(const Options& options, std::vector<Page>* pages) {
  std::ifstream annotations(options.dir + "/evaldata.json");
  if (!annotations) {
    std::cerr << "html_eval: no " << options.dir << "/evaldata.json\n";
    return false;
  }
  const nlohmann::json evaldata = nlohmann::json::parse(annotations);
  for (const auto& [url, item] : evaldata.items()) {
    if (options.split != "all" && InHoldout(url) != (options.split == "holdout")) continue;
    Page page{url, {}, item["with"].get<std::vector<std::string>>(),
              item["without"].get<std::vector<std::string>>()};
    const std::string file = item["file"].get<std::string>();
    for (const char* subdir : {"/cache/", "/eval/"}) {
      if (page.bytes.empty()) page.bytes = ReadFile(options.dir + subdir + file);
    }
    if (page.bytes.empty()) {
      std::cerr << "html_eval: page not found: " << file << "\n";
      return false;
    }
    pages->push_back(std::move(page));
  }
  return true;
}

// The snippets of `page` found and missed in `text`; with `misses`, the
// lost and leaked ones are listed on stderr.
Counts ScorePage(const Page& page, const std::string& text, bool misses) {
  const std::string normalised = Normalise(text);
  Counts counts;
  std::vector<std::string> lost, leaked;
  for (const std::string& snippet : page.with) {
    const bool found = normalised.find(Normalise(snippet)) != std::string::npos;
    (found ? counts.tp : counts.fn)++;
    if (!found) lost.push_back(snippet);
  }
  for (const std::string& snippet : page.without) {
    const bool found = normalised.find(Normalise(snippet)) != std::string::npos;
    (found ? counts.fp : counts.tn)++;
    if (found) leaked.push_back(snippet);
  }
  if (misses && (!lost.empty() || !leaked.empty())) {
    std::cerr << page.url << "\n  lost: " << nlohmann::json(lost).dump()
              << "\n  leaked: " << nlohmann::json(leaked).dump() << "\n";
  }
  return counts;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, &options)) return Usage();
  std::vector<Page> pages;
  if (!LoadPages(options, &pages)) return 2;

  Counts total;
  double seconds = 0;
  uint64_t bytes = 0;
  for (const Page& page : pages) {
    std::string text;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < options.repeat; ++r) text = ExtractedText(page.bytes);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes += page.bytes.size() * options.repeat;
    if (!options.show.empty() && page.url.find(options.show) != std::string::npos) {
      std::cerr << "==== " << page.url << "\n" << text << "\n";
    }
    const Counts counts = ScorePage(page, text, options.misses);
    total.tp += counts.tp;
    total.fp += counts.fp;
    total.fn += counts.fn;
    total.tn += counts.tn;
  }
  const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  const nlohmann::json report = {
      {"split", options.split},
      {"pages", pages.size()},
      {"tp", total.tp}, {"fp", total.fp}, {"fn", total.fn}, {"tn", total.tn},
      {"precision", ratio(total.tp, total.tp + total.fp)},
      {"recall", ratio(total.tp, total.tp + total.fn)},
      {"f1", ratio(2.0 * total.tp, 2.0 * total.tp + total.fp + total.fn)},
      {"pages_per_second", ratio(static_cast<double>(pages.size()) * options.repeat, seconds)},
      {"mb_per_second", ratio(bytes / 1e6, seconds)},
  };
  std::cout << report.dump() << "\n";
  return 0;
}
