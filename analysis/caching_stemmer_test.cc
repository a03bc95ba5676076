#include "analysis/caching_stemmer.h"

#include <doctest/doctest.h>

#include "analysis/text_analysis.h"

using newsfacet::CachingStemmer;

TEST_CASE("caching stemmer: stems exactly as the stemmer it wraps, first time and after") {
  Xapian::Stem plain = newsfacet::NewsStemmer();
  Xapian::Stem cached(new CachingStemmer(newsfacet::NewsStemmer()));
  const char* words[] = {"assassinated", "assassination", "running", "ran", "talks", "elections", "", "x", "kremlin",
                         "altıntaş", "presidents", "assassinated"};
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* word : words) {
      CAPTURE(word);
      CHECK(cached(word) == plain(word));
    }
  }
  CHECK(cached.get_description().find("cached") != std::string::npos);
}

TEST_CASE("caching stemmer: stays right when the cache fills and starts again") {
  Xapian::Stem plain = newsfacet::NewsStemmer();
  Xapian::Stem cached(new CachingStemmer(newsfacet::NewsStemmer()));
  for (size_t i = 0; i < CachingStemmer::kMaxWords + 10; ++i) cached("word" + std::to_string(i) + "ing");
  CHECK(cached("nationalisation") == plain("nationalisation"));
  CHECK(cached("word5ing") == plain("word5ing"));
}
