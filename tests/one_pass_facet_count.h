// The reference the searcher's counting is tested against: one facet
// counted over every match of a query, in one pass over one handle on the
// calling thread.
#pragma once

#include <xapian.h>

#include "searcher/facet_counter.h"

namespace newsfacet::testing {

inline IdCounts OnePassFacetCount(const Xapian::Database& db, const Xapian::Query& query, Facet facet,
                                  const SurnameLookup* surnames = nullptr) {
  FacetCounter counter(facet, surnames);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.add_matchspy(&counter);
  enquire.get_mset(0, 0, db.get_doccount());
  return counter.counts();
}

}  // namespace newsfacet::testing
