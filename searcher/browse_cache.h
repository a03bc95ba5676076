// Answers to browses (searches without words: the home page, "everything
// about Turkey"), kept until the index changes.
//
// A browse is sorted newest first, so its ranking reads the date of every
// match, and its counts read every match or a sample of them: on a large
// archive that is the slowest request there is, and the most repeated (the
// home page). An answer is kept under its request's every parameter and
// the revisions of the shards and the surname map it was read at; any
// commit, or a new surname map, makes every kept answer stale.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "searcher/search_request.h"
#include "searcher/search_response.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

// Every parameter of `request`, in one string: two requests with the same
// key get the same answer from the same index.
std::string BrowseKey(const SearchRequest& request);

class BrowseCache {
 public:
  explicit BrowseCache(size_t capacity = 64) : capacity_(capacity) {}

  // What the index looked like when an answer was read.
  struct Revision {
    std::vector<Xapian::rev> shards;
    std::shared_ptr<const SurnameMap> names;
    bool operator==(const Revision& other) const { return shards == other.shards && names == other.names; }
  };

  // The kept answer to `key` at `revision`, or null.
  std::shared_ptr<const SearchResponse> Find(const std::string& key, const Revision& revision);
  // Keeps `response`; the least recently used answer goes past capacity.
  void Store(const std::string& key, const Revision& revision, std::shared_ptr<const SearchResponse> response);

 private:
  const size_t capacity_;
  std::mutex mutex_;
  Revision revision_;  // of every kept answer
  std::list<std::string> recent_;  // keys, most recently used first
  struct Kept {
    std::shared_ptr<const SearchResponse> response;
    std::list<std::string>::iterator place;
  };
  std::unordered_map<std::string, Kept> kept_;
};

}  // namespace newsfacet
