// The `newsfacet` tool: one binary, one subcommand per job.
#include <cstdio>
#include <cstddef>
#include <string_view>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "analysis/data_files.h"

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
  cluster-metadata  choose a cluster's surname map and names over all its shards

Options of every command:
  --data-dir DIR  the data files (events.json, data/): default PREFIX/share/newsfacet
                  beside an installed binary, or $NEWSFACET_DATA_DIR when set
  --version       print the version and exit

Run 'newsfacet COMMAND --help' for a command's options.
)";

// Takes "--data-dir DIR" and "--data-dir=DIR" out of `args`, wherever they
// are, since every command reads the data. False when DIR is missing.
bool TakeDataDirectory(std::vector<std::string>* args) {
  constexpr std::string_view kOption = "--data-dir";
  for (size_t i = 0; i < args->size(); ++i) {
    const std::string& arg = (*args)[i];
    if (arg == kOption) {
      if (i + 1 == args->size() || (*args)[i + 1].empty()) return false;
      newsfacet::SetDataDirectory((*args)[i + 1]);
      args->erase(args->begin() + static_cast<std::ptrdiff_t>(i), args->begin() + static_cast<std::ptrdiff_t>(i) + 2);
      --i;
    } else if (arg.size() > kOption.size() + 1 && arg.compare(0, kOption.size() + 1, "--data-dir=") == 0) {
      newsfacet::SetDataDirectory(arg.substr(kOption.size() + 1));
      args->erase(args->begin() + static_cast<std::ptrdiff_t>(i));
      --i;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!TakeDataDirectory(&args)) {
    std::fprintf(stderr, "newsfacet: --data-dir needs a directory\n");
    return newsfacet::kExitError;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? newsfacet::kExitError : newsfacet::kExitOk;
  }
  if (args[0] == "--version") {
    std::printf("newsfacet %s\n", NEWSFACET_VERSION);
    return newsfacet::kExitOk;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "index") return newsfacet::RunIndexCommand(args);
  if (command == "export") return newsfacet::RunExportCommand(args);
  if (command == "compact") return newsfacet::RunCompactCommand(args);
  if (command == "search") return newsfacet::RunSearchCommand(args);
  if (command == "entities") return newsfacet::RunEntitiesCommand(args);
  if (command == "serve") return newsfacet::RunServeCommand(args);
  if (command == "cluster-metadata") return newsfacet::RunClusterMetadataCommand(args);
  std::fprintf(stderr, "newsfacet: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return newsfacet::kExitError;
}
