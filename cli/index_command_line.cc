#include "cli/index_command_line.h"

#include <cstdio>

#include "cli/commands.h"

namespace newsfacet {

std::optional<int> ParseIndexCommandLine(const char* name, const char* usage, const std::vector<std::string>& args,
                                         std::set<std::string> flags, std::set<std::string> options,
                                         CommandLine* parsed) {
  flags.insert("--help");
  options.insert("--index");
  Status status = CommandLine::Parse(args, flags, options, parsed);
  if (status.ok() && parsed->Has("--help")) {
    std::fputs(usage, stdout);
    return kExitOk;
  }
  if (status.ok() && !parsed->Value("--index")) status = Status::Error("missing --index INDEX_DIR");
  if (status.ok() && !parsed->positional().empty()) {
    status = Status::Error("unexpected argument " + parsed->positional()[0]);
  }
  if (!status.ok()) return ReportFailure(name, status);
  return std::nullopt;
}

int ReportFailure(const char* name, const Status& status) {
  std::fprintf(stderr, "newsfacet %s: %s\n", name, status.message().c_str());
  return kExitError;
}

}  // namespace newsfacet
