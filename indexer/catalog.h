// The catalog: which article files the index holds, and in which version.
//
// It is what makes re-runs cheap and safe. A file enters the catalog only
// after every article read from it is committed in its shard, so a run
// killed at any moment leaves, at worst, files that the next run reads
// again (re-adding an article replaces it by id: no duplicates).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <xapian.h>

#include "common/status.h"

namespace newsfacet {

struct FileRecord {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t content_hash = 0;
  int64_t articles = 0;
};

// Every operation returns a Status: a catalog that cannot be read or
// written (a damaged table, a full disk) fails the run with a message,
// never with an exception.
class Catalog {
 public:
  // Opens or creates the catalog database in `directory`.
  static Status Open(const std::string& directory, std::unique_ptr<Catalog>* catalog);

  // `*record` is empty when the path is not catalogued.
  Status Find(const std::string& relative_path, std::optional<FileRecord>* record) const;
  Status Put(const std::string& relative_path, const FileRecord& record);
  Status Remove(const std::string& relative_path);
  Status Commit();

  // Every catalogued path.
  Status ForEachPath(const std::function<void(const std::string&)>& visit) const;

 private:
  explicit Catalog(Xapian::WritableDatabase db) : db_(std::move(db)) {}
  Status Failed(const char* doing, const Xapian::Error& error) const;

  std::string directory_;
  Xapian::WritableDatabase db_;
};

}  // namespace newsfacet
