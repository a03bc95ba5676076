#include "searcher/match_totals.h"

#include <algorithm>

namespace newsfacet {

MatchTotal TotalOf(const Xapian::MSet& mset) {
  return {mset.get_matches_estimated(), mset.get_matches_lower_bound(), mset.get_matches_upper_bound(),
          mset.get_matches_lower_bound() == mset.get_matches_upper_bound()};
}

MatchTotal CountedTotal(const CountResult& all, bool collapse, const MatchTotal& ranked) {
  const Xapian::doccount value = collapse ? all.stories : all.matches;
  if (all.exact) return {value, value, value, true};
  return {value, std::min(value, ranked.lower), std::max(value, ranked.upper), false};
}

}  // namespace newsfacet
