#include "indexer/near_duplicate.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "analysis/search_folding.h"
#include "common/stable_hash.h"

namespace newsfacet {
namespace {

// Lower-case ASCII words and numbers of folded text: "U.S." is "u" "s",
// "1,200" is "1" "200"; other scripts' bytes stay inside words.
void AppendWords(std::string_view folded, size_t max_words, std::vector<std::string>* words) {
  std::string word;
  auto flush = [&] {
    if (!word.empty() && words->size() < max_words) words->push_back(word);
    word.clear();
  };
  for (char c : folded) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80) {
      word.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      flush();
      if (words->size() >= max_words) return;
    }
  }
  flush();
}

}  // namespace

std::string NearDuplicateKey(std::string_view title, std::string_view body) {
  std::vector<std::string> words;
  AppendWords(FoldForSearch(title), std::numeric_limits<size_t>::max(), &words);
  const size_t title_words = words.size();
  AppendWords(FoldForSearch(body.substr(0, std::min<size_t>(body.size(), kLeadWords * 16))),
              title_words + kLeadWords, &words);
  if (words.size() < kMinShingles + 2) return "";
  // The kSketchSize smallest shingle hashes (a bottom-k MinHash sketch).
  std::vector<uint64_t> smallest;
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    uint64_t hash = StableHash(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
    hash = (hash ^ (hash >> 31)) * 0xbf58476d1ce4e5b9ull;  // splitmix64's finaliser: FNV-1a's
    hash = (hash ^ (hash >> 27)) * 0x94d049bb133111ebull;  // low bits alone are weak
    hash ^= hash >> 31;
    if (std::find(smallest.begin(), smallest.end(), hash) != smallest.end()) continue;
    if (smallest.size() < kSketchSize) {
      smallest.push_back(hash);
    } else {
      auto largest = std::max_element(smallest.begin(), smallest.end());
      if (hash < *largest) *largest = hash;
    }
  }
  std::sort(smallest.begin(), smallest.end());
  // Templated stories (a market report, an earnings table) share most of
  // their words and differ in their figures: the same figures are part of
  // being the same story.
  std::vector<std::string> figures;
  for (const std::string& word : words) {
    if (word[0] >= '0' && word[0] <= '9') figures.push_back(word);
  }
  std::sort(figures.begin(), figures.end());
  figures.erase(std::unique(figures.begin(), figures.end()), figures.end());
  uint64_t key = kStableHashSeed;
  for (const std::string& figure : figures) key = StableHash(figure + ' ', key);
  for (uint64_t each : smallest) {
    char bytes[8];
    for (int b = 0; b < 8; ++b) bytes[b] = static_cast<char>(each >> (8 * b));  // the same on every machine
    key = StableHash(std::string_view(bytes, sizeof bytes), key);
  }
  return HashHex(key).substr(4);  // 48 bits: short enough to be copied without allocating
}

}  // namespace newsfacet
