#include "searcher/browse_cache.h"

namespace newsfacet {
namespace {

// Appends `value` with its length first, so that no two field lists join
// into the same string.
void AppendField(std::string_view value, std::string* key) {
  *key += std::to_string(value.size());
  key->push_back(':');
  key->append(value);
}

// True when every shard of `a` is at or before its revision in `b`, and
// one is before.
bool IsOlder(const std::vector<Xapian::rev>& a, const std::vector<Xapian::rev>& b) {
  if (a.size() != b.size() || a == b) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i]) return false;
  }
  return true;
}

}  // namespace

std::string BrowseKey(const SearchRequest& request) {
  std::string key;
  const SearchScope& scope = request.scope;
  AppendField(scope.query, &key);
  for (Facet facet : kAllFacets) {
    AppendField(At(scope.all_of, facet) ? "and" : "or", &key);
    AppendField(std::to_string(At(scope.filters, facet).size()), &key);
    for (const std::string& value : At(scope.filters, facet)) AppendField(value, &key);
    AppendField(At(request.facets, facet) ? "counted" : "not", &key);
  }
  AppendField(scope.from_day, &key);
  AppendField(scope.to_day, &key);
  AppendField(scope.partial ? "partial" : "whole", &key);
  AppendField(scope.near_duplicate_key, &key);
  for (int number : {static_cast<int>(request.sort), request.offset, request.limit, request.facet_limit,
                     static_cast<int>(request.histogram), request.collapse ? 1 : 0}) {
    AppendField(std::to_string(number), &key);
  }
  return key;
}

std::shared_ptr<const SearchResponse> BrowseCache::Find(const std::string& key, const Revision& revision) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!(revision == revision_)) return nullptr;
  auto it = kept_.find(key);
  if (it == kept_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, it->second.place);
  return it->second.response;
}

void BrowseCache::Store(const std::string& key, const Revision& revision,
                        std::shared_ptr<const SearchResponse> response) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!(revision == revision_)) {
    // A request that read an older commit than the kept answers' finishes
    // late: its answer is stale already, and the newer ones stay.
    if (IsOlder(revision.shards, revision_.shards)) return;
    kept_.clear();
    recent_.clear();
    revision_ = revision;
  }
  if (auto it = kept_.find(key); it != kept_.end()) {
    it->second.response = std::move(response);
    recent_.splice(recent_.begin(), recent_, it->second.place);
    return;
  }
  recent_.push_front(key);
  kept_.emplace(key, Kept{std::move(response), recent_.begin()});
  if (kept_.size() > capacity_) {
    kept_.erase(recent_.back());
    recent_.pop_back();
  }
}

}  // namespace newsfacet
