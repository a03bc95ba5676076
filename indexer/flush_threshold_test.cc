#include "indexer/flush_threshold.h"

#include <stdlib.h>

#include <cstdlib>
#include <optional>
#include <string>

#include <doctest/doctest.h>

using namespace newsfacet;

namespace {

// XAPIAN_FLUSH_THRESHOLD as a test found it, put back when the test ends.
class SavedThreshold {
 public:
  SavedThreshold() {
    if (const char* value = std::getenv("XAPIAN_FLUSH_THRESHOLD")) saved_ = value;
  }
  ~SavedThreshold() {
    if (saved_) {
      ::setenv("XAPIAN_FLUSH_THRESHOLD", saved_->c_str(), 1);
    } else {
      ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
    }
  }

 private:
  std::optional<std::string> saved_;
};

std::string Threshold() {
  const char* value = std::getenv("XAPIAN_FLUSH_THRESHOLD");
  return value ? value : "";
}

}  // namespace

TEST_CASE("flush threshold: small for ordinary runs, larger for big ones") {
  CHECK(FlushThreshold(0) == 500);
  CHECK(FlushThreshold(5'000'000) == 500);    // BBC, two shards
  CHECK(FlushThreshold(54'000'000) == 500);   // 100,000 short articles, two shards
  CHECK(FlushThreshold(130'000'000) == 500);  // 240,000 of them
  CHECK(FlushThreshold(270'000'000) == 2000);  // 500,000 of them
}

TEST_CASE("flush threshold: a value set earlier by the process is replaced, one the user set is kept") {
  SavedThreshold saved;
  ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
  SetFlushThreshold(500);
  CHECK(Threshold() == "500");
  SetFlushThreshold(2000);
  CHECK(Threshold() == "2000");
  ::setenv("XAPIAN_FLUSH_THRESHOLD", "123", 1);
  SetFlushThreshold(500);
  CHECK(Threshold() == "123");
}
