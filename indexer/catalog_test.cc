#include "catalog.h"

#include <doctest/doctest.h>

#include <set>

#include "temp_dir.h"

using namespace newsfacet;
using newsfacet::testing::TempDir;

TEST_CASE("catalog: records survive a reopen once committed") {
  TempDir dir;
  {
    Catalog catalog((dir / "catalog").string());
    catalog.Put("world/a.txt", {120, 1700000000123456789, 0xfeedface, 1});
    catalog.Put("feeds/b.jsonl", {99999, 1, 42, 1000});
    catalog.Commit();
  }
  Catalog catalog((dir / "catalog").string());
  auto a = catalog.Find("world/a.txt");
  REQUIRE(a.has_value());
  CHECK(a->size == 120);
  CHECK(a->mtime_ns == 1700000000123456789);
  CHECK(a->content_hash == 0xfeedface);
  CHECK(a->articles == 1);
  CHECK_FALSE(catalog.Find("world/missing.txt").has_value());
}

TEST_CASE("catalog: removed paths are gone, and every path is listed whole, even long ones") {
  TempDir dir;
  Catalog catalog((dir / "catalog").string());
  std::string long_path = std::string(300, 'd') + "/article with spaces.txt";
  catalog.Put(long_path, {1, 2, 3, 4});
  catalog.Put("short.txt", {1, 2, 3, 4});
  catalog.Put("gone.txt", {1, 2, 3, 4});
  catalog.Remove("gone.txt");
  catalog.Commit();
  std::set<std::string> paths;
  catalog.ForEachPath([&](const std::string& path) { paths.insert(path); });
  CHECK(paths == std::set<std::string>{long_path, "short.txt"});
  CHECK(catalog.Find(long_path).has_value());
}
