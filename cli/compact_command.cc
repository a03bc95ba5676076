// `newsfacet compact --index INDEX_DIR`: the shards rewritten packed tight.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/index_command_line.h"
#include "indexer/index_compactor.h"

namespace newsfacet {
namespace {

constexpr char kUsage[] = R"(Usage: newsfacet compact --index INDEX_DIR [--json]

Rewrites each shard of the index packed tight (Xapian's compaction): an index
written in many flushes, as every newsfacet index is, shrinks by half or more.
Same articles, same document ids; searches give the same results. Each shard
is written anew beside the old one and swapped in atomically, so the index
opens at every moment and a server searching it carries on (it frees the old
shards' space when the next index run makes it reopen). Needs free space for
one shard, and the index lock: it refuses to run beside an indexer.

  --json   print the summary as one JSON object: {"shards": [{"bytes_before",
           "bytes_after"}], "bytes_before", "bytes_after", "seconds"}

Exit status: 0 done; 2 the index cannot be opened, is locked, or compaction
failed (the shard that failed is left as it was).
)";

}  // namespace

int RunCompactCommand(const std::vector<std::string>& args) {
  CommandLine command_line;
  if (std::optional<int> exit = ParseIndexCommandLine("compact", kUsage, args, {"--json"}, {}, &command_line)) {
    return *exit;
  }
  CompactionSummary summary;
  Status status = CompactIndex(*command_line.Value("--index"), &summary);
  if (!status.ok()) return ReportFailure("compact", status);
  uint64_t before = 0, after = 0;
  nlohmann::json shards = nlohmann::json::array();
  for (const ShardCompaction& shard : summary.shards) {
    before += shard.bytes_before;
    after += shard.bytes_after;
    shards.push_back({{"bytes_before", shard.bytes_before}, {"bytes_after", shard.bytes_after}});
  }
  if (command_line.Has("--json")) {
    nlohmann::json out = {{"shards", shards}, {"bytes_before", before}, {"bytes_after", after}, {"seconds", summary.seconds}};
    std::printf("%s\n", out.dump().c_str());
  } else {
    std::printf("Compacted %zu shard%s in %.1f s: %.1f MB -> %.1f MB\n", summary.shards.size(),
                summary.shards.size() == 1 ? "" : "s", summary.seconds, before / 1e6, after / 1e6);
  }
  return kExitOk;
}

}  // namespace newsfacet
