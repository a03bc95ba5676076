#include "common/command_line.h"

#include <doctest/doctest.h>

using namespace newsfacet;

TEST_CASE("command line: flags, options in both spellings, and positionals") {
  CommandLine parsed;
  Status status = CommandLine::Parse({"articles", "--index", "idx", "--prune", "--max-bytes=5MB"},
                                     {"--prune", "--json"}, {"--index", "--max-bytes"}, &parsed);
  REQUIRE(status.ok());
  CHECK(parsed.positional() == std::vector<std::string>{"articles"});
  CHECK(parsed.Value("--index") == "idx");
  CHECK(parsed.Value("--max-bytes") == "5MB");
  CHECK(parsed.Has("--prune"));
  CHECK_FALSE(parsed.Has("--json"));
}

TEST_CASE("command line: unknown options and missing values are errors that name them") {
  CommandLine parsed;
  Status unknown = CommandLine::Parse({"--frobnicate"}, {}, {"--index"}, &parsed);
  CHECK(unknown.message() == "unknown option --frobnicate");
  CommandLine again;
  Status missing = CommandLine::Parse({"--index"}, {}, {"--index"}, &again);
  CHECK(missing.message() == "--index needs a value");
}

TEST_CASE("command line: sizes with units") {
  unsigned long long bytes = 0;
  CHECK((ParseByteSize("20MB", &bytes) && bytes == 20'000'000));
  CHECK((ParseByteSize("512k", &bytes) && bytes == 512'000));
  CHECK((ParseByteSize("1MiB", &bytes) && bytes == 1'048'576));
  CHECK((ParseByteSize("1000", &bytes) && bytes == 1000));
  CHECK_FALSE(ParseByteSize("lots", &bytes));
  CHECK_FALSE(ParseByteSize("-5", &bytes));
  CHECK_FALSE(ParseByteSize("0", &bytes));
}
