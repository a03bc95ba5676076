#include "searcher/story_counter.h"

#include <doctest/doctest.h>

#include <cstdio>

#include "schemas/index_layout.h"

using namespace newsfacet;

namespace {

using Keys = std::vector<std::optional<uint64_t>>;

Xapian::Document WithKey(const std::string& key) {
  Xapian::Document doc;
  if (!key.empty()) doc.add_value(layout::kNearDuplicateSlot, key);
  return doc;
}

}  // namespace

TEST_CASE("a near-duplicate key reads as the number its hex digits write, and nothing else does") {
  CHECK(ParseNearDuplicateKey("00000000002a") == uint64_t{42});
  CHECK(ParseNearDuplicateKey("ffffffffffff") == uint64_t{0xffffffffffff});
  CHECK_FALSE(ParseNearDuplicateKey(""));
  CHECK_FALSE(ParseNearDuplicateKey("00000000002A"));  // the indexer writes lower case
  CHECK_FALSE(ParseNearDuplicateKey("0000 0000002a"));
  CHECK_FALSE(ParseNearDuplicateKey(std::string(17, '1')));
}

TEST_CASE("stories are the distinct keys plus the articles without one") {
  StoryCounter counter;
  for (const char* key : {"0000000000a1", "", "0000000000a1", "0000000000b2", "", "0000000000a1"}) {
    counter(WithKey(key), 1.0);
  }
  CHECK(counter.seen() == 6);
  CHECK(counter.stories() == 4);  // a1, b2 and two without a key
  CHECK(counter.ArticlesWithKey(0xa1) == 3);
  CHECK(counter.ArticlesWithKey(0xb2) == 1);
  CHECK(counter.ArticlesWithKey(0xc3) == 0);
}

TEST_CASE("a collapsed page shows each story at its best rank, counting pages in stories") {
  const Keys ranked = {1, std::nullopt, 1, 2, 2, 3, std::nullopt, 1};
  // Stories in rank order: 0 (key 1), 1 (no key), 3 (key 2), 5 (key 3), 6 (no key).
  StoryPage first = PickStories(ranked, 0, 3);
  CHECK(first.complete);
  CHECK(first.ranks == std::vector<size_t>{0, 1, 3});
  StoryPage second = PickStories(ranked, 3, 3);
  CHECK_FALSE(second.complete);  // only two stories left in what was ranked
  CHECK(second.ranks == std::vector<size_t>{5, 6});
  StoryPage exact = PickStories(ranked, 3, 2);
  CHECK(exact.complete);
  CHECK(exact.ranks == std::vector<size_t>{5, 6});
  CHECK(PickStories(ranked, 9, 3).ranks.empty());
  CHECK(PickStories({}, 0, 0).complete);
}

TEST_CASE("the story counter keeps counting right as its table grows") {
  StoryCounter counter;
  char key[16];
  for (int article = 0; article < 5000; ++article) {
    std::snprintf(key, sizeof key, "%012x", article % 3000);  // keys 0-1999 twice, 2000-2999 once
    counter(WithKey(key), 1.0);
  }
  CHECK(counter.seen() == 5000);
  CHECK(counter.stories() == 3000);
  CHECK(counter.ArticlesWithKey(0) == 2);
  CHECK(counter.ArticlesWithKey(1999) == 2);
  CHECK(counter.ArticlesWithKey(2000) == 1);
  CHECK(counter.ArticlesWithKey(3000) == 0);
}
