#include "searcher/label_cache.h"

#include <algorithm>
#include <mutex>

namespace newsfacet {

bool LabelCache::SameGeneration(const std::shared_ptr<const SurnameMap>& generation) const {
  return !generation_.owner_before(generation) && !generation.owner_before(generation_);
}

std::vector<std::pair<std::string, std::string>> LabelCache::Matching(
    const Xapian::Database& db, Facet facet, const std::vector<std::string>& ids, std::string_view prefix,
    const std::shared_ptr<const SurnameMap>& generation) {
  const std::string wanted = NormalizeLabel(prefix);
  std::vector<size_t> missing;  // positions in `ids` not cached yet
  std::vector<std::pair<size_t, std::string>> found;  // position, label
  {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    const bool current = SameGeneration(generation);
    const auto& entries = At(entries_, facet);
    for (size_t i = 0; i < ids.size(); ++i) {
      auto entry = current ? entries.find(ids[i]) : entries.end();
      if (entry == entries.end()) {
        missing.push_back(i);
      } else if (labels_.MatchesNormalizedPrefix(facet, ids[i], entry->second.id_words, entry->second.label_words,
                                                 wanted)) {
        found.emplace_back(i, entry->second.label);
      }
    }
  }
  if (!missing.empty()) {
    // Named outside the lock: reading the index is the slow part.
    std::vector<std::pair<std::string, Entry>> named;
    named.reserve(missing.size());
    for (size_t i : missing) {
      Entry entry;
      entry.label = labels_.Label(facet, db, ids[i]);
      entry.label_words = NormalizeLabel(entry.label);
      entry.id_words = NormalizeLabel(ids[i]);
      if (labels_.MatchesNormalizedPrefix(facet, ids[i], entry.id_words, entry.label_words, wanted)) {
        found.emplace_back(i, entry.label);
      }
      named.emplace_back(ids[i], std::move(entry));
    }
    std::unique_lock<std::shared_mutex> lock(mutex_);
    if (!SameGeneration(generation)) {
      for (auto& entries : entries_) entries.clear();
      generation_ = generation;
    }
    for (auto& [id, entry] : named) At(entries_, facet).emplace(std::move(id), std::move(entry));
  }
  std::sort(found.begin(), found.end());
  std::vector<std::pair<std::string, std::string>> matching;
  matching.reserve(found.size());
  for (auto& [position, label] : found) matching.emplace_back(ids[position], std::move(label));
  return matching;
}

}  // namespace newsfacet
