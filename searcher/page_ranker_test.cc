#include "searcher/page_ranker.h"

#include <doctest/doctest.h>

#include "tests/facet_test_index.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

std::vector<Xapian::docid> Docids(const RankedPage& ranked) {
  std::vector<Xapian::docid> docids;
  for (const Xapian::MSetIterator& it : ranked.hits) docids.push_back(*it);
  return docids;
}

}  // namespace

TEST_CASE("newest first, ranking the newest months gives every page that ranking every match gives") {
  // Articles over eight months, a few a month, two undated ones and one
  // story filed twice; pages of every size and offset.
  std::vector<TestArticle> articles;
  for (int month = 1; month <= 8; ++month) {
    for (int i = 0; i < month % 3 + 1; ++i) {
      const std::string n = std::to_string(month) + "-" + std::to_string(i);
      articles.push_back(MakeArticle("a" + n, "2016-0" + std::to_string(month) + "-1" + std::to_string(i),
                                     "Report " + n, "Market report number " + n + " on prices."));
    }
  }
  articles.push_back(MakeArticle("copy-1", "2016-08-20", "Oil rises", "Oil rose sharply on Friday in London."));
  articles.push_back(MakeArticle("copy-2", "2016-08-20", "Oil rises", "Oil rose sharply on Friday in London."));
  articles.push_back(MakeArticle("undated-1", "", "Undated note", "A note without a date."));
  articles.push_back(MakeArticle("undated-2", "", "Another note", "Another note without a date."));
  TempDir dir;
  BuildFacetTestIndex(dir / "index", 2, articles);
  Xapian::Database db((dir / "index").string());
  REQUIRE(NewestMonthTerms(db).size() == 8);
  CHECK(NewestMonthTerms(db).front() == "M201608");

  bool some_page_from_newest_months = false;
  for (const char* collapse : {"true", "false"}) {
    for (int limit : {1, 2, 5, 40}) {
      for (int offset = 0; offset < static_cast<int>(articles.size()); offset += 3) {
        CAPTURE(collapse);
        CAPTURE(limit);
        CAPTURE(offset);
        SearchRequest request;
        REQUIRE_FALSE(ParseSearchRequest({{"sort", "-date"}, {"collapse", collapse}, {"limit", std::to_string(limit)},
                                          {"offset", std::to_string(offset)}},
                                         &request));
        const RankedPage windowed = RankPage(db, Xapian::Query::MatchAll, request);
        some_page_from_newest_months = some_page_from_newest_months || windowed.newest_months_only;
        // The plain ranking: every match, newest first, no month window.
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query::MatchAll);
        Xapian::MultiValueKeyMaker by_date;
        by_date.add_value(layout::kDateSlot, true, "");
        by_date.add_value(layout::kTimeSlot, true);
        enquire.set_sort_by_key_then_relevance(&by_date, false);
        std::vector<Xapian::MSetIterator> plain_hits;
        Xapian::MSet plain;
        if (std::string(collapse) == "true") {
          plain_hits = RankStories(enquire, static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit),
                                   &plain);
        } else {
          plain = enquire.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit));
          for (auto it = plain.begin(); it != plain.end(); ++it) plain_hits.push_back(it);
        }
        std::vector<Xapian::docid> expected;
        for (const Xapian::MSetIterator& it : plain_hits) expected.push_back(*it);
        CHECK(Docids(windowed) == expected);
      }
    }
  }
  CHECK(some_page_from_newest_months);
}
