// End to end: the options every command shares, and serve's bounds, as the
// real binary parses them.
#include <doctest/doctest.h>

#include "tests/process.h"

using namespace newsfacet::testing;

TEST_CASE("--version prints the version and exits 0") {
  ProcessResult run = RunNewsfacet({"--version"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.rfind("newsfacet ", 0) == 0);
}

TEST_CASE("serve refuses a --count-limit past its upper bound, with exit 2 and the bound") {
  TempDir dir;
  for (const char* limit : {"1000000", "2147483647", "0", "lots"}) {
    CAPTURE(limit);
    ProcessResult run = RunNewsfacet({"serve", "--index", (dir / "index").string(), "--count-limit", limit});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--count-limit must be a number from 1 to 999999") != std::string::npos);
  }
}

TEST_CASE("--data-dir and --web-dir name the directories used, and a wrong one is an error naming it") {
  TempDir dir;
  ProcessResult index = RunNewsfacet({"index", (SourceDir() / "corpus").string(), "--index",
                                      (dir / "index").string(), "--data-dir", (dir / "no-data").string()});
  CHECK(index.exit_code == 2);
  CHECK(index.err.find((dir / "no-data").string()) != std::string::npos);
  ProcessResult missing = RunNewsfacet({"index", (SourceDir() / "corpus").string(), "--index",
                                        (dir / "index").string(), "--data-dir"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("--data-dir needs a directory") != std::string::npos);
  ProcessResult serve = RunNewsfacet({"serve", "--index", (dir / "index").string(), "--web-dir",
                                      (dir / "no-web").string()});
  CHECK(serve.exit_code == 2);
  CHECK(serve.err.find("--web-dir " + (dir / "no-web").string() + " is not a directory") != std::string::npos);
}
