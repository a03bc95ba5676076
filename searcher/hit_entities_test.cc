#include "searcher/hit_entities.h"

#include <doctest/doctest.h>

#include <memory>

#include "schemas/index_layout.h"
#include "tests/temp_dir.h"

using namespace newsfacet;

namespace {

// One article in a real index on disk, with the facet values `people` and
// `organisations` (ids joined as the indexer joins them) and a display name
// for Karlov.
struct OneArticleIndex {
  OneArticleIndex(const std::string& people, const std::string& organisations) {
    Xapian::WritableDatabase writer((dir / "index").string(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_value(FacetSlot(Facet::kPeople), people);
    doc.add_value(FacetSlot(Facet::kOrganisations), organisations);
    writer.add_document(doc);
    writer.set_metadata(std::string(layout::kPersonNameKey) + "andrei-karlov", "Andrei Karlov");
    writer.commit();
    db = Xapian::Database((dir / "index").string());
    doc_in_index = db.get_document(1);
  }
  testing::TempDir dir;
  Xapian::Database db;
  Xapian::Document doc_in_index;
};

std::string Joined(std::initializer_list<std::string> ids) {
  std::string value;
  for (const std::string& id : ids) value += (value.empty() ? "" : std::string(1, layout::kFacetValueSeparator)) + id;
  return value;
}

SurnameLookup Surnames(SurnameMap map) { return SurnameLookup(std::make_shared<const SurnameMap>(std::move(map))); }

}  // namespace

TEST_CASE("hit entities: a lone surname adds its mentions to the person it resolves to") {
  OneArticleIndex index(Joined({"andrei-karlov", "~karlov"}), "");
  ArticleEntities stored;
  stored.people.push_back({"andrei-karlov", "Andrey Karlov", 2, "Ambassador"});
  stored.unresolved_surnames.push_back({"karlov", 3});
  PerFacet<std::vector<EntityRef>> shown =
      EntitiesOfArticle(FacetLabels(), index.db, index.doc_in_index, stored, Surnames({{"karlov", "andrei-karlov"}}));
  const std::vector<EntityRef>& people = At(shown, Facet::kPeople);
  REQUIRE(people.size() == 1);
  CHECK(people[0].id == "andrei-karlov");
  CHECK(people[0].label == "Andrei Karlov");  // the index's display name wins over the article's spelling
  CHECK(people[0].mentions == 5);
  CHECK(people[0].role == "Ambassador");
}

TEST_CASE("hit entities: a surname that resolves to no one and a person id naming an organisation are not shown") {
  OneArticleIndex index(Joined({"~smith", "merrill-lynch", "paul-volcker"}), "merrill-lynch");
  ArticleEntities stored;
  stored.people.push_back({"paul-volcker", "Paul Volcker", 1, ""});
  stored.organisations.push_back({"merrill-lynch", "Merrill Lynch & Co", 4});
  SurnameMap map = {{std::string(1, kNotPersonMarker) + "merrill-lynch", "merrill-lynch"}};
  PerFacet<std::vector<EntityRef>> shown =
      EntitiesOfArticle(FacetLabels(), index.db, index.doc_in_index, stored, Surnames(map));
  REQUIRE(At(shown, Facet::kPeople).size() == 1);
  CHECK(At(shown, Facet::kPeople)[0].label == "Paul Volcker");  // no display name: the article's spelling
  REQUIRE(At(shown, Facet::kOrganisations).size() == 1);
  CHECK(At(shown, Facet::kOrganisations)[0].label == "Merrill Lynch & Co");
  CHECK(At(shown, Facet::kOrganisations)[0].mentions == 4);
  CHECK(At(shown, Facet::kCountries).empty());
}
