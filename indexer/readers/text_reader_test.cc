#include "indexer/readers/text_reader.h"

#include <doctest/doctest.h>

using newsfacet::ReadTextArticle;

TEST_CASE("txt: the first non-empty line is the title, the rest the body") {
  auto result = ReadTextArticle("\n\n  Envoy shot in Ankara  \n\nThe ambassador was shot.\n\nPolice said.\n", "world/a.txt");
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Envoy shot in Ankara");
  CHECK(result.articles[0].body == "The ambassador was shot.\n\nPolice said.");
  CHECK(result.articles[0].id == "world/a.txt");
  CHECK(result.articles[0].path == "world/a.txt");
  CHECK(result.problems.empty());
}

TEST_CASE("txt: a title-only file is an article with an empty body") {
  auto result = ReadTextArticle("Just a headline", "b.txt");
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Just a headline");
  CHECK(result.articles[0].body.empty());
}

TEST_CASE("txt: a file of blank lines is reported, not indexed") {
  auto result = ReadTextArticle(" \n\t\n", "blank.txt");
  CHECK(result.articles.empty());
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].path == "blank.txt");
}

TEST_CASE("txt: a dateline with a full date gives the article its date") {
  auto dated = ReadTextArticle("Talks resume\n\nGDYNIA, Poland, March 6, 2018 \u2014 Talks resumed.", "d.txt");
  CHECK(dated.articles.at(0).date == "2018-03-06");
  auto short_dateline = ReadTextArticle("Cocoa\n\nSALVADOR, Feb 26 - Showers continued.", "s.txt");
  CHECK(short_dateline.articles.at(0).date.empty());
  auto no_dateline = ReadTextArticle("Title\n\nIn 2018, on March 6, talks - resumed.", "n.txt");
  CHECK(no_dateline.articles.at(0).date.empty());
}
