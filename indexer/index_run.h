// One run of `newsfacet index`: walk the articles, read what is new or
// changed, write it to the shards in committed batches, record it in the
// catalog, and report.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "indexer/readers/read_result.h"
#include "common/status.h"

namespace newsfacet {

struct IndexOptions {
  std::filesystem::path articles_dir;
  std::filesystem::path index_dir;
  int shards = 0;          // for a new index; 0 means one per core
  int reader_threads = 0;  // 0 means one per four cores, at least one
  uint64_t max_bytes = 20'000'000;
  bool prune = false;
  bool entities = true;  // false: full text only (for benchmarks and quick trials)
  // Input bytes per committed batch: what a kill can cost, at most.
  uint64_t batch_bytes = 32'000'000;
  int64_t batch_files = 5000;
  // With cluster_shards > 0, only the articles of shard `cluster_shard` of
  // a cluster of that many (schemas/store/shard_routing.h) are indexed, in
  // an index of one shard (unless `shards` says otherwise): what one host of
  // a cluster serves. The rest are passed over, not counted.
  int cluster_shard = 0;
  int cluster_shards = 0;
};

struct IndexSummary {
  int64_t added = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  int64_t removed = 0;
  int64_t skipped = 0;  // files of formats newsfacet does not read
  std::map<std::string, int64_t> skipped_by_extension;  // "" for none -> files
  int64_t failed = 0;   // articles or files reported as errors
  int64_t gone_files = 0;  // catalogued files no longer on disk (removed only with prune)
  bool interrupted = false;
  double seconds = 0;
  std::vector<ReadProblem> errors;
};

// Live counters, read by a progress display from another thread.
struct IndexProgress {
  std::atomic<int64_t> files_total{0};
  std::atomic<int64_t> files_done{0};
  std::atomic<uint64_t> bytes_total{0};
  std::atomic<uint64_t> bytes_done{0};
  std::atomic<int64_t> articles_done{0};
  std::atomic<bool> walking{true};
};

// Runs the whole job. Problems with single files or articles are collected in
// the summary (and passed to `on_problem` as they happen); a non-OK status
// means the run itself failed (bad directory, index locked or unwritable).
// Setting `*stop` makes the run finish early: files already read are
// committed, the rest left for the next run.
Status RunIndex(const IndexOptions& options, IndexProgress* progress, const std::atomic<bool>* stop,
                const std::function<void(const ReadProblem&)>& on_problem, IndexSummary* summary);

}  // namespace newsfacet
