// The subcommands of the `newsfacet` tool. Each takes the arguments after
// its name and returns the process exit status.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/cluster_config.h"

namespace newsfacet {

// Exit statuses every subcommand uses.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;  // index: some articles skipped as errors; search: no hits
inline constexpr int kExitError = 2;       // the run itself failed: bad arguments, unusable index
inline constexpr int kExitInterrupted = 130;

int RunIndexCommand(const std::vector<std::string>& args);
int RunExportCommand(const std::vector<std::string>& args);
int RunCompactCommand(const std::vector<std::string>& args);
// The searcher's commands (search_command.cc, entities_command.cc, serve_command.cc).
int RunSearchCommand(const std::vector<std::string>& args);
int RunEntitiesCommand(const std::vector<std::string>& args);
int RunServeCommand(const std::vector<std::string>& args);
int RunClusterMetadataCommand(const std::vector<std::string>& args);
// Writes the metadata copy of `config`'s cluster from all its shards
// (cluster_metadata_command.cc); fails while a shard has no replica up.
Status BuildClusterMetadata(const ClusterConfig& config);

}  // namespace newsfacet
