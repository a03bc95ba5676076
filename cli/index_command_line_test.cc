#include "cli/index_command_line.h"

#include <doctest/doctest.h>

#include "cli/commands.h"

using namespace newsfacet;

namespace {

constexpr char kUsage[] = "Usage: newsfacet test --index INDEX_DIR [--json]\n";

std::optional<int> Parse(const std::vector<std::string>& args, CommandLine* parsed) {
  return ParseIndexCommandLine("test", kUsage, args, {"--json"}, {"--limit"}, parsed);
}

}  // namespace

TEST_CASE("index command line: --index, the command's own flags and options are read") {
  CommandLine parsed;
  CHECK_FALSE(Parse({"--index", "/tmp/idx", "--json", "--limit=5"}, &parsed));
  CHECK(parsed.Value("--index") == "/tmp/idx");
  CHECK(parsed.Has("--json"));
  CHECK(parsed.Value("--limit") == "5");
}

TEST_CASE("index command line: --help ends the command with 0, whatever else is missing") {
  CommandLine parsed;
  CHECK(Parse({"--help"}, &parsed) == kExitOk);
  CHECK(Parse({"--help", "stray"}, &parsed) == kExitOk);
}

TEST_CASE("index command line: no --index, a positional argument or an unknown flag ends the command with 2") {
  CommandLine parsed;
  CHECK(Parse({"--json"}, &parsed) == kExitError);
  CHECK(Parse({"--index", "/tmp/idx", "stray"}, &parsed) == kExitError);
  CHECK(Parse({"--index", "/tmp/idx", "--body"}, &parsed) == kExitError);
}
