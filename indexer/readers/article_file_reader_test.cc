#include "indexer/readers/article_file_reader.h"

#include <doctest/doctest.h>

#include "tests/temp_dir.h"

using namespace newsfacet;
using newsfacet::testing::TempDir;

namespace {

struct Read {
  FileReadReport report;
  std::vector<Article> articles;
};

Read ReadFile(const TempDir& dir, const std::string& relative, uint64_t max_bytes = 20'000'000) {
  Read read;
  read.report = ReadArticleFile(dir / relative, relative, FormatOfPath(relative), max_bytes,
                                [&](Article&& article) { read.articles.push_back(std::move(article)); });
  return read;
}

}  // namespace

TEST_CASE("file reader: the format follows the extension, in any case") {
  CHECK(FormatOfPath("a/b.TXT") == FileFormat::kText);
  CHECK(FormatOfPath("b.json") == FileFormat::kJson);
  CHECK(FormatOfPath("b.ndjson") == FileFormat::kJsonLines);
  CHECK(FormatOfPath("b.JSONL") == FileFormat::kJsonLines);
  CHECK(FormatOfPath("b.htm") == FileFormat::kHtml);
  CHECK(FormatOfPath("b.pdf") == FileFormat::kUnsupported);
  CHECK(FormatOfPath("README") == FileFormat::kUnsupported);
}

TEST_CASE("file reader: a Windows-1252 text file is decoded, with CRLF line ends") {
  TempDir dir;
  dir.Write("sport/199.txt", "Caf\xe9 owner\r\n\r\nHe said \x93no\x94.\r\n");
  Read read = ReadFile(dir, "sport/199.txt");
  REQUIRE(read.articles.size() == 1);
  CHECK(read.articles[0].title == "Café owner");
  CHECK(read.articles[0].body == "He said “no”.");
  CHECK(read.report.read_completely);
  CHECK(read.report.problems.empty());
}

TEST_CASE("file reader: a BOM does not reach the title or break JSON") {
  TempDir dir;
  dir.Write("bom.txt", "\xEF\xBB\xBFTitle\n\nBody");
  dir.Write("bom.json", "\xEF\xBB\xBF{\"title\": \"T\"}");
  dir.Write("bom.jsonl", "\xEF\xBB\xBF{\"title\": \"L1\"}\n{\"title\": \"L2\"}\n");
  CHECK(ReadFile(dir, "bom.txt").articles.at(0).title == "Title");
  CHECK(ReadFile(dir, "bom.json").articles.at(0).title == "T");
  CHECK(ReadFile(dir, "bom.jsonl").articles.size() == 2);
}

TEST_CASE("file reader: empty and binary files are reported by path") {
  TempDir dir;
  dir.Write("empty.txt", "");
  dir.Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  for (const char* name : {"empty.txt", "image.txt"}) {
    Read read = ReadFile(dir, name);
    CHECK(read.articles.empty());
    REQUIRE(read.report.problems.size() == 1);
    CHECK(read.report.problems[0].path == name);
  }
}

TEST_CASE("file reader: a broken line in JSON lines is reported and the rest read") {
  TempDir dir;
  dir.Write("feed.jsonl", "{\"title\": \"one\"}\n{\"title\": broken\n\n{\"title\": \"three\"}");
  Read read = ReadFile(dir, "feed.jsonl");
  REQUIRE(read.articles.size() == 2);
  CHECK(read.articles[0].id == "feed.jsonl:1");
  CHECK(read.articles[1].id == "feed.jsonl:4");
  REQUIRE(read.report.problems.size() == 1);
  CHECK(read.report.problems[0].line == 2);
  CHECK(read.report.read_completely);
}

TEST_CASE("file reader: the size limit skips a whole file, but only a line of JSON lines") {
  TempDir dir;
  dir.Write("big.txt", "Title\n\n" + std::string(5000, 'x'));
  Read big = ReadFile(dir, "big.txt", 1000);
  CHECK(big.articles.empty());
  CHECK_FALSE(big.report.read_completely);
  REQUIRE(big.report.problems.size() == 1);
  CHECK(big.report.problems[0].message.find("--max-bytes") != std::string::npos);

  dir.Write("feed.jsonl", "{\"title\": \"small\"}\n{\"title\": \"" + std::string(5000, 'x') + "\"}\n{\"title\": \"after\"}\n");
  Read feed = ReadFile(dir, "feed.jsonl", 1000);
  CHECK(feed.articles.size() == 2);
  REQUIRE(feed.report.problems.size() == 1);
  CHECK(feed.report.problems[0].line == 2);
}

TEST_CASE("file reader: a missing file is reported, not read") {
  TempDir dir;
  Read read = ReadFile(dir, "gone.txt");
  CHECK_FALSE(read.report.read_completely);
  REQUIRE(read.report.problems.size() == 1);
  CHECK(read.report.problems[0].message.find("cannot read") != std::string::npos);
}

TEST_CASE("file reader: the content hash changes with the content and matches HashFile") {
  TempDir dir;
  dir.Write("a.txt", "Title\n\nOne");
  uint64_t first = ReadFile(dir, "a.txt").report.content_hash;
  uint64_t hashed = 0;
  REQUIRE(HashFile(dir / "a.txt", &hashed));
  CHECK(hashed == first);
  dir.Write("a.txt", "Title\n\nTwo");
  CHECK(ReadFile(dir, "a.txt").report.content_hash != first);
}
