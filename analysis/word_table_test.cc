#include "analysis/word_table.h"

#include <string>

#include <doctest/doctest.h>

using newsfacet::WordTable;

namespace {

// "w17": built with += because GCC 12 warns falsely (-Wrestrict) on "w" + std::string.
std::string Word(uint32_t i) {
  std::string word = "w";
  word += std::to_string(i);
  return word;
}

}  // namespace

TEST_CASE("word table: finds what was inserted, with its value, and nothing else") {
  WordTable table;
  CHECK(table.Find("putin") == WordTable::kMissing);
  CHECK(table.Insert("putin", 7) == 7);
  CHECK(table.Insert("karlov", 8) == 8);
  CHECK(table.Insert("putin", 9) == 7);  // present: keeps its value
  CHECK(table.Find("putin") == 7);
  CHECK(table.Find("karlov") == 8);
  CHECK(table.Contains("karlov"));
  CHECK_FALSE(table.Contains("karlo"));
  CHECK_FALSE(table.Contains(""));
  CHECK(table.size() == 2);
}

TEST_CASE("word table: stays right as it grows past many resizes") {
  WordTable table;
  for (uint32_t i = 0; i < 20000; ++i) table.Insert(Word(i), i);
  CHECK(table.size() == 20000);
  for (uint32_t i = 0; i < 20000; ++i) REQUIRE(table.Find(Word(i)) == i);
  for (uint32_t i = 20000; i < 21000; ++i) REQUIRE_FALSE(table.Contains(Word(i)));
  CHECK(table.Insert("", 5) == 5);
  CHECK(table.Find("") == 5);
}

TEST_CASE("word table: the stepwise hash is HashWord") {
  for (std::string word : {"", "a", "putin", "Altıntaş", "a longer phrase of words"}) {
    uint64_t hash = newsfacet::kWordHashStart;
    for (unsigned char c : word) hash = newsfacet::AddToWordHash(hash, c);
    CHECK(newsfacet::FinishWordHash(hash) == newsfacet::HashWord(word));
  }
}

TEST_CASE("word table: reserving room keeps what is there and what comes after") {
  WordTable table;
  table.Insert("before", 1);
  table.Reserve(1000, 8000);
  for (uint32_t i = 0; i < 1000; ++i) table.Insert(Word(i), i + 2);
  CHECK(table.Find("before") == 1);
  CHECK(table.Find("w999") == 1001);
  CHECK(table.size() == 1001);
}
