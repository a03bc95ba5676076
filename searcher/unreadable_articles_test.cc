#include "searcher/unreadable_articles.h"

#include <doctest/doctest.h>

#include "schemas/index_layout.h"

using namespace newsfacet;

TEST_CASE("unreadable articles are counted once each, by id term, or by document number without one") {
  UnreadableArticles unreadable;
  CHECK(unreadable.count() == 0);
  Xapian::Document first;
  first.add_boolean_term(layout::KeyOf(layout::kIdPrefix, "world/a.txt"));
  Xapian::Document second;
  second.add_boolean_term(layout::KeyOf(layout::kIdPrefix, "world/b.txt"));
  second.add_term("oil");
  Xapian::Document without_id;
  unreadable.Note(first, 1);
  unreadable.Note(first, 1);
  CHECK(unreadable.count() == 1);
  unreadable.Note(second, 2);
  CHECK(unreadable.count() == 2);
  unreadable.Note(without_id, 3);
  unreadable.Note(without_id, 3);
  CHECK(unreadable.count() == 3);
}
