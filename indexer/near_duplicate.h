// The near-duplicate key of an article: articles that tell the same story in
// nearly the same words (a wire story filed twice, a lightly corrected
// repeat) get the same key, so the searcher can collapse them on it
// (Xapian's Enquire::set_collapse_key on layout::kNearDuplicateSlot).
//
// A MinHash signature over word 3-shingles of the title and the lead (the
// first kLeadWords words of the body), folded as search folds text. Two
// articles get the same key when kKeyHashes independent minimum hashes all
// agree, which happens with probability J^kKeyHashes for shingle sets of
// Jaccard similarity J: 0.64 at J = 0.8, 0.01 at J = 0.1. Templated stories
// (market reports, earnings tables) share most shingles, so the key also
// holds the set of figures (numbers) in the title and lead: stories with
// other figures are other stories.
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

inline constexpr int kLeadWords = 60;
inline constexpr int kKeyHashes = 2;
// Fewer shingles than this say too little to call two articles the same.
inline constexpr size_t kMinShingles = 6;

// 16 hex digits, or "" for an article too short to have a key (Xapian
// collapses nothing on an empty value). Deterministic across runs and
// machines (stable_hash.h), so the key does not depend on indexing order.
std::string NearDuplicateKey(std::string_view title, std::string_view body);

}  // namespace newsfacet
