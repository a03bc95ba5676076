// The arguments every command over one index reads alike: `--index
// INDEX_DIR` (required), `--help`, and no positional argument.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/command_line.h"
#include "common/status.h"

namespace newsfacet {

// Parses the arguments of `newsfacet NAME`, whose own `flags` and `options`
// come besides --help and --index. Returns the exit status the command
// ends with when it must not go on: kExitOk once `usage` is printed for
// --help, kExitError once a bad argument is reported (ReportFailure).
// nullopt when `parsed` holds the arguments, --index among them.
std::optional<int> ParseIndexCommandLine(const char* name, const char* usage, const std::vector<std::string>& args,
                                         std::set<std::string> flags, std::set<std::string> options,
                                         CommandLine* parsed);

// Says "newsfacet NAME: what failed" on stderr; returns kExitError.
int ReportFailure(const char* name, const Status& status);

}  // namespace newsfacet
