#include "searcher/page_ranker.h"

#include <algorithm>
#include <limits>

#include "schemas/index_layout.h"

namespace newsfacet {
namespace {

void SortByDate(SortOrder sort, Xapian::MultiValueKeyMaker* by_date, Xapian::Enquire* enquire) {
  const bool newest_first = sort == SortOrder::kDateDescending;
  // Undated articles go last either way: reversed, an empty value sorts
  // after every date; forwards, it is given one after every date.
  by_date->add_value(layout::kDateSlot, newest_first, newest_first ? "" : "99999999");
  // Within a day, by time; an article without one sorts as midnight.
  by_date->add_value(layout::kTimeSlot, newest_first);
  enquire->set_sort_by_key_then_relevance(by_date, false);
}

// Ranks with `enquire` as set; whether the page came out full.
bool RankWith(Xapian::Enquire& enquire, const SearchRequest& request, RankedPage* ranked) {
  ranked->hits.clear();
  ranked->head = std::make_unique<StoryCounter>();
  if (request.collapse) {
    ranked->hits = RankStories(enquire, request.offset, request.limit, &ranked->mset, ranked->head.get());
  } else {
    ranked->mset = enquire.get_mset(request.offset, request.limit);
    for (auto it = ranked->mset.begin(); it != ranked->mset.end(); ++it) ranked->hits.push_back(it);
  }
  return ranked->hits.size() >= static_cast<size_t>(request.limit);
}

// Ranks `query`; whether the page came out full.
bool RankInto(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& request, bool remote,
              RankedPage* ranked) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Xapian::MultiValueKeyMaker by_date;
  if (remote) {
    // A remote server takes no KeyMaker: by the day alone, then relevance.
    if (request.sort != SortOrder::kRelevance) {
      enquire.set_sort_by_value_then_relevance(layout::kDateSlot, request.sort == SortOrder::kDateDescending);
    }
    // Nothing is collapsed (no key has that many matches), but each ranked
    // match comes with its key, which RankStories would otherwise read from
    // its document, a round trip each. (It blurs the ranking's estimate of
    // the matches, which the count passes give when collapsing.)
    if (request.collapse) {
      enquire.set_collapse_key(layout::kNearDuplicateSlot, std::numeric_limits<Xapian::doccount>::max());
    }
  } else if (request.sort != SortOrder::kRelevance) {
    SortByDate(request.sort, &by_date, &enquire);
  }
  return RankWith(enquire, request, ranked);
}

}  // namespace

std::vector<std::string> NewestMonthTerms(const Xapian::Database& db) {
  const std::string prefix(layout::kMonthPrefix);
  std::vector<std::string> months;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) months.push_back(*it);
  std::reverse(months.begin(), months.end());
  return months;
}

RankedPage RankPage(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& request, bool remote) {
  RankedPage ranked;
  if (request.sort == SortOrder::kDateDescending && request.limit > 0) {
    const std::vector<std::string> months = NewestMonthTerms(db);
    for (size_t taken = 1; taken < months.size(); taken *= 2) {
      const Xapian::Query newest(Xapian::Query::OP_OR, months.begin(), months.begin() + static_cast<std::ptrdiff_t>(taken));
      if (RankInto(db, Xapian::Query(Xapian::Query::OP_FILTER, query, newest), request, remote, &ranked)) {
        ranked.newest_months_only = true;
        return ranked;
      }
    }
  }
  RankInto(db, query, request, remote, &ranked);
  return ranked;
}

}  // namespace newsfacet
