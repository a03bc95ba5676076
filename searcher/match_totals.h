// A search's total: what the ranking knows of it, and what a count pass
// over the whole query makes of it.
#pragma once

#include <xapian.h>

#include "searcher/search_response.h"
#include "searcher/shard_counts.h"

namespace newsfacet {

// Xapian's estimate and bounds, exact when the bounds meet.
MatchTotal TotalOf(const Xapian::MSet& mset);

// The total from a count pass over the whole query: its stories when
// collapsed, else its matches. Past the count limit the pass estimates it,
// kept within the bounds the ranking knows (`ranked`).
MatchTotal CountedTotal(const CountResult& all, bool collapse, const MatchTotal& ranked);

}  // namespace newsfacet
