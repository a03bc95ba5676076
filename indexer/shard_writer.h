// One shard of the index and the thread that writes it.
//
// Xapian allows one writer per database, and that writer is the indexing
// bottleneck, so an index is N shards written in parallel: articles go to
// the shard picked by a hash of their id (ShardOf), so an update or a
// delete always finds them. Analysis happens here too, on the writer's
// thread, which keeps every core busy without a second hand-over.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <variant>
#include <vector>

#include <xapian.h>

#include "schemas/store/article.h"
#include "common/bounded_queue.h"
#include "indexer/display_names.h"
#include "indexer/document_builder.h"
#include "indexer/entities/entity_extractor.h"
#include "indexer/entities/surname_resolver.h"
#include "indexer/readers/read_result.h"
#include "common/status.h"

namespace newsfacet {

int ShardOf(const std::string& article_id, int shard_count);

struct ShardCounts {
  std::atomic<int64_t> added{0};
  std::atomic<int64_t> updated{0};
  std::atomic<int64_t> unchanged{0};
  std::atomic<int64_t> removed{0};
};

// What a batch end asks of every shard before it commits.
struct BatchEnd {
  int batch = 0;
  // Files read in this batch: their articles not stamped by this run are no
  // longer in the file, and are deleted.
  std::vector<std::string> files_read;
  std::vector<std::string> files_pruned;  // every article of these is deleted
  std::function<void(int batch, const Status&)> on_committed;
};

// What the end of a run asks of shard 0, once all batches are committed.
struct RunEnd {
  std::shared_ptr<const KnownPeople> known_people;
  std::shared_ptr<const DisplayNames> organisation_names;
  std::function<void(const Status&)> on_done;
};

class ShardWriter {
 public:
  // Problems found while writing (a duplicate id) go to `report_problem`,
  // from the writer's thread; counts go to the shared `counts`.
  // `run_stamp` marks every article this run writes (layout::kRunStampSlot).
  // `entities` must outlive the writer; null means no entity extraction.
  ShardWriter(std::filesystem::path path, std::string run_stamp, const EntityModel* entities, ShardCounts* counts,
              std::function<void(ReadProblem)> report_problem);
  ~ShardWriter();

  // Opens (or creates) the shard and starts its thread.
  Status Start();

  void Add(Article article);
  void EndBatch(BatchEnd batch_end);
  // Writes the people known index-wide (display names, surname
  // resolutions) and the organisations' display names into this shard's
  // metadata, then commits.
  void EndRun(RunEnd run_end);
  // Drains the queue, stops the thread. The last EndBatch's commit is the
  // last write; nothing after it is committed.
  void Finish();

 private:
  using Operation = std::variant<Article, BatchEnd, RunEnd>;

  void Run();
  void Attempt(const char* doing, const std::function<void()>& step);
  void Write(const Article& article);
  ArticleEntities Entities(const Article& article) const;
  void AddSpelling(const Xapian::Document& doc);
  void EndBatchNow(const BatchEnd& batch_end);
  void EndRunNow(const RunEnd& run_end);
  void DeleteMatching(const std::string& term, bool keep_this_runs);

  std::filesystem::path path_;
  std::string run_stamp_;
  ShardCounts* counts_;
  std::function<void(ReadProblem)> report_problem_;
  Xapian::WritableDatabase db_;
  DocumentBuilder builder_;     // used on the writer's thread only
  std::optional<EntityExtractor> extractor_;  // likewise; empty without entity extraction
  bool started_empty_ = true;
  std::unordered_set<uint64_t> ids_seen_this_run_;
  Status failure_;  // the first error (Xapian's or any exception); later writes are skipped
  BoundedQueue<Operation> queue_;
  std::thread thread_;
};

}  // namespace newsfacet
