// The page of hits a search shows: its matches ranked (by relevance or by
// date), near-duplicates collapsed into stories when asked, and no further
// than the page needs.
//
// Newest first, Xapian must read the date of every match to rank them, so
// a broad browse (the home page) costs as much as the archive is large.
// Articles of a later month always rank before those of an earlier one, so
// the ranking is tried on the newest months first (their kMonthPrefix
// terms), doubling them until the page is full; the page is then exactly
// what ranking every match gives. Undated articles rank last: a page that
// reaches them is ranked over every match.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/search_request.h"
#include "searcher/story_counter.h"

namespace newsfacet {

struct RankedPage {
  Xapian::MSet mset;                      // the ranking the hits point into
  std::vector<Xapian::MSetIterator> hits;  // the page, in order
  // Near-duplicate keys of every ranked match, when collapsed.
  std::unique_ptr<StoryCounter> head = std::make_unique<StoryCounter>();
  // True when only the newest months were ranked: `mset`'s totals are then
  // theirs, not the query's.
  bool newest_months_only = false;
};

// `remote`: `db` is a cluster's (remote_shards.h), whose servers run no
// KeyMaker: dates then sort by the day alone, then relevance.
RankedPage RankPage(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& request,
                    bool remote = false);

// The index's kMonthPrefix terms, newest first.
std::vector<std::string> NewestMonthTerms(const Xapian::Database& db);

}  // namespace newsfacet
