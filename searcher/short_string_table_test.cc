#include "searcher/short_string_table.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace newsfacet;

TEST_CASE("a short string table counts per text through its growth, each text stored once") {
  ShortStringTable<int> table;
  std::map<std::string, int> expected;
  for (int i = 0; i < 5000; ++i) {
    const std::string id = "person-" + std::to_string(i % 1700);
    table(id, table.HashOf(id)) += 2;
    expected[id] += 2;
  }
  CHECK(table.size() == expected.size());
  std::map<std::string, int> seen;
  table.ForEach([&](const std::string& text, uint64_t hash, int value) {
    CHECK(hash == table.HashOf(text));
    seen[text] = value;
  });
  CHECK(seen == expected);
  REQUIRE(table.Lookup("person-5"));
  CHECK(*table.Lookup("person-5") == expected["person-5"]);
  CHECK(table.Lookup("person-99999") == nullptr);
}

TEST_CASE("two texts whose hashes collide are counted apart") {
  ShortStringTable<int> table;
  constexpr uint64_t kSameHash = 42;
  for (int i = 0; i < 3; ++i) table("ronald-reagan", kSameHash) += 1;
  table("nancy-reagan", kSameHash) += 10;
  std::map<std::string, int> seen;
  table.ForEach([&](const std::string& text, uint64_t, int value) { seen[text] = value; });
  CHECK(seen == std::map<std::string, int>{{"nancy-reagan", 10}, {"ronald-reagan", 3}});
}
