// The `newsfacet` tool: one binary, one subcommand per job.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "commands.h"

namespace {

constexpr char kUsage[] = R"(Usage: newsfacet COMMAND [options]

Full-text search for news archives, with people, organisations, countries and events.

Commands:
  index    build or update an index from a directory of articles
  export   print every indexed article as JSON lines
  compact  rewrite an index's shards packed tight (half the size or less)
  search   search an index from the command line
  entities list the people, organisations, countries or events in an index, with counts
  serve    serve the search API and web page over HTTP

Run 'newsfacet COMMAND --help' for a command's options.
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? newsfacet::kExitError : newsfacet::kExitOk;
  }
  if (std::strcmp(argv[1], "--version") == 0) {
    std::printf("newsfacet 0.1.0\n");
    return newsfacet::kExitOk;
  }
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "index") return newsfacet::RunIndexCommand(args);
  if (command == "export") return newsfacet::RunExportCommand(args);
  if (command == "compact") return newsfacet::RunCompactCommand(args);
  if (command == "search") return newsfacet::RunSearchCommand(args);
  if (command == "entities") return newsfacet::RunEntitiesCommand(args);
  if (command == "serve") return newsfacet::RunServeCommand(args);
  std::fprintf(stderr, "newsfacet: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return newsfacet::kExitError;
}
