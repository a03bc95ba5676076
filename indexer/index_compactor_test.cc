#include "indexer/index_compactor.h"

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <string>

#include <doctest/doctest.h>
#include <xapian.h>

#include "schemas/store/index_directory.h"
#include "indexer/index_run.h"
#include "tests/temp_dir.h"
#include "tests/xapian_check.h"

using namespace newsfacet;


TEST_CASE("index compactor: every shard rewritten, no smaller in articles, no larger on disk") {
  testing::TempDir dir;
  for (int i = 0; i < 300; ++i) {
    dir.Write("articles/" + std::to_string(i) + ".txt",
              "Story " + std::to_string(i) + "\n\nThe council met on day " + std::to_string(i) + " to talk about roads.");
  }
  IndexOptions options;
  options.articles_dir = dir / "articles";
  options.index_dir = dir / "index";
  options.shards = 3;
  options.entities = false;
  options.batch_files = 50;  // several commits: blocks left part full
  IndexProgress progress;
  std::atomic<bool> stop{false};
  IndexSummary indexed;
  REQUIRE(RunIndex(options, &progress, &stop, [](const ReadProblem&) {}, &indexed).ok());

  CompactionSummary summary;
  REQUIRE(CompactIndex(dir / "index", &summary).ok());
  REQUIRE(summary.shards.size() == 3);
  for (const ShardCompaction& shard : summary.shards) CHECK(shard.bytes_after <= shard.bytes_before);
  Xapian::Database db((dir / "index").string());
  CHECK(db.get_doccount() == 300);
  CHECK(db.get_termfreq("council") == 300);
  for (int shard = 0; shard < 3; ++shard) CHECK(!std::filesystem::exists(CompactingPath(ShardPath(dir / "index", shard))));
}

TEST_CASE("index compactor: a shard of several MiB is rewritten in 32 KiB blocks, a small one in 8 KiB") {
  testing::TempDir dir;
  // Varied words, so that the shard's posting lists, not its fixed costs,
  // make its size.
  uint32_t seed = 12345;
  auto word = [&seed] {
    seed = seed * 1103515245 + 12345;
    std::string text;
    for (uint32_t n = seed >> 8; text.size() < 3 + (seed >> 28) % 6; n /= 26) text.push_back(char('a' + n % 26));
    return text;
  };
  for (int i = 0; i < 1500; ++i) {
    std::string body;
    for (int w = 0; w < 300; ++w) body += word() + (w % 12 == 11 ? ".\n" : " ");
    dir.Write("articles/" + std::to_string(i) + ".txt", "Report " + std::to_string(i) + "\n\n" + body);
  }
  dir.Write("small/one.txt", "Small\n\nA single short story.");
  IndexOptions options;
  options.shards = 1;
  options.entities = false;
  IndexProgress progress;
  std::atomic<bool> stop{false};
  IndexSummary indexed;
  for (const char* name : {"articles", "small"}) {
    options.articles_dir = dir / name;
    options.index_dir = dir / (std::string(name) + "-index");
    REQUIRE(RunIndex(options, &progress, &stop, [](const ReadProblem&) {}, &indexed).ok());
  }

  CompactionSummary big;
  REQUIRE(CompactIndex(dir / "articles-index", &big).ok());
  REQUIRE(big.shards.at(0).bytes_before >= kSmallShardBytes);
  CHECK(testing::XapianCheckReport(ShardPath(dir / "articles-index", 0)).find("blocksize=32K") != std::string::npos);
  CompactionSummary small;
  REQUIRE(CompactIndex(dir / "small-index", &small).ok());
  REQUIRE(small.shards.at(0).bytes_before < kSmallShardBytes);
  CHECK(testing::XapianCheckReport(ShardPath(dir / "small-index", 0)).find("blocksize=8K") != std::string::npos);
  CHECK(small.shards.at(0).bytes_after <= small.shards.at(0).bytes_before);
}

TEST_CASE("index compactor: a directory that is not an index is refused, untouched") {
  testing::TempDir dir;
  dir.Write("notes.txt", "mine");
  CompactionSummary summary;
  CHECK(!CompactIndex(dir.path(), &summary).ok());
  CHECK(summary.shards.empty());
  CHECK(std::filesystem::exists(dir / "notes.txt"));
}
