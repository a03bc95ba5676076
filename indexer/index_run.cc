#include "indexer/index_run.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "indexer/readers/article_file_reader.h"
#include "indexer/catalog.h"
#include "analysis/data_files.h"
#include "indexer/file_walker.h"
#include "indexer/flush_threshold.h"
#include "schemas/store/index_directory.h"
#include "common/injected_fault.h"
#include "indexer/shard_writer.h"
#include "schemas/store/shard_routing.h"
#include "common/stable_hash.h"

namespace newsfacet {
namespace fs = std::filesystem;

namespace {

int DefaultShardCount() { return std::max(1u, std::thread::hardware_concurrency()); }

std::string NewRunStamp() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  std::string seed = std::to_string(now.count()) + ":" + std::to_string(::getpid());
  return HashHex(StableHash(seed));
}

// A file to read, and what the catalog knew of it.
struct WorkFile {
  const FoundFile* file;
  std::optional<FileRecord> previous;
};

// What became of a file once its reader was done with it.
struct FileOutcome {
  enum class Kind { kNotRead, kRead, kSameContent } kind = Kind::kNotRead;
  bool clean = false;  // read with no problem: it may enter the catalog
  FileRecord record;
};

struct Batch {
  size_t begin = 0, end = 0;  // indexes into the work list
  size_t files_left = 0;
  int shards_committed = 0;
  bool recorded = false;
};

class IndexRunner {
 public:
  IndexRunner(const IndexOptions& options, IndexProgress* progress, const std::atomic<bool>* stop,
              const std::function<void(const ReadProblem&)>& on_problem, IndexSummary* summary)
      : options_(options), progress_(progress), stop_(stop), on_problem_(on_problem), summary_(summary) {}

  Status Run() {
    Status status = Open();
    if (status.ok()) status = Walk();
    if (status.ok()) status = StartShards();
    if (status.ok()) status = Prune();
    if (status.ok()) status = ReadAndWrite();
    if (status.ok() && options_.entities) status = ResolveAcrossIndex();
    for (auto& shard : shards_) shard->Finish();
    summary_->added = counts_.added;
    summary_->updated = counts_.updated;
    summary_->unchanged += counts_.unchanged;
    summary_->removed = counts_.removed;
    summary_->interrupted = stop_->load();
    return status;
  }

 private:
  Status Open() {
    std::error_code error;
    if (!fs::is_directory(options_.articles_dir, error)) {
      return Status::Error("articles directory " + options_.articles_dir.string() +
                           (fs::exists(options_.articles_dir, error) ? " is not a directory" : " does not exist"));
    }
    IndexManifest manifest;
    Status status = CreateOrOpenIndexDirectory(
        options_.index_dir, options_.shards > 0 ? options_.shards : options_.cluster_shards > 0 ? 1 : DefaultShardCount(),
        &manifest, &lock_);
    if (!status.ok()) return status;
    status = Catalog::Open(CatalogPath(options_.index_dir).string(), &catalog_);
    if (!status.ok()) return status;
    if (options_.entities) {
      status = EntityModel::Load(DataDirectory(), &entity_model_);
      if (!status.ok()) return status;
    }
    shard_count_ = manifest.shards;
    return Status::Ok();
  }

  // After the walk, which says how much there is to write.
  Status StartShards() {
    const uint64_t bytes_per_shard = progress_->bytes_total / static_cast<uint64_t>(shard_count_);
    SetFlushThreshold(FlushThreshold(bytes_per_shard));
    std::string run_stamp = NewRunStamp();
    for (int shard = 0; shard < shard_count_; ++shard) {
      shards_.push_back(std::make_unique<ShardWriter>(ShardPath(options_.index_dir, shard), run_stamp,
                                                      entity_model_.get(), &counts_,
                                                      [this](ReadProblem problem) { Report(std::move(problem)); }));
      Status status = shards_.back()->Start();
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  Status Walk() {
    walk_ = WalkArticleFiles(options_.articles_dir, options_.index_dir);
    summary_->skipped = walk_.unsupported;
    summary_->skipped_by_extension = walk_.unsupported_by_extension;
    for (ReadProblem& problem : walk_.problems) Report(std::move(problem));
    for (const FoundFile& file : walk_.files) {
      std::optional<FileRecord> previous;
      if (Status status = catalog_->Find(file.relative_path, &previous); !status.ok()) return status;
      if (previous && previous->size == file.size && previous->mtime_ns == file.mtime_ns) {
        summary_->unchanged += previous->articles;
        continue;
      }
      work_.push_back({&file, previous});
      progress_->bytes_total += file.size;
    }
    progress_->files_total = static_cast<int64_t>(work_.size());
    progress_->walking = false;
    return Status::Ok();
  }

  // Catalogued files that are no longer on disk: their articles go only
  // when the user asks (--prune), since a missing disk or a typo in the
  // path would otherwise empty the index.
  Status Prune() {
    std::vector<std::string> gone;
    Status listed = catalog_->ForEachPath([&](const std::string& path) {
      bool present = std::binary_search(walk_.files.begin(), walk_.files.end(), path,
                                        [](const auto& a, const auto& b) { return PathOf(a) < PathOf(b); });
      if (!present) gone.push_back(path);
    });
    if (!listed.ok()) return listed;
    summary_->gone_files = static_cast<int64_t>(gone.size());
    if (gone.empty() || !options_.prune) return Status::Ok();
    batches_.push_back({});
    Status status = CommitBatch(0, {}, gone);
    if (!status.ok()) return status;
    for (const std::string& path : gone) {
      if (status = catalog_->Remove(path); !status.ok()) return status;
    }
    status = catalog_->Commit();
    batches_.clear();
    return status;
  }

  static const std::string& PathOf(const FoundFile& file) { return file.relative_path; }
  static const std::string& PathOf(const std::string& path) { return path; }

  Status ReadAndWrite() {
    PlanBatches();
    outcomes_.assign(work_.size(), FileOutcome{});
    int readers = options_.reader_threads > 0
                      ? options_.reader_threads
                      : std::max(1, static_cast<int>(std::thread::hardware_concurrency()) / 4);
    std::vector<std::thread> threads;
    for (int i = 0; i < readers; ++i) threads.emplace_back([this] { ReadFiles(); });

    Status status;
    for (size_t batch = 0; batch < batches_.size() && status.ok(); ++batch) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return batches_[batch].files_left == 0; });
        status = reader_failure_;
      }
      if (!status.ok()) break;
      std::vector<std::string> files_read;
      for (size_t i = batches_[batch].begin; i < batches_[batch].end; ++i) {
        if (outcomes_[i].kind == FileOutcome::Kind::kRead) files_read.push_back(work_[i].file->relative_path);
      }
      status = CommitBatch(batch, std::move(files_read), {});
      if (status.ok()) status = RecordInCatalog(batch);
    }
    if (!status.ok()) abort_ = true;
    for (auto& thread : threads) thread.join();
    return status;
  }

  // Once everything is committed: lone surnames meet the full names known
  // across the whole index, and display names of people and organisations
  // are chosen (shard 0 keeps them).
  Status ResolveAcrossIndex() {
    auto known = std::make_shared<KnownPeople>();
    auto organisation_names = std::make_shared<DisplayNames>();
    try {
      const Xapian::Database index(options_.index_dir.string());
      *known = GatherKnownPeople(index);
      *organisation_names = ChooseDisplayNames(index, layout::kOrganisationSpellingPrefix);
    } catch (const Xapian::Error& e) {
      return Status::Error("cannot read back the index to resolve names: " + e.get_description());
    }
    Status result;
    bool done = false;
    RunEnd end;
    end.known_people = known;
    end.organisation_names = organisation_names;
    end.on_done = [&](const Status& status) {
      std::lock_guard<std::mutex> lock(mutex_);
      result = status;
      done = true;
      changed_.notify_all();
    };
    shards_.front()->EndRun(std::move(end));
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return done; });
    return result;
  }

  void PlanBatches() {
    Batch batch;
    uint64_t bytes = 0;
    for (size_t i = 0; i < work_.size(); ++i) {
      bytes += work_[i].file->size;
      if (bytes >= options_.batch_bytes || static_cast<int64_t>(i + 1 - batch.begin) >= options_.batch_files ||
          i + 1 == work_.size()) {
        batch.end = i + 1;
        batch.files_left = batch.end - batch.begin;
        batches_.push_back(batch);
        batch = Batch{};
        batch.begin = i + 1;
        bytes = 0;
      }
    }
  }

  void ReadFiles() {
    while (true) {
      size_t index = next_file_++;
      if (index >= work_.size()) return;
      if (!stop_->load() && !abort_) ReadFileGuarded(index);
      std::lock_guard<std::mutex> lock(mutex_);
      Batch& batch = *std::find_if(batches_.begin(), batches_.end(),
                                   [&](const Batch& b) { return index >= b.begin && index < b.end; });
      if (--batch.files_left == 0) changed_.notify_all();
    }
  }

  // An exception from a reader (ICU, an allocation) ends the run with its
  // message, as a writer's does: escaping the thread would call
  // std::terminate. The file is not recorded as read.
  void ReadFileGuarded(size_t index) {
    try {
      ThrowIfInjected(InjectedFault::kReaderThrows);
      ReadFile(index);
    } catch (const std::exception& e) {
      outcomes_[index] = FileOutcome{};
      std::lock_guard<std::mutex> lock(mutex_);
      if (reader_failure_.ok()) {
        reader_failure_ = Status::Error("reading " + work_[index].file->relative_path + " failed: " + e.what());
      }
      abort_ = true;
    }
  }

  void ReadFile(size_t index) {
    const WorkFile& work = work_[index];
    const FoundFile& file = *work.file;
    FileOutcome& outcome = outcomes_[index];
    uint64_t hash = 0;
    // Touched but not changed (a copy, a checkout): no need to analyse it again.
    if (work.previous && HashFile(file.absolute_path, &hash) && hash == work.previous->content_hash) {
      outcome.kind = FileOutcome::Kind::kSameContent;
      outcome.clean = true;
      outcome.record = *work.previous;
      outcome.record.size = file.size;
      outcome.record.mtime_ns = file.mtime_ns;
      std::lock_guard<std::mutex> lock(mutex_);
      summary_->unchanged += work.previous->articles;
    } else {
      FileReadReport report = ReadArticleFile(
          file.absolute_path, file.relative_path, file.format, options_.max_bytes, [&](Article&& article) {
            if (options_.cluster_shards > 0 &&
                ShardOfArticle(article.id, options_.cluster_shards) != options_.cluster_shard) {
              return;  // another host's
            }
            int shard = ShardOf(article.id, static_cast<int>(shards_.size()));
            shards_[static_cast<size_t>(shard)]->Add(std::move(article));
            ++progress_->articles_done;
          });
      if (report.read_completely) outcome.kind = FileOutcome::Kind::kRead;
      outcome.clean = report.read_completely && report.problems.empty();
      outcome.record = {file.size, file.mtime_ns, report.content_hash, report.articles};
      for (ReadProblem& problem : report.problems) Report(std::move(problem));
    }
    progress_->bytes_done += file.size;
    ++progress_->files_done;
  }

  // Every shard commits the batch; returns once all have.
  Status CommitBatch(size_t batch, std::vector<std::string> files_read, std::vector<std::string> files_pruned) {
    Status failure;
    for (auto& shard : shards_) {
      BatchEnd end;
      end.batch = static_cast<int>(batch);
      end.files_read = files_read;
      end.files_pruned = files_pruned;
      end.on_committed = [this, &failure](int committed, const Status& status) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!status.ok() && failure.ok()) failure = status;
        ++batches_[static_cast<size_t>(committed)].shards_committed;
        changed_.notify_all();
      };
      shard->EndBatch(std::move(end));
    }
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return batches_[batch].shards_committed == static_cast<int>(shards_.size()); });
    return failure;
  }

  Status RecordInCatalog(size_t batch) {
    for (size_t i = batches_[batch].begin; i < batches_[batch].end; ++i) {
      if (!outcomes_[i].clean) continue;
      if (Status status = catalog_->Put(work_[i].file->relative_path, outcomes_[i].record); !status.ok()) {
        return status;
      }
    }
    return catalog_->Commit();
  }

  void Report(ReadProblem problem) {
    std::lock_guard<std::mutex> lock(report_mutex_);
    ++summary_->failed;
    on_problem_(problem);
    summary_->errors.push_back(std::move(problem));
  }

  const IndexOptions& options_;
  IndexProgress* progress_;
  const std::atomic<bool>* stop_;
  const std::function<void(const ReadProblem&)>& on_problem_;
  IndexSummary* summary_;

  std::unique_ptr<IndexLock> lock_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<EntityModel> entity_model_;
  int shard_count_ = 0;
  ShardCounts counts_;
  std::vector<std::unique_ptr<ShardWriter>> shards_;
  WalkResult walk_;
  std::vector<WorkFile> work_;
  std::vector<FileOutcome> outcomes_;
  std::vector<Batch> batches_;
  std::atomic<size_t> next_file_{0};
  std::atomic<bool> abort_{false};
  Status reader_failure_;  // the first exception on a reader thread
  std::mutex mutex_;  // guards batches_, reader_failure_ and summary_->unchanged
  std::condition_variable changed_;
  std::mutex report_mutex_;
};

}  // namespace

Status RunIndex(const IndexOptions& options, IndexProgress* progress, const std::atomic<bool>* stop,
                const std::function<void(const ReadProblem&)>& on_problem, IndexSummary* summary) {
  auto started = std::chrono::steady_clock::now();
  Status status;
  // The worker threads turn what they throw into a Status; this catches
  // what the run's own thread might throw (a file system error, an
  // allocation), so that the command still reports and exits 2.
  try {
    status = IndexRunner(options, progress, stop, on_problem, summary).Run();
  } catch (const Xapian::Error& e) {
    status = Status::Error("the run failed: " + e.get_description());
  } catch (const std::exception& e) {
    status = Status::Error(std::string("the run failed: ") + e.what());
  }
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return status;
}

}  // namespace newsfacet
