#include "indexer/shard_writer.h"

#include <algorithm>

#include "indexer/document_builder.h"
#include "schemas/index_layout.h"
#include "common/injected_fault.h"
#include "common/stable_hash.h"
#include "schemas/store/shard_routing.h"

namespace newsfacet {
namespace {

// Enough queued articles to keep the writer busy while a reader parses the
// next file, few enough that the queue never holds much memory.
constexpr size_t kQueueCapacity = 256;

}  // namespace

int ShardOf(const std::string& article_id, int shard_count) {
  return ShardOfArticle(article_id, shard_count);
}

ShardWriter::ShardWriter(std::filesystem::path path, std::string run_stamp, const EntityModel* entities,
                         ShardCounts* counts, std::function<void(ReadProblem)> report_problem)
    : path_(std::move(path)),
      run_stamp_(std::move(run_stamp)),
      counts_(counts),
      report_problem_(std::move(report_problem)),
      queue_(kQueueCapacity) {
  if (entities) extractor_.emplace(*entities);
}

ShardWriter::~ShardWriter() {
  if (thread_.joinable()) Finish();
}

Status ShardWriter::Start() {
  try {
    db_ = Xapian::WritableDatabase(path_.string(),
                                   Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::DatabaseLockError&) {
    return Status::Error("shard " + path_.string() + " is locked by another writer");
  } catch (const Xapian::Error& e) {
    return Status::Error("cannot open shard " + path_.string() + ": " + e.get_description());
  }
  started_empty_ = db_.get_doccount() == 0;
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

void ShardWriter::Add(Article article) { queue_.Push(std::move(article)); }

void ShardWriter::EndBatch(BatchEnd batch_end) { queue_.Push(std::move(batch_end)); }

void ShardWriter::EndRun(RunEnd run_end) { queue_.Push(std::move(run_end)); }

void ShardWriter::Finish() {
  queue_.Close();
  if (thread_.joinable()) thread_.join();
}

void ShardWriter::Run() {
  while (std::optional<Operation> operation = queue_.Pop()) {
    if (auto* article = std::get_if<Article>(&*operation)) {
      if (failure_.ok()) Attempt("writing", [&] { Write(*article); });
    } else if (auto* run_end = std::get_if<RunEnd>(&*operation)) {
      if (failure_.ok()) Attempt("finishing", [&] { EndRunNow(*run_end); });
      run_end->on_done(failure_);
    } else {
      const BatchEnd& batch_end = std::get<BatchEnd>(*operation);
      if (failure_.ok()) Attempt("committing", [&] { EndBatchNow(batch_end); });
      batch_end.on_committed(batch_end.batch, failure_);
    }
  }
}

// Anything thrown on this thread becomes the shard's failure, which ends
// the run at its next batch: an exception escaping a thread would call
// std::terminate and lose the run's report.
void ShardWriter::Attempt(const char* doing, const std::function<void()>& step) {
  try {
    step();
  } catch (const Xapian::Error& e) {
    failure_ = Status::Error(std::string(doing) + " shard " + path_.string() + " failed: " + e.get_description());
  } catch (const std::exception& e) {
    failure_ = Status::Error(std::string(doing) + " shard " + path_.string() + " failed: " + e.what());
  }
}

void ShardWriter::Write(const Article& article) {
  ThrowIfInjected(InjectedFault::kWriterThrows);
  std::string id_term = layout::KeyOf(layout::kIdPrefix, article.id);
  if (!ids_seen_this_run_.insert(StableHash(id_term)).second) {
    report_problem_({article.path, article.line,
                     "duplicate id \"" + article.id + "\": another article read in this run has it; skipped"});
    return;
  }
  // A shard that started empty holds nothing from earlier runs, and
  // duplicates within this run are caught above: no lookup needed.
  Xapian::docid existing = 0;
  if (!started_empty_) {
    Xapian::PostingIterator posting = db_.postlist_begin(id_term);
    if (posting != db_.postlist_end(id_term)) existing = *posting;
  }
  if (existing != 0) {
    Xapian::Document old = db_.get_document(existing);
    std::string old_path = old.get_value(layout::kSourcePathSlot);
    if (old_path != article.path) {
        report_problem_({article.path, article.line,
                       "duplicate id \"" + article.id + "\": already indexed from " + old_path + "; skipped"});
      return;
    }
    Xapian::Document doc = builder_.Build(article, Entities(article), run_stamp_);
    if (old.get_value(layout::kContentHashSlot) == doc.get_value(layout::kContentHashSlot)) {
      // Same article, perhaps in a new version of its file: only the stamp
      // changes, and Xapian rewrites no terms for a values-only change.
      if (old.get_value(layout::kRunStampSlot) != run_stamp_) {
        old.add_value(layout::kRunStampSlot, run_stamp_);
        db_.replace_document(existing, old);
      }
      ++counts_->unchanged;
      return;
    }
    AddSpelling(doc);
    db_.replace_document(existing, doc);
    ++counts_->updated;
    return;
  }
  Xapian::Document doc = builder_.Build(article, Entities(article), run_stamp_);
  AddSpelling(doc);
  db_.add_document(doc);
  ++counts_->added;
}

// Title words feed "did you mean": titles are short, edited, and name what
// people search for, so the dictionary stays small and clean (body text
// would double its size with typos and codes).
void ShardWriter::AddSpelling(const Xapian::Document& doc) {
  const std::string prefix(layout::kTitlePrefix);
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& term = *it;
    if (term.compare(0, prefix.size(), prefix) != 0) {
      if (term > prefix) break;  // terms come sorted: past the title's
      continue;
    }
    std::string_view word = std::string_view(term).substr(prefix.size());
    bool letters = word.size() >= 4 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (letters) db_.add_spelling(std::string(word));
  }
}

namespace {

// Entity extraction holds several times its text in tokens and candidates,
// so memory would grow with the largest article many times over. People,
// countries and events are what an article is about, which its first
// megabyte tells (a news article is rarely a tenth of that); all of the
// text stays searchable.
constexpr size_t kEntityTextBytes = 1 << 20;

// The body's first kEntityTextBytes, cut at a space so that no word or
// UTF-8 sequence is split.
std::string BodyHead(const std::string& body) {
  size_t cut = body.rfind(' ', kEntityTextBytes);
  return body.substr(0, cut == std::string::npos ? 0 : cut);
}

}  // namespace

ArticleEntities ShardWriter::Entities(const Article& article) const {
  if (!extractor_) return ArticleEntities{};
  if (article.body.size() <= kEntityTextBytes) return extractor_->Extract(article);
  Article head;
  head.id = article.id;
  head.title = article.title;
  head.body = BodyHead(article.body);
  head.date = article.date;
  head.url = article.url;
  head.source = article.source;
  head.authors = article.authors;
  head.language = article.language;
  head.path = article.path;
  head.line = article.line;
  return extractor_->Extract(head);
}

void ShardWriter::DeleteMatching(const std::string& term, bool keep_this_runs) {
  std::vector<Xapian::docid> doomed;
  for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
    if (keep_this_runs && db_.get_document(*it).get_value(layout::kRunStampSlot) == run_stamp_) continue;
    doomed.push_back(*it);
  }
  for (Xapian::docid docid : doomed) db_.delete_document(docid);
  counts_->removed += static_cast<int64_t>(doomed.size());
}

void ShardWriter::EndBatchNow(const BatchEnd& batch_end) {
  for (const std::string& path : batch_end.files_pruned) {
    DeleteMatching(layout::KeyOf(layout::kSourceFilePrefix, path), /*keep_this_runs=*/false);
  }
  if (!started_empty_) {
    for (const std::string& path : batch_end.files_read) {
      DeleteMatching(layout::KeyOf(layout::kSourceFilePrefix, path), /*keep_this_runs=*/true);
    }
  }
  db_.commit();
}

}  // namespace newsfacet

namespace newsfacet {

void ShardWriter::EndRunNow(const RunEnd& run_end) {
  WritePeopleMetadata(db_, *run_end.known_people);
  SyncMetadata(db_, layout::kOrganisationNameKey, *run_end.organisation_names);
  db_.commit();
}

}  // namespace newsfacet
