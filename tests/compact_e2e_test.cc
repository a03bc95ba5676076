// End to end: `newsfacet compact` on a real index, then searching and
// updating it as before.
#include <cstdio>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "indexer/index_compactor.h"
#include "schemas/store/index_directory.h"
#include "tests/process.h"
#include "tests/xapian_check.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

Json RunJson(const std::vector<std::string>& args) {
  ProcessResult run = RunNewsfacet(args);
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 0);
  Json out = Json::parse(run.out, nullptr, false);
  REQUIRE(out.is_object());
  return out;
}

Json Search(const fs::path& index, const std::string& query) {
  Json result = RunJson({"search", "--index", index.string(), query, "--json"});
  result.erase("took_ms");
  return result;
}

}  // namespace

TEST_CASE("compact shrinks the index, articles, searches and later updates are as before") {
  TempDir dir;
  fs::copy(SourceDir() / "corpus", dir / "articles", fs::copy_options::recursive);
  const fs::path index = dir / "index";
  const Json indexed = RunJson({"index", (dir / "articles").string(), "--index", index.string(), "--json"});
  const std::string export_before = RunNewsfacet({"export", "--index", index.string(), "--body"}).out;
  const Json election_before = Search(index, "election");
  const Json protest_before = Search(index, "protest");

  // What a killed compaction would leave behind: cleared by the next one.
  dir.Write((CompactingPath(ShardPath(index, 0)) / "leftover").lexically_relative(dir.path()).string(), "old");
  const Json compacted = RunJson({"compact", "--index", index.string(), "--json"});
  IndexManifest manifest;
  REQUIRE(ReadIndexManifest(index, &manifest).ok());
  CHECK(compacted["shards"].size() == static_cast<size_t>(manifest.shards));
  CHECK(compacted["bytes_after"].get<uint64_t>() < compacted["bytes_before"].get<uint64_t>());
  for (int shard = 0; shard < manifest.shards; ++shard) {
    CHECK(!fs::exists(CompactingPath(ShardPath(index, shard))));
    // The sample corpus' shards are small: they keep Xapian's 8 KiB blocks
    // rather than grow (index_compactor.h).
    const std::string report = XapianCheckReport(ShardPath(index, shard));
    CHECK(compacted["shards"][static_cast<size_t>(shard)]["bytes_before"].get<uint64_t>() < kSmallShardBytes);
    CHECK(report.find("blocksize=8K") != std::string::npos);
    CHECK(report.find("blocksize=32K") == std::string::npos);
  }

  CHECK(RunNewsfacet({"export", "--index", index.string(), "--body"}).out == export_before);
  CHECK(Search(index, "election") == election_before);
  CHECK(Search(index, "protest") == protest_before);

  // The next run finds everything unchanged, and an edit is an update.
  const Json again = RunJson({"index", (dir / "articles").string(), "--index", index.string(), "--json"});
  CHECK(again["unchanged"] == indexed["added"]);
  const fs::path edited = dir / "articles/politics/poland-local-elections.txt";
  std::string text = Slurp(edited);
  dir.Write("articles/politics/poland-local-elections.txt", "Wojcik wins again (corrected)\n" + text.substr(text.find('\n')));
  fs::last_write_time(edited, fs::last_write_time(edited) + std::chrono::seconds(2));
  const Json edit = RunJson({"index", (dir / "articles").string(), "--index", index.string(), "--json"});
  CHECK(edit["updated"] == 1);
  CHECK(Search(index, "\"wins again\"")["total"]["value"] == 1);
}

TEST_CASE("compact refuses a locked index, and what is not an index, with exit status 2") {
  TempDir dir;
  RunJson({"index", (SourceDir() / "corpus").string(), "--index", (dir / "index").string(), "--json"});
  {
    std::unique_ptr<IndexLock> held;
    REQUIRE(IndexLock::Acquire(dir / "index", &held).ok());
    ProcessResult locked = RunNewsfacet({"compact", "--index", (dir / "index").string()});
    CHECK(locked.exit_code == 2);
    CHECK(locked.err.find("is locked by pid") != std::string::npos);
  }
  ProcessResult missing = RunNewsfacet({"compact", "--index", (dir / "nope").string()});
  CHECK(missing.exit_code == 2);
  ProcessResult no_index = RunNewsfacet({"compact"});
  CHECK(no_index.exit_code == 2);
  CHECK(no_index.err.find("--index") != std::string::npos);
  ProcessResult help = RunNewsfacet({"compact", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Usage: newsfacet compact") != std::string::npos);
}
