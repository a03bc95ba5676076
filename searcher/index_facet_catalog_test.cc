#include "searcher/index_facet_catalog.h"

#include <set>

#include <doctest/doctest.h>

#include "schemas/index_layout.h"
#include "schemas/store/index_directory.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

// Adds an article naming `people` to `shard` of the index, and commits.
void AddArticle(const std::filesystem::path& index, int shard, const std::vector<std::string>& people) {
  Xapian::WritableDatabase db(ShardPath(index, shard).string(), Xapian::DB_OPEN);
  Xapian::Document doc;
  for (const std::string& person : people) doc.add_boolean_term(std::string(FacetTermPrefix(Facet::kPeople)) + person);
  db.add_document(doc);
  db.commit();
}

void Name(const std::filesystem::path& index, const std::string& id, const std::string& name) {
  Xapian::WritableDatabase db(ShardPath(index, 0).string(), Xapian::DB_OPEN);
  db.set_metadata(layout::KeyOf(layout::kPersonNameKey, id), name);
  db.commit();
}

std::filesystem::path TwoShardIndex(const TempDir& dir) {
  const std::filesystem::path index = dir / "index";
  IndexManifest manifest;
  REQUIRE(CreateOrOpenIndexDirectory(index, 2, &manifest).ok());
  AddArticle(index, 0, {"andrei-karlov", "maria-karlov"});
  AddArticle(index, 1, {"andrei-karlov", "recep-tayyip-erdogan"});
  AddArticle(index, 1, {"recep-tayyip-erdogan"});
  AddArticle(index, 0, {"zeki-kaya"});
  return index;
}

}  // namespace

TEST_CASE("the facet catalog ranks the whole index's values, and counts again after a commit to any shard") {
  TempDir dir;
  const std::filesystem::path index = TwoShardIndex(dir);
  IndexFacetCatalog catalog(index, 2);
  auto names = std::make_shared<const SurnameMap>();

  auto first = catalog.Get(Facet::kPeople, names);
  CHECK(first->ids_by_count ==
        std::vector<std::string>{"andrei-karlov", "recep-tayyip-erdogan", "maria-karlov", "zeki-kaya"});
  CHECK(first->counts.counts.at("andrei-karlov") == 2);
  CHECK(first->counts.exact);
  CHECK(catalog.Get(Facet::kPeople, names) == first);  // nothing changed: kept

  AddArticle(index, 1, {"zeki-kaya"});  // the second shard only
  AddArticle(index, 1, {"zeki-kaya"});
  auto second = catalog.Get(Facet::kPeople, names);
  CHECK(second != first);
  CHECK(second->ids_by_count.front() == "zeki-kaya");
  CHECK(second->counts.counts.at("zeki-kaya") == 3);

  // The same index read with a new surname map: counted again.
  CHECK(catalog.Get(Facet::kPeople, std::make_shared<const SurnameMap>()) != second);
}

TEST_CASE("candidate values give a whole-index ranking its top values, selected ones, or the top prefix matches") {
  TempDir dir;
  const std::filesystem::path index = TwoShardIndex(dir);
  Name(index, "recep-tayyip-erdogan", "Recep Tayyip Erdoğan");
  Name(index, "andrei-karlov", "Andrey Karlov");
  Name(index, "maria-karlov", "Maria Karlov");
  IndexFacetCatalog catalog(index, 2);
  auto names = std::make_shared<const SurnameMap>();
  auto ranked = catalog.Get(Facet::kPeople, names);
  const FacetLabels labels;
  LabelCache label_cache(labels);
  Xapian::Database db(index.string());

  auto ids = [](const FacetCounts& counts) {
    std::set<std::string> found;
    for (const auto& [id, count] : counts.counts) found.insert(id);
    return found;
  };
  CHECK(ids(CandidateValues(*ranked, Facet::kPeople, 2, {}, "", label_cache, db, names)) ==
        std::set<std::string>{"andrei-karlov", "recep-tayyip-erdogan"});
  CHECK(ids(CandidateValues(*ranked, Facet::kPeople, 1, {"zeki-kaya", "nobody"}, "", label_cache, db, names)) ==
        std::set<std::string>{"andrei-karlov", "zeki-kaya"});  // a selected value the index lacks is left out
  // "karlov" names two: with room for one, the one in more articles.
  const FacetCounts karlov = CandidateValues(*ranked, Facet::kPeople, 1, {}, "karl", label_cache, db, names);
  CHECK(ids(karlov) == std::set<std::string>{"andrei-karlov"});
  CHECK(karlov.counts.at("andrei-karlov") == 2);
  CHECK(ids(CandidateValues(*ranked, Facet::kPeople, 5, {}, "karl", label_cache, db, names)) ==
        std::set<std::string>{"andrei-karlov", "maria-karlov"});
  CHECK(CandidateValues(*ranked, Facet::kPeople, 5, {}, "xyz", label_cache, db, names).counts.empty());
}
