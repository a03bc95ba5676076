// How free text becomes terms, configured once for both sides.
//
// The indexer's terms and the searcher's QueryParser must split, case-fold
// and stem text identically, or a query would miss the words it names. Both
// are set up here; the indexer writes terms with TermWriter (term_writer.h),
// which gives exactly what a TermGenerator set up here would, faster.
#pragma once

#include <string_view>

#include <xapian.h>

namespace newsfacet {

// English stemming with STEM_SOME: every word is indexed exactly (with
// positions, for phrases and NEAR) and stemmed under "Z" (for recall).
// CJK text is split into n-grams so it is searchable at all.
void ConfigureTermGenerator(Xapian::TermGenerator& generator);
void ConfigureQueryParser(Xapian::QueryParser& parser);

// The stemmer both sides use.
Xapian::Stem NewsStemmer();

}  // namespace newsfacet
