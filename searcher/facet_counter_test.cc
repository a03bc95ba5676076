#include "searcher/facet_counter.h"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "tests/facet_test_index.h"
#include "tests/one_pass_facet_count.h"
#include "schemas/index_layout.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

Counts Sorted(const FacetCounts& counts) { return Counts(counts.counts.begin(), counts.counts.end()); }

// Counts computed without Xapian: straight from the hand-made entities.
Counts BruteForce(Facet facet, const std::function<bool(const TestArticle&)>& keep) {
  Counts counts;
  for (const TestArticle& each : FacetTestArticles()) {
    if (!keep(each)) continue;
    const ArticleEntities& e = each.entities;
    if (facet == Facet::kPeople) {
      std::set<std::string> people;
      for (const auto& p : e.people) people.insert(p.id);
      for (const auto& [surname, mentions] : e.unresolved_surnames) {
        for (const auto& [resolved_surname, id] : FacetTestSurnameResolutions()) {
          if (surname == resolved_surname) people.insert(id);
        }
      }
      for (const std::string& id : people) ++counts[id];
    }
    if (facet == Facet::kCountries) for (const auto& c : e.countries) if (c.salient) ++counts[c.code];
    if (facet == Facet::kEvents) for (const auto& v : e.events) ++counts[v.id];
    if (facet == Facet::kOrganisations) for (const auto& o : e.organisations) ++counts[o.id];
  }
  return counts;
}

bool HasCountry(const TestArticle& article, const std::string& code) {
  for (const auto& c : article.entities.countries) {
    if (c.code == code && c.salient) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every facet counted over every article equals the count from the entities themselves") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  Xapian::Database db((dir / "index").string());
  for (Facet facet : kAllFacets) {
    CAPTURE(FacetName(facet));
    const SurnameLookup surnames = SurnameLookup::FromIndex(db);
    FacetCounts scanned{OnePassFacetCount(db, Xapian::Query(std::string()), facet, &surnames), true};
    CHECK(scanned.exact);
    Counts expected = BruteForce(facet, [](const TestArticle&) { return true; });
    CHECK(Sorted(scanned) == expected);
    // The term-frequency shortcut for the whole index agrees with the scan.
    CHECK(Sorted(CountFacetInIndex(db, facet, &surnames)) == expected);
  }
  CHECK(BruteForce(Facet::kCountries, [](const TestArticle&) { return true; }).at("TR") == 3);  // Berlin only mentions Turkey
  // Three spellings, one value.
  CHECK(BruteForce(Facet::kOrganisations, [](const TestArticle&) { return true; }).at("merrill-lynch") == 3);
}

TEST_CASE("counts over a filtered set count only the matching articles, and a one-value facet is still split") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  Xapian::Database db((dir / "index").string());
  Xapian::Query turkey(layout::KeyOf(layout::kCountryPrefix, "TR"));
  const SurnameLookup surnames = SurnameLookup::FromIndex(db);
  FacetCounts people{OnePassFacetCount(db, turkey, Facet::kPeople, &surnames), true};
  CHECK(Sorted(people) == BruteForce(Facet::kPeople, [](const TestArticle& a) { return HasCountry(a, "TR"); }));
  CHECK(people.counts.at(PersonKey("Andrey Karlov")) == 1);  // one TR article names him; the other is RU only
  CHECK(people.counts.count(PersonKey("Maria Karlov")) == 0);
}

TEST_CASE("the top values come by count, ties by id, and selected values are kept past the limit") {
  FacetCounts counts;
  counts.counts = {{"RU", 5}, {"TR", 4}, {"SY", 1}, {"DE", 1}, {"US", 12}};
  std::vector<RankedValue> top = TopValues(counts, 3);
  REQUIRE(top.size() == 3);
  CHECK(top[0].id == "US");
  CHECK(top[1].id == "RU");
  CHECK(top[2].id == "TR");
  std::vector<RankedValue> with_selected = TopValues(counts, 2, {"SY", "FR"});
  REQUIRE(with_selected.size() == 4);
  CHECK(with_selected[2].id == "SY");
  CHECK(with_selected[2].count == 1);
  CHECK(with_selected[3].id == "FR");
  CHECK(with_selected[3].count == 0);
  CHECK(TopValues(counts, 10)[3].id == "DE");  // DE before SY: equal counts go by id
}

TEST_CASE("lone surnames in the people slot count once for the person they resolve to, or not at all") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  Xapian::Database db((dir / "index").string());
  const SurnameLookup surnames = SurnameLookup::FromIndex(db);
  FacetCounter counter(Facet::kPeople, &surnames);
  Xapian::Document doc;
  doc.add_value(layout::kPeopleSlot, "mevlut-mert-altintas\n~altintas\n~smith");
  counter(doc, 0);
  CHECK(Counts(counter.counts().begin(), counter.counts().end()) == Counts{{"mevlut-mert-altintas", 1}});
  FacetCounter without_lookup(Facet::kPeople);
  without_lookup(doc, 0);
  CHECK(without_lookup.counts().size() == 1);
}

TEST_CASE("the spy parses the facet slot's newline-separated ids, skipping empty ones") {
  FacetCounter counter(Facet::kCountries);
  Xapian::Document doc;
  doc.add_value(layout::kCountriesSlot, "TR\nRU\n\nSY");
  counter(doc, 0);
  Xapian::Document empty;
  counter(empty, 0);
  CHECK(counter.documents_seen() == 2);
  CHECK(Counts(counter.counts().begin(), counter.counts().end()) == Counts{{"RU", 1}, {"SY", 1}, {"TR", 1}});
}


TEST_CASE("the counter's top counts rank as ranking all its counts would, with selected values kept") {
  FacetCounter counter(Facet::kCountries);
  // US 12, RU 5, TR 4, DE 1, SY 1, and 30 countries once each in one article.
  auto add = [&](const std::string& value, int times) {
    Xapian::Document doc;
    doc.add_value(layout::kCountriesSlot, value);
    for (int i = 0; i < times; ++i) counter(doc, 0);
  };
  add("US", 7);
  add("US\nRU", 5);
  add("TR", 4);
  add("DE\nSY", 1);
  std::string many;
  for (char a = 'A'; a < 'D'; ++a) {
    for (char b = 'A'; b < 'K'; ++b) many += std::string{'Q', a, b, '\n'};
  }
  add(many, 1);
  FacetCounts all{counter.counts(), true};
  for (size_t limit : {size_t{0}, size_t{1}, size_t{3}, size_t{4}, size_t{10}, size_t{100}}) {
    CAPTURE(limit);
    FacetCounts top{counter.TopCounts(limit, {"SY", "FR"}), true};
    CHECK(top.counts.size() <= limit + 1);
    std::vector<RankedValue> expected = TopValues(all, limit, {"SY", "FR"});
    std::vector<RankedValue> ranked = TopValues(top, limit, {"SY", "FR"});
    REQUIRE(ranked.size() == expected.size());
    for (size_t i = 0; i < ranked.size(); ++i) {
      CHECK(ranked[i].id == expected[i].id);
      CHECK(ranked[i].count == expected[i].count);
    }
  }
}

TEST_CASE("counters of two shards merged count as one counter over both") {
  FacetCounter first(Facet::kCountries), second(Facet::kCountries, nullptr, 4), both(Facet::kCountries);
  Xapian::Document turkey, russia;
  turkey.add_value(layout::kCountriesSlot, "TR\nRU");
  russia.add_value(layout::kCountriesSlot, "RU");
  first(turkey, 0);
  second(russia, 0);  // a sampled shard: each article seen stands for 4
  first.Merge(second);
  CHECK(first.documents_seen() == 2);
  CHECK(Counts(first.counts().begin(), first.counts().end()) == Counts{{"RU", 5}, {"TR", 1}});
}

TEST_CASE("from columns, an article counts once for a person the index never names in full, whatever surnames of theirs it holds") {
  // The surname map is read at the newest commit, the columns at the
  // lease's: a surname may resolve to a person no article of the columns
  // names in full, so the person has no code. Two surnames of that person
  // in one article (or the surname and a second spelling of it) are one
  // article of that person, as the slots count it.
  TempDir dir;
  const std::string path = (dir / "shard-0").string();
  {
    Xapian::WritableDatabase writable(path, Xapian::DB_CREATE);
    Xapian::Document both_surnames;
    both_surnames.add_value(layout::kPeopleSlot, "~karlov\n~karlow\ntayyip-erdogan");
    writable.add_document(both_surnames);
    Xapian::Document one_surname;
    one_surname.add_value(layout::kPeopleSlot, "~karlow");
    writable.add_document(one_surname);
    writable.commit();
  }
  std::vector<Xapian::Database> shards = {Xapian::Database(path)};
  const std::shared_ptr<const IndexColumns> columns = IndexColumns::Read(shards, {});
  REQUIRE(columns);
  REQUIRE(columns->dictionary(Facet::kPeople).Find("andrei-karlov") == -1);
  const SurnameLookup surnames(std::make_shared<const SurnameMap>(
      SurnameMap{{"karlov", "andrei-karlov"}, {"karlow", "andrei-karlov"}}));
  FacetCounter from_slots(Facet::kPeople, &surnames);
  FacetCounter from_columns(Facet::kPeople, &surnames);
  from_columns.UseColumns(columns, 0);
  for (Xapian::docid docid = 1; docid <= shards[0].get_lastdocid(); ++docid) {
    const Xapian::Document doc = shards[0].get_document(docid);
    from_slots(doc, 0);
    from_columns(doc, 0);
  }
  const Counts expected{{"andrei-karlov", 2}, {"tayyip-erdogan", 1}};
  CHECK(Counts(from_slots.counts().begin(), from_slots.counts().end()) == expected);
  CHECK(Counts(from_columns.counts().begin(), from_columns.counts().end()) == expected);
  CHECK(from_columns.TopCounts(1, {}).at("andrei-karlov") == 2);
}
