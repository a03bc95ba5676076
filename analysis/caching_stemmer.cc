#include "analysis/caching_stemmer.h"

namespace newsfacet {

const std::string& CachingStemmer::StemOf(std::string_view word) {
  if (auto it = stems_.find(word); it != stems_.end()) return it->second;
  if (stems_.size() >= kMaxWords) stems_.clear();
  std::string key(word);
  std::string stem = stemmer_(key);
  return stems_.emplace(std::move(key), std::move(stem)).first->second;
}

}  // namespace newsfacet
