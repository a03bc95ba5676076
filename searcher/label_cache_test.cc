#include "searcher/label_cache.h"

#include <doctest/doctest.h>

#include "schemas/index_layout.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

using Matches = std::vector<std::pair<std::string, std::string>>;

void Name(Xapian::WritableDatabase& db, const std::string& id, const std::string& name) {
  db.set_metadata(layout::KeyOf(layout::kPersonNameKey, id), name);
  db.commit();
}

}  // namespace

TEST_CASE("the label cache matches prefixes on names and ids, and reads names again for a new surname map") {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  Name(db, "recep-tayyip-erdogan", "Recep Tayyip Erdoğan");
  Name(db, "andrei-karlov", "Andrey Karlov");
  const FacetLabels labels;
  LabelCache cache(labels);
  const std::vector<std::string> ids = {"andrei-karlov", "recep-tayyip-erdogan", "mevlut-altintas"};
  auto first = std::make_shared<const SurnameMap>();

  CHECK(cache.Matching(db, Facet::kPeople, ids, "erdo", first) ==
        Matches{{"recep-tayyip-erdogan", "Recep Tayyip Erdoğan"}});
  CHECK(cache.Matching(db, Facet::kPeople, ids, "andre", first) ==
        Matches{{"andrei-karlov", "Andrey Karlov"}});  // the label's spelling
  CHECK(cache.Matching(db, Facet::kPeople, ids, "andrei", first) ==
        Matches{{"andrei-karlov", "Andrey Karlov"}});  // the id's
  CHECK(cache.Matching(db, Facet::kPeople, ids, "", first).size() == 3);  // in the order asked
  CHECK(cache.Matching(db, Facet::kPeople, ids, "alt", first) ==
        Matches{{"mevlut-altintas", "mevlut-altintas"}});  // no name in the index: the id

  // Renamed by a later index run: the same map still reads the cached name,
  // the next map the index's new one.
  Name(db, "mevlut-altintas", "Mevlüt Mert Altıntaş");
  CHECK(cache.Matching(db, Facet::kPeople, ids, "mert", first).empty());
  auto second = std::make_shared<const SurnameMap>();
  CHECK(cache.Matching(db, Facet::kPeople, ids, "mert", second) ==
        Matches{{"mevlut-altintas", "Mevlüt Mert Altıntaş"}});
}
