#include "indexer/index_compactor.h"

#include <atomic>

#include <doctest/doctest.h>
#include <xapian.h>

#include "schemas/store/index_directory.h"
#include "indexer/index_run.h"
#include "tests/temp_dir.h"

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

TEST_CASE("index compactor: a directory that is not an index is refused, untouched") {
  testing::TempDir dir;
  dir.Write("notes.txt", "mine");
  CompactionSummary summary;
  CHECK(!CompactIndex(dir.path(), &summary).ok());
  CHECK(summary.shards.empty());
  CHECK(std::filesystem::exists(dir / "notes.txt"));
}
