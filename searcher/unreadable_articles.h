// The articles whose stored copy (schemas/store/stored_article.h) could not be
// read: damaged on disk, or written by a broken build. The searcher leaves
// them out of its answers rather than showing blank hits, logs each once,
// and reports how many it has met (/api/health's unreadable_articles), so
// that a damaged index is noticed and rebuilt.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_set>

#include <xapian.h>

namespace newsfacet {

class UnreadableArticles {
 public:
  // Records `doc` (document `docid` of the searched index) as unreadable;
  // the first time, says so on stderr.
  void Note(const Xapian::Document& doc, Xapian::docid docid);
  // Distinct unreadable articles met so far.
  int64_t count() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_set<std::string> seen_;  // id terms, or "#docid" without one
};

}  // namespace newsfacet
