#include "indexer/index_run.h"

#include <cstdlib>
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "tests/temp_dir.h"

using namespace newsfacet;

namespace {

IndexSummary IndexTwoArticles(const testing::TempDir& dir) {
  dir.Write("articles/a.txt", "First\n\nOne article.");
  dir.Write("articles/b.txt", "Second\n\nAnother article.");
  IndexOptions options;
  options.articles_dir = dir / "articles";
  options.index_dir = dir / "index";
  options.entities = false;
  IndexProgress progress;
  std::atomic<bool> stop{false};
  IndexSummary summary;
  REQUIRE(RunIndex(options, &progress, &stop, [](const ReadProblem&) {}, &summary).ok());
  return summary;
}

}  // namespace

TEST_CASE("index run: sets Xapian's flush threshold for its writers, unless the user has") {
  const char* developers = std::getenv("XAPIAN_FLUSH_THRESHOLD");
  const std::optional<std::string> saved = developers ? std::optional<std::string>(developers) : std::nullopt;
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  {
    testing::TempDir dir;
    CHECK(IndexTwoArticles(dir).added == 2);
    REQUIRE(std::getenv("XAPIAN_FLUSH_THRESHOLD") != nullptr);
    CHECK(std::string(std::getenv("XAPIAN_FLUSH_THRESHOLD")) == "500");
  }
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "7", 1);
  {
    testing::TempDir dir;
    CHECK(IndexTwoArticles(dir).added == 2);
    CHECK(std::string(std::getenv("XAPIAN_FLUSH_THRESHOLD")) == "7");
  }
  if (saved) {
    ::setenv("XAPIAN_FLUSH_THRESHOLD", saved->c_str(), 1);
  } else {
    ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  }
}
