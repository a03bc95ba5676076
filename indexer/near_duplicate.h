// The near-duplicate key of an article: articles that tell the same story in
// nearly the same words (a wire story filed twice, a lightly corrected
// repeat) get the same key, so the searcher can collapse them on it
// (searcher/story_counter.h, on layout::kNearDuplicateSlot).
//
// A bottom-k MinHash sketch over word 3-shingles of the title and the lead
// (the first kLeadWords words of the body), folded as search folds text:
// two articles get the same key when the kSketchSize smallest shingle
// hashes of each are the same, which happens with probability about
// J^kSketchSize for shingle sets of Jaccard similarity J (0.66 at J = 0.9,
// 0.41 at 0.8, 0.006 at 0.3). Boilerplate that many articles share, a
// dateline ("NEW YORK, April 24 -") or a headline's opening words, holds too
// few shingles to fill the sketch, and an article with fewer than
// kMinShingles shingles (a headline alone) gets no key. Templated stories
// (market reports, earnings tables) share most shingles, so the key also
// holds the set of figures (numbers) in the title and lead: stories with
// other figures are other stories.
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

inline constexpr int kLeadWords = 60;
inline constexpr size_t kSketchSize = 4;
// Fewer shingles than this say too little to call two articles the same.
inline constexpr size_t kMinShingles = 20;

// 12 hex digits, or "" for an article too short to have a key (Xapian
// collapses nothing on an empty value). Deterministic across runs and
// machines (stable_hash.h), so the key does not depend on indexing order.
std::string NearDuplicateKey(std::string_view title, std::string_view body);

}  // namespace newsfacet
