// `newsfacet cluster-metadata --cluster FILE`: the cluster's surname map
// and display names, chosen over all its shards, into its metadata copy.
#include <cstdio>

#include "cli/commands.h"
#include "common/command_line.h"
#include "indexer/cluster_metadata.h"
#include "searcher/cluster_config.h"
#include "searcher/remote_shards.h"

namespace newsfacet {
namespace {

constexpr char kUsage[] = R"(Usage: newsfacet cluster-metadata --cluster FILE

Reads every shard of the cluster FILE lists (one replica of each, through
xapian-tcpsrv), chooses which person each lone surname stands for and the
name each person and organisation is shown by, as `newsfacet index` does
for an index on one host, and writes them to the metadata copy FILE names
("metadata"), which `newsfacet serve --cluster FILE` reads. Run it after
the shards are indexed; a server running meanwhile sees the new choices at
its next request.

Options:
  --cluster FILE  the cluster file (README: Cluster)
  --help          show this help

Exit status: 0 written; 2 a shard has no replica up, or the copy cannot be written.
)";

int Failed(const std::string& message) {
  std::fprintf(stderr, "newsfacet cluster-metadata: %s\n", message.c_str());
  return kExitError;
}

}  // namespace

// Chooses over every shard of `config`'s cluster and writes its metadata
// copy; refused while a shard has no replica up, as the choices would be
// a part's.
Status BuildClusterMetadata(const ClusterConfig& config) {
  RemoteShards remote(config);
  ClusterHandle shards = remote.OpenShards();
  if (!shards.missing_shards.empty()) {
    return Status::Error("shard " + std::to_string(shards.missing_shards[0]) +
                         " has no replica up: the metadata copy is chosen over every shard");
  }
  return WriteClusterMetadata(shards.all, config.metadata);
}

int RunClusterMetadataCommand(const std::vector<std::string>& args) {
  CommandLine command_line;
  Status status = CommandLine::Parse(args, {"--help"}, {"--cluster"}, &command_line);
  if (status.ok() && command_line.Has("--help")) {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (status.ok() && !command_line.Value("--cluster")) status = Status::Error("missing --cluster FILE");
  if (status.ok() && !command_line.positional().empty()) {
    status = Status::Error("unexpected argument " + command_line.positional()[0]);
  }
  if (!status.ok()) return Failed(status.message() + "\nTry 'newsfacet cluster-metadata --help'.");
  ClusterConfig config;
  status = ReadClusterConfig(*command_line.Value("--cluster"), &config);
  if (status.ok()) status = BuildClusterMetadata(config);
  if (!status.ok()) return Failed(status.message());
  return kExitOk;
}

}  // namespace newsfacet
