// The catalog: which article files the index holds, and in which version.
//
// It is what makes re-runs cheap and safe. A file enters the catalog only
// after every article read from it is committed in its shard, so a run
// killed at any moment leaves, at worst, files that the next run reads
// again (re-adding an article replaces it by id: no duplicates).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <xapian.h>

namespace newsfacet {

struct FileRecord {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t content_hash = 0;
  int64_t articles = 0;
};

class Catalog {
 public:
  // Opens or creates the catalog database in `directory`. Throws
  // Xapian::Error when it cannot (the caller reports it).
  explicit Catalog(const std::string& directory);

  std::optional<FileRecord> Find(const std::string& relative_path) const;
  void Put(const std::string& relative_path, const FileRecord& record);
  void Remove(const std::string& relative_path);
  void Commit();

  // Every catalogued path.
  void ForEachPath(const std::function<void(const std::string&)>& visit) const;

 private:
  Xapian::WritableDatabase db_;
};

}  // namespace newsfacet
