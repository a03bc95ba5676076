#include "caching_stemmer.h"

namespace newsfacet {

std::string CachingStemmer::operator()(const std::string& word) {
  if (auto it = stems_.find(word); it != stems_.end()) return it->second;
  if (stems_.size() >= kMaxWords) stems_.clear();
  std::string stem = stemmer_(word);
  stems_.emplace(word, stem);
  return stem;
}

}  // namespace newsfacet
