#include "indexer/catalog.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "tests/temp_dir.h"

using namespace newsfacet;
using newsfacet::testing::TempDir;

namespace {

std::unique_ptr<Catalog> OpenOrFail(const std::filesystem::path& directory) {
  std::unique_ptr<Catalog> catalog;
  Status status = Catalog::Open(directory.string(), &catalog);
  INFO(status.message());
  REQUIRE(status.ok());
  return catalog;
}

std::optional<FileRecord> FindOrFail(const Catalog& catalog, const std::string& path) {
  std::optional<FileRecord> record;
  REQUIRE(catalog.Find(path, &record).ok());
  return record;
}

}  // namespace

TEST_CASE("catalog: records survive a reopen once committed") {
  TempDir dir;
  {
    std::unique_ptr<Catalog> catalog = OpenOrFail(dir / "catalog");
    CHECK(catalog->Put("world/a.txt", {120, 1700000000123456789, 0xfeedface, 1}).ok());
    CHECK(catalog->Put("feeds/b.jsonl", {99999, 1, 42, 1000}).ok());
    CHECK(catalog->Commit().ok());
  }
  std::unique_ptr<Catalog> catalog = OpenOrFail(dir / "catalog");
  auto a = FindOrFail(*catalog, "world/a.txt");
  REQUIRE(a.has_value());
  CHECK(a->size == 120);
  CHECK(a->mtime_ns == 1700000000123456789);
  CHECK(a->content_hash == 0xfeedface);
  CHECK(a->articles == 1);
  CHECK_FALSE(FindOrFail(*catalog, "world/missing.txt").has_value());
}

TEST_CASE("catalog: removed paths are gone, and every path is listed whole, even long ones") {
  TempDir dir;
  std::unique_ptr<Catalog> catalog = OpenOrFail(dir / "catalog");
  std::string long_path = std::string(300, 'd') + "/article with spaces.txt";
  CHECK(catalog->Put(long_path, {1, 2, 3, 4}).ok());
  CHECK(catalog->Put("short.txt", {1, 2, 3, 4}).ok());
  CHECK(catalog->Put("gone.txt", {1, 2, 3, 4}).ok());
  CHECK(catalog->Remove("gone.txt").ok());
  CHECK(catalog->Commit().ok());
  std::set<std::string> paths;
  CHECK(catalog->ForEachPath([&](const std::string& path) { paths.insert(path); }).ok());
  CHECK(paths == std::set<std::string>{long_path, "short.txt"});
  CHECK(FindOrFail(*catalog, long_path).has_value());
}

TEST_CASE("catalog: one that cannot be opened is an error naming it, not an exception") {
  TempDir dir;
  std::ofstream(dir / "catalog") << "a file where the catalog's directory should be";
  std::unique_ptr<Catalog> catalog;
  Status status = Catalog::Open((dir / "catalog").string(), &catalog);
  CHECK_FALSE(status.ok());
  CHECK(status.message().find((dir / "catalog").string()) != std::string::npos);
  CHECK(catalog == nullptr);
}

TEST_CASE("catalog: a damaged table is an error when read, not an exception") {
  TempDir dir;
  {
    std::unique_ptr<Catalog> catalog = OpenOrFail(dir / "catalog");
    for (int i = 0; i < 2000; ++i) {
      REQUIRE(catalog->Put("file-" + std::to_string(i) + ".txt", {1, 2, 3, 4}).ok());
    }
    REQUIRE(catalog->Commit().ok());
  }
  // Overwrite the postlist table (where Xapian keeps metadata) past its
  // first block with garbage.
  const std::filesystem::path table = dir / "catalog" / "postlist.glass";
  REQUIRE(std::filesystem::exists(table));
  {
    std::fstream file(table, std::ios::in | std::ios::out | std::ios::binary);
    const std::string garbage(std::filesystem::file_size(table), '\xa5');
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  std::unique_ptr<Catalog> catalog;
  Status status = Catalog::Open((dir / "catalog").string(), &catalog);
  if (status.ok()) {
    std::optional<FileRecord> record;
    Status found = catalog->Find("file-7.txt", &record);
    Status listed = catalog->ForEachPath([](const std::string&) {});
    CHECK((!found.ok() || !listed.ok()));
  } else {
    CHECK(status.message().find("catalog") != std::string::npos);
  }
}
