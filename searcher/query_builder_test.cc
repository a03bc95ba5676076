#include "searcher/query_builder.h"

#include <doctest/doctest.h>

#include <set>

#include "analysis/data_files.h"
#include "schemas/store/stored_article.h"
#include "tests/facet_test_index.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

// The test index and labels from the real data files, built once.
struct Fixture {
  Fixture() {
    BuildFacetTestIndex(dir / "index");
    db = Xapian::Database((dir / "index").string());
    std::vector<std::string> warnings;
    labels = FacetLabels::Load(DataDirectory(), &warnings);
  }
  TempDir dir;
  Xapian::Database db;
  FacetLabels labels;
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

BuiltQuery Build(const RequestParams& params) {
  SearchRequest request;
  REQUIRE_FALSE(ParseSearchRequest(params, &request));
  BuiltQuery built;
  MaybeError error = QueryBuilder(Shared().labels).Build(request.scope, Shared().db, &built);
  INFO((error ? error->message : ""));
  REQUIRE_FALSE(error);
  return built;
}

ApiError Refusal(const RequestParams& params) {
  SearchRequest request;
  REQUIRE_FALSE(ParseSearchRequest(params, &request));
  BuiltQuery built;
  MaybeError error = QueryBuilder(Shared().labels).Build(request.scope, Shared().db, &built);
  REQUIRE(error);
  return *error;
}

std::set<std::string> Ids(const Xapian::Query& query) {
  Xapian::Enquire enquire(Shared().db);
  enquire.set_query(query);
  std::set<std::string> ids;
  Xapian::MSet mset = enquire.get_mset(0, 1000);
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.insert(LoadStoredArticle(it.get_document()).article.id);
  return ids;
}

std::set<std::string> Matches(const RequestParams& params) { return Ids(Build(params).Combined()); }

}  // namespace

TEST_CASE("words are folded and stemmed like the index, and all of them must match") {
  const std::set<std::string> altintas = {"ankara-shooting", "gunman-profile", "gunman-funeral"};
  CHECK(Matches({{"q", "altintas"}}) == altintas);
  CHECK(Matches({{"q", "Altıntaş"}}) == altintas);
  CHECK(Matches({{"q", "ambassador ankara"}}) == std::set<std::string>{"ankara-shooting"});
  CHECK(Matches({{"q", "karlov OR amri"}}).size() == 4);
}

TEST_CASE("phrases, exclusion, NEAR, wildcards and title: follow Xapian's syntax") {
  CHECK(Matches({{"q", "\"art exhibition\""}}) == std::set<std::string>{"ankara-shooting"});
  CHECK(Matches({{"q", "art"}}).size() == 3);
  CHECK(Matches({{"q", "karlov -putin"}}) == std::set<std::string>{"ankara-shooting", "tennis-karlov"});
  CHECK(Matches({{"q", "kremli*"}}) == std::set<std::string>{"syria-talks", "kremlin-undated"});
  CHECK(Matches({{"q", "title:karlov"}}) == std::set<std::string>{"karlov-tribute", "tennis-karlov"});
  CHECK(Matches({{"q", "gallery NEAR attack"}}) == std::set<std::string>{"kremlin-undated"});
}

TEST_CASE("entity fields in the query take any spelling of a person, a code or name of a country") {
  std::set<std::string> karlov = {"ankara-shooting", "karlov-tribute"};
  CHECK(Matches({{"q", "person:\"Andrei Karlov\""}}) == karlov);
  CHECK(Matches({{"q", "person:\"Andrey Karlov\""}}) == karlov);
  CHECK(Matches({{"q", "person:andrei-karlov shot"}}) == std::set<std::string>{"ankara-shooting"});
  CHECK(Matches({{"q", "event:assassination"}}).size() == 3);
  // country: is any mention, salient or not: Berlin mentions Turkey in passing.
  CHECK(Matches({{"q", "country:TR"}}).count("berlin-market") == 1);
  BuiltQuery unknown = Build({{"q", "country:Atlantis"}});
  CHECK(Ids(unknown.Combined()).empty());
  CHECK(unknown.notes.size() == 1);
}

TEST_CASE("facet filters: a person by any spelling, a country by code or name, OR within, AND across") {
  std::set<std::string> karlov = {"ankara-shooting", "karlov-tribute"};
  CHECK(Matches({{"person", "Andrei Karlov"}}) == karlov);
  CHECK(Matches({{"person", "andrei-karlov"}}) == karlov);
  CHECK(Matches({{"person", "ANDREY KARLOV"}}) == karlov);
  CHECK(Matches({{"country", "TR"}}).size() == 3);
  // A person's articles include those naming them by a surname the index resolves to them.
  const std::set<std::string> altintas = {"ankara-shooting", "gunman-profile", "gunman-funeral"};
  CHECK(Matches({{"person", "Mevlüt Mert Altıntaş"}}) == altintas);
  CHECK(Matches({{"q", "person:\"Mevlut Mert Altintas\""}}) == altintas);
  if (!Shared().labels.CountryNames("TR").empty()) CHECK(Matches({{"country", "Turkey"}}).size() == 3);
  CHECK(Matches({{"country", "sy"}, {"country", "DE"}}) == std::set<std::string>{"syria-talks", "berlin-market"});
  CHECK(Matches({{"country", "TR"}, {"person", "Vladimir Putin"}}) == std::set<std::string>{"syria-talks"});
  BuiltQuery built = Build({{"person", "Andrei Karlov"}, {"person", "andrei-karlov"}});
  CHECK(At(built.filter_ids, Facet::kPeople) == std::vector<std::string>{"andrei-karlov"});
}

TEST_CASE("filter values that name nothing are refused with what to give instead") {
  CHECK(Refusal({{"country", "Atlantis"}}).message.find("ISO 3166 code") != std::string::npos);
  CHECK(Refusal({{"person", "!!!"}}).message.find("no letters") != std::string::npos);
}

TEST_CASE("a date range keeps articles of those days and drops undated ones") {
  std::set<std::string> december = Matches({{"from", "2016-12-19"}, {"to", "2016-12-20"}});
  CHECK(december == std::set<std::string>{"ankara-shooting", "karlov-tribute", "berlin-market"});
  CHECK(Matches({{"from", "2017-03"}}) == std::set<std::string>{"tennis-karlov"});
  CHECK(Matches({{"to", "2016"}}).size() == 6);
}

TEST_CASE("a syntax error is searched as plain words, with a note, a missing quote is noted") {
  BuiltQuery lone_and = Build({{"q", "karlov AND"}});
  REQUIRE(lone_and.notes.size() == 1);
  CHECK(lone_and.notes[0].find("plain words") != std::string::npos);
  CHECK(Ids(lone_and.Combined()) == Matches({{"q", "karlov and"}}));
  BuiltQuery only_and = Build({{"q", "AND"}});
  CHECK(only_and.notes.size() == 1);
  BuiltQuery quote = Build({{"q", "\"art exhibition"}});
  CHECK(quote.notes[0].find("closing quote") != std::string::npos);
  CHECK(Ids(quote.Combined()) == std::set<std::string>{"ankara-shooting"});
  BuiltQuery nothing = Build({{"q", "!!! ???"}});
  CHECK(nothing.notes.size() == 1);
  CHECK(Ids(nothing.Combined()).size() == Shared().db.get_doccount());
}

TEST_CASE("Combined() without a facet drops only that facet's filter, for disjunctive counts") {
  BuiltQuery built = Build({{"q", "killing"}, {"country", "RU"}, {"person", "Anis Amri"}});
  CHECK(Ids(built.Combined()).empty());
  CHECK(Ids(built.Combined(Facet::kCountries)) == std::set<std::string>{"berlin-market"});
  CHECK(Ids(built.Combined(Facet::kPeople)) == std::set<std::string>{"karlov-tribute", "syria-talks"});
}

TEST_CASE("with spelling data in the index, a likely misspelling gets a suggestion, without, none") {
  CHECK(Build({{"q", "ambasador"}}).suggestion.empty());  // the test index has no spelling data
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  {
    Xapian::WritableDatabase shard(ShardPath(dir / "index", 0).string());
    for (const char* word : {"ambassador", "ankara", "karlov"}) shard.add_spelling(word, 5);
    shard.commit();
  }
  Xapian::Database db((dir / "index").string());
  SearchRequest request;
  REQUIRE_FALSE(ParseSearchRequest({{"q", "ambasador in ankra"}}, &request));
  BuiltQuery built;
  REQUIRE_FALSE(QueryBuilder(Shared().labels).Build(request.scope, db, &built));
  CHECK(built.suggestion == "ambassador in ankara");
  REQUIRE_FALSE(ParseSearchRequest({{"q", "ambassador"}}, &request));
  BuiltQuery correct;
  REQUIRE_FALSE(QueryBuilder(Shared().labels).Build(request.scope, db, &correct));
  CHECK(correct.suggestion.empty());
}

TEST_CASE("an organisation filter takes any spelling of the name or its id, OR'd within the facet, AND'd with others") {
  const std::set<std::string> merrill = {"market-1", "market-2", "market-3"};
  CHECK(Ids(Build({{"org", "Merrill Lynch & Co Inc"}}).Combined()) == merrill);
  BuiltQuery same = Build({{"org", "merrill-lynch"}, {"org", "MERRILL LYNCH"}});
  CHECK(At(same.filter_ids, Facet::kOrganisations) == std::vector<std::string>{"merrill-lynch"});
  CHECK(Ids(same.Combined()) == merrill);
  CHECK(Ids(Build({{"org", "Merrill Lynch"}, {"org", "Societe Generale"}}).Combined()).size() == 5);
  CHECK(Ids(Build({{"org", "Societe Generale"}, {"country", "US"}}).Combined()) ==
        std::set<std::string>{"market-3", "market-5"});
  CHECK(Ids(Build({{"q", "org:\"Société Générale\""}}).Combined()) ==
        std::set<std::string>{"market-3", "market-4", "market-5"});
  CHECK(Ids(Build({{"q", "organisation:anadolu-agency"}}).Combined()) == std::set<std::string>{"ankara-shooting"});
  CHECK(Refusal({{"org", "..."}}).message.find("org '...'") != std::string::npos);
}

TEST_CASE("while typing, the last word also matches as the start of a word, once a space follows, it is whole") {
  CHECK(Matches({{"q", "altin"}}).empty());
  CHECK(Matches({{"q", "altin"}, {"partial", "true"}}) ==
        std::set<std::string>{"ankara-shooting", "gunman-profile", "gunman-funeral"});
  CHECK(Matches({{"q", "altin "}, {"partial", "true"}}).empty());
  // Earlier words are whole words even while typing.
  CHECK(Matches({{"q", "gunm buried"}, {"partial", "true"}}).empty());
}

TEST_CASE("a query of nothing but -words finds every article without them, not the articles with them") {
  const std::set<std::string> with = Matches({{"q", "ankara"}});
  const std::set<std::string> without = Matches({{"q", "-ankara"}});
  REQUIRE(!with.empty());
  for (const std::string& id : with) CHECK(without.count(id) == 0);
  CHECK(with.size() + without.size() == Shared().db.get_doccount());
  CHECK(Build({{"q", "-ankara"}}).notes.size() == 1);
  // Beside a word, -word still only excludes.
  CHECK(Matches({{"q", "shot -ankara"}}).empty());
}

TEST_CASE("person_op=and keeps the articles naming every person chosen, and the facet keeps its own filter") {
  const RequestParams both = {{"person", "andrei-karlov"}, {"person", "vladimir-putin"}};
  CHECK(Matches(both) == std::set<std::string>{"ankara-shooting", "karlov-tribute", "syria-talks"});
  RequestParams all = both;
  all.push_back({"person_op", "and"});
  BuiltQuery built = Build(all);
  CHECK(Ids(built.Combined()) == std::set<std::string>{"karlov-tribute"});
  CHECK(Ids(built.Combined(Facet::kPeople)) == std::set<std::string>{"karlov-tribute"});
  CHECK(Matches({{"country", "RU"}, {"country", "TR"}, {"country_op", "and"}}) ==
        std::set<std::string>{"ankara-shooting", "syria-talks"});
  SearchRequest request;
  CHECK(ParseSearchRequest({{"person_op", "xor"}}, &request)->message.find("and") != std::string::npos);
}

TEST_CASE("person: and a person filter take a surname the index resolves to one full name") {
  CHECK(Matches({{"q", "person:altintas"}}) ==
        std::set<std::string>{"ankara-shooting", "gunman-profile", "gunman-funeral"});
  CHECK(Matches({{"person", "altintas"}}) ==
        std::set<std::string>{"ankara-shooting", "gunman-profile", "gunman-funeral"});
  // A surname no article uses alone: the one full name with it.
  CHECK(Matches({{"q", "person:erdogan"}}) == std::set<std::string>{"syria-talks"});
  CHECK(Matches({{"person", "Putin"}}) == std::set<std::string>{"karlov-tribute", "syria-talks"});
  // A surname several people share, none with 80% of their articles, names no one.
  CHECK(Matches({{"q", "person:karlov"}}).empty());
}

TEST_CASE("country: and a country filter take abbreviations, demonyms and metonyms from the gazetteer") {
  for (const char* name : {"ussr", "USSR", "soviet"}) {
    BuiltQuery built = Build({{"q", std::string("country:") + name}});
    CHECK_MESSAGE(built.notes.empty(), name);
  }
  CHECK(Matches({{"country", "america"}}) == Matches({{"country", "US"}}));
  CHECK(Matches({{"q", "country:uk"}}) == Matches({{"q", "country:GB"}}));
  CHECK(Shared().labels.CountryNamedBy("britain") == "GB");
  CHECK(Shared().labels.CountryNamedBy("holland") == "NL");
  CHECK(Shared().labels.CountryNamedBy("downing street") == "GB");
  CHECK(Shared().labels.CountryNamedBy("the kremlin") == "RU");  // the Soviet Union's lists it as ambiguous
  CHECK(Shared().labels.CountryNamedBy("in") == std::nullopt);  // a code is not a name
}

TEST_CASE("near_duplicates_of keeps only the articles with that near-duplicate key") {
  SearchRequest request;
  CHECK(ParseSearchRequest({{"near_duplicates_of", "xyz"}}, &request));
  Xapian::Document doc = Shared().db.get_document(*Shared().db.postlist_begin(layout::KeyOf(layout::kIdPrefix, "syria-talks")));
  const std::string key = doc.get_value(layout::kNearDuplicateSlot);
  REQUIRE(key.size() == 12);
  CHECK(Matches({{"near_duplicates_of", key}}) == std::set<std::string>{"syria-talks"});
}
