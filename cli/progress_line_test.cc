#include "cli/progress_line.h"

#include <doctest/doctest.h>

using namespace newsfacet;

TEST_CASE("progress: counts get thousands separators, durations minutes and hours") {
  CHECK(FormatCount(0) == "0");
  CHECK(FormatCount(1234567) == "1,234,567");
  CHECK(FormatDuration(42) == "0:42");
  CHECK(FormatDuration(3725) == "1:02:05");
}

TEST_CASE("progress: the line shows rate and an ETA from bytes") {
  IndexProgress progress;
  progress.walking = false;
  progress.files_total = 100;
  progress.files_done = 25;
  progress.articles_done = 500;
  progress.bytes_total = 4'000'000;
  progress.bytes_done = 1'000'000;
  CHECK(ProgressText(progress, 10.0) == "25/100 files  500 articles  50 articles/s  0.1 MB/s  ETA 0:30");
}
