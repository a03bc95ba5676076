#include "searcher/match_totals.h"

#include <doctest/doctest.h>

using namespace newsfacet;

TEST_CASE("a counted total is the stories when collapsed, exact when counted in full, else kept within the ranking's bounds") {
  CountResult counted;
  counted.matches = 120;
  counted.stories = 100;
  const MatchTotal ranked = {90, 80, 200, false};
  const MatchTotal exact = CountedTotal(counted, /*collapse=*/true, ranked);
  CHECK(exact.value == 100);
  CHECK(exact.lower == 100);
  CHECK(exact.upper == 100);
  CHECK(exact.exact);
  CHECK(CountedTotal(counted, /*collapse=*/false, ranked).value == 120);

  counted.exact = false;
  counted.matches = 250;  // the sample's estimate, above the ranking's upper bound
  const MatchTotal estimated = CountedTotal(counted, /*collapse=*/false, ranked);
  CHECK(estimated.value == 250);
  CHECK(estimated.lower == 80);
  CHECK(estimated.upper == 250);
  CHECK_FALSE(estimated.exact);
}
