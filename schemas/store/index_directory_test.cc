#include "schemas/store/index_directory.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "schemas/index_layout.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using newsfacet::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("index directory: an index of an older layout is refused, with a message to index again") {
  TempDir dir;
  IndexManifest manifest;
  REQUIRE(CreateOrOpenIndexDirectory(dir / "index", 2, &manifest).ok());
  CHECK(manifest.layout_version == layout::kLayoutVersion);
  REQUIRE(ReadIndexManifest(dir / "index", &manifest).ok());

  // As the newsfacet before organisations wrote it.
  const nlohmann::json older = {{"layout_version", layout::kLayoutVersion - 1}, {"shards", 2},
                                {"created", "2016-12-19T00:00:00Z"}};
  dir.Write("index/" + std::string(layout::kManifestFile), older.dump());
  for (const Status& status : {ReadIndexManifest(dir / "index", &manifest),
                               CreateOrOpenIndexDirectory(dir / "index", 2, &manifest)}) {
    CHECK_FALSE(status.ok());
    CHECK(status.message().find("built with index layout " + std::to_string(layout::kLayoutVersion - 1)) !=
          std::string::npos);
    CHECK(status.message().find("index the articles again into a new directory") != std::string::npos);
  }
}

namespace {

std::vector<std::string> Entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("index directory: a new index is created whole, shards and catalog included, and locked") {
  TempDir dir;
  IndexManifest manifest;
  std::unique_ptr<IndexLock> lock;
  REQUIRE(CreateOrOpenIndexDirectory(dir.path() / "index/", 3, &manifest, &lock).ok());
  CHECK(manifest.shards == 3);
  CHECK(Entries(dir.path()) == std::vector<std::string>{"index"});  // nothing left beside it
  CHECK(Entries(dir / "index") == std::vector<std::string>{"XAPIANDB", "catalog", "newsfacet.json", "newsfacet.lock",
                                                           "shard-0", "shard-1", "shard-2"});
  CHECK(Xapian::Database((dir / "index").string()).get_doccount() == 0);
  std::unique_ptr<IndexLock> second;
  CHECK_FALSE(IndexLock::Acquire(dir / "index", &second).ok());
  lock.reset();
  IndexManifest reopened;
  REQUIRE(CreateOrOpenIndexDirectory(dir / "index", 5, &reopened).ok());
  CHECK(reopened.shards == 3);  // the existing index's count wins
}

TEST_CASE("index directory: a directory holding something else is refused, naming what it found") {
  TempDir dir;
  dir.Write("notes/todo.txt", "x");
  IndexManifest manifest;
  Status status = CreateOrOpenIndexDirectory(dir / "notes", 2, &manifest);
  CHECK_FALSE(status.ok());
  CHECK(status.message().find("(found todo.txt)") != std::string::npos);
  CHECK(Entries(dir / "notes") == std::vector<std::string>{"todo.txt"});
}

TEST_CASE("index directory: a creation abandoned by a killed process is removed by the next one") {
  TempDir dir;
  dir.Write(".index.creating-abc123/XAPIANDB", "auto shard-0\n");
  fs::last_write_time(dir / ".index.creating-abc123", fs::file_time_type::clock::now() - std::chrono::minutes(1));
  IndexManifest manifest;
  REQUIRE(CreateOrOpenIndexDirectory(dir / "index", 1, &manifest).ok());
  CHECK(Entries(dir.path()) == std::vector<std::string>{"index"});
}
