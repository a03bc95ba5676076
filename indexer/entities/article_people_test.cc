#include "indexer/entities/article_people.h"

#include <doctest/doctest.h>

#include "analysis/person_key.h"

using namespace newsfacet;

namespace {

PersonSpan Span(const std::string& name, int words, bool accepted, const std::string& role = "") {
  PersonSpan span;
  span.name = name;
  span.name_words = words;
  span.accepted = accepted;
  span.evidence = accepted ? 3.0 : 1.0;
  span.title_cue = !role.empty();
  span.role = role;
  return span;
}

}  // namespace

TEST_CASE("an article's spellings, partial names and lone surnames of one person are one person") {
  const ArticlePeople people = ResolvePeople({Span("Recep Tayyip Erdoğan", 3, true, "President"),
                                              Span("Tayyip Erdogan", 2, true), Span("Erdogan", 1, false)});
  REQUIRE(people.people.size() == 1);
  const PersonMention& erdogan = people.people[0];
  CHECK(erdogan.id == PersonKey("Recep Tayyip Erdogan"));
  CHECK(erdogan.name == "Recep Tayyip Erdoğan");  // the spelling with diacritics
  CHECK(erdogan.mentions == 3);
  CHECK(erdogan.role == "President");
  CHECK(people.unresolved_surnames.empty());
  REQUIRE(people.span_person.size() == 3);
  CHECK(people.span_person[2] == erdogan.id);
}

TEST_CASE("a lone surname the article never gives in full is left for the index-wide step") {
  const ArticlePeople people = ResolvePeople({Span("Volcker", 1, true, "Chairman")});
  CHECK(people.people.empty());
  REQUIRE(people.unresolved_surnames.size() == 1);
  CHECK(people.unresolved_surnames[0].second == 1);
}

TEST_CASE("a surname two people of the article share is the one it names after a title") {
  const ArticlePeople people = ResolvePeople({Span("Boris Yeltsin", 2, true, "Russian President"),
                                              Span("Naina Yeltsin", 2, true), Span("Yeltsin", 1, false)});
  REQUIRE(people.span_person.size() == 3);
  CHECK(people.span_person[2] == PersonKey("Boris Yeltsin"));
  CHECK(people.unresolved_surnames.empty());
}

TEST_CASE("a surname two titled people of the article share stays no one's") {
  const ArticlePeople people = ResolvePeople({Span("James Baker", 2, true, "Treasury Secretary"),
                                              Span("Howard Baker", 2, true, "chief of staff"), Span("Baker", 1, false)});
  REQUIRE(people.span_person.size() == 3);
  CHECK(people.span_person[2].empty());
}
