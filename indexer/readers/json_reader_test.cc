#include "indexer/readers/json_reader.h"

#include <doctest/doctest.h>

using newsfacet::ReadJsonArticles;
using newsfacet::ReadJsonLine;

TEST_CASE("json: news-please fields map onto the article") {
  auto result = ReadJsonArticles(R"({"id": "reuters-1", "title": "BAHIA COCOA REVIEW",
      "maintext": "SALVADOR, Feb 26 - Showers continued.", "description": "lead",
      "date_publish": "1987-02-26 15:01:01", "url": "https://example.org/1",
      "authors": ["A. Writer", "B. Writer"], "source_domain": "reuters.com", "language": "en"})",
                                 "r.json");
  REQUIRE(result.articles.size() == 1);
  const auto& article = result.articles[0];
  CHECK(article.id == "reuters-1");
  CHECK(article.title == "BAHIA COCOA REVIEW");
  CHECK(article.body == "SALVADOR, Feb 26 - Showers continued.");
  CHECK(article.date == "1987-02-26T15:01:01Z");
  CHECK(article.url == "https://example.org/1");
  CHECK(article.authors == std::vector<std::string>{"A. Writer", "B. Writer"});
  CHECK(article.source == "reuters.com");
  CHECK(article.language == "en");
  CHECK(article.path == "r.json");
}

TEST_CASE("json: common aliases are understood") {
  auto result = ReadJsonArticles(R"({"headline": "Quake", "text": "It shook.", "published_at": "2019-03-03T14:20:00Z",
      "author": "C. Reporter", "source": {"name": "Example News"}, "link": "https://example.org/q"})",
                                 "q.json");
  REQUIRE(result.articles.size() == 1);
  const auto& article = result.articles[0];
  CHECK(article.title == "Quake");
  CHECK(article.body == "It shook.");
  CHECK(article.date == "2019-03-03T14:20:00Z");
  CHECK(article.authors == std::vector<std::string>{"C. Reporter"});
  CHECK(article.source == "Example News");
  CHECK(article.url == "https://example.org/q");
  CHECK(article.id == "q.json");  // no id field: the path
}

TEST_CASE("json: null and empty fields fall through to the next alias") {
  auto result = ReadJsonArticles(R"({"title": null, "headline": "", "name": "Named", "maintext": null,
      "body": "Body text", "date_publish": null, "pubDate": "Sun, 03 Mar 2019 14:20:00 GMT", "id": 42})",
                                 "n.json");
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "Named");
  CHECK(result.articles[0].body == "Body text");
  CHECK(result.articles[0].date == "2019-03-03T14:20:00Z");
  CHECK(result.articles[0].id == "42");
}

TEST_CASE("json: an array holds several articles, ids fall back to path#n") {
  auto result = ReadJsonArticles(R"([{"title": "One"}, {"title": "Two", "id": "x"}, 7])", "a.json");
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].id == "a.json#1");
  CHECK(result.articles[1].id == "x");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].message.find("expected a JSON object") != std::string::npos);
}

TEST_CASE("json: broken JSON is reported with where it broke") {
  auto result = ReadJsonArticles(R"({"title": "Cut off", )", "broken.json");
  CHECK(result.articles.empty());
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].path == "broken.json");
  CHECK(result.problems[0].message.rfind("invalid JSON: parse error", 0) == 0);
  CHECK(result.problems[0].message.find("json.exception") == std::string::npos);
}

TEST_CASE("json: a record with neither title nor text is a problem") {
  auto result = ReadJsonArticles(R"({"id": "empty", "url": "https://example.org"})", "e.json");
  CHECK(result.articles.empty());
  REQUIRE(result.problems.size() == 1);
}

TEST_CASE("jsonl: a line is one article, its id falling back to path:line") {
  auto result = ReadJsonLine(R"({"title": "Line article", "maintext": "Text"})", "feed.jsonl", 7);
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].id == "feed.jsonl:7");
  CHECK(result.articles[0].line == 7);
}

TEST_CASE("jsonl: a blank line is nothing, a broken line a problem naming its line") {
  CHECK(ReadJsonLine("   \r", "feed.jsonl", 3).articles.empty());
  CHECK(ReadJsonLine("   \r", "feed.jsonl", 3).problems.empty());
  auto broken = ReadJsonLine(R"({"title": "x")", "feed.jsonl", 4);
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].line == 4);
}

TEST_CASE("json nested 50,000 deep is reported as a problem, not a stack overflow") {
  const int depth = 50000;
  std::string nested;
  for (int i = 0; i < depth; ++i) nested += "{\"title\":";
  nested += "\"x\"";
  nested += std::string(depth, '}');
  auto file = ReadJsonArticles(nested, "deep.json");
  CHECK(file.articles.empty());
  REQUIRE(file.problems.size() == 1);
  CHECK(file.problems[0].message.find("nested deeper than") != std::string::npos);

  auto line = ReadJsonLine("{\"title\":\"ok\",\"source\":" + nested + "}", "feed.jsonl", 3);
  CHECK(line.articles.empty());
  REQUIRE(line.problems.size() == 1);
  CHECK(line.problems[0].line == 3);
}

TEST_CASE("json nesting within the limit is read, brackets inside strings do not count") {
  std::string nested;
  for (int i = 0; i < 40; ++i) nested += "{\"name\":";
  nested += "\"deep\"" + std::string(40, '}');
  auto result = ReadJsonArticles("{\"title\":\"t [[[{{{\",\"text\":\"b \\\"{{{{\",\"source\":" + nested + "}",
                                 "ok.json");
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].title == "t [[[{{{");
  CHECK(result.articles[0].source.empty());  // only one level of nesting is looked into
}
