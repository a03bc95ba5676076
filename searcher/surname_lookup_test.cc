#include "searcher/surname_lookup.h"

#include <doctest/doctest.h>

#include "tests/facet_test_index.h"
#include "schemas/index_layout.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

TEST_CASE("a lone surname resolves to the one person the index maps it to, and only then") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  Xapian::Database db((dir / "index").string());
  const SurnameLookup surnames = SurnameLookup::FromIndex(db);
  CHECK(surnames.PersonOf("altintas") == "mevlut-mert-altintas");
  CHECK(surnames.PersonOf("smith").empty());
  CHECK(surnames.SurnameFor("mevlut-mert-altintas") == "altintas");
  CHECK_FALSE(surnames.SurnameFor("andrei-karlov"));  // "karlov" is two people's: not in the map
  CHECK_FALSE(surnames.SurnameFor("madonna"));
}

TEST_CASE("the cached map is read again after a commit changes it, and only then") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  SurnameMapCache cache(ShardPath(dir / "index", 0));
  std::shared_ptr<const SurnameMap> first = cache.Current();
  CHECK(first->size() == 1);
  CHECK(cache.Current() == first);  // unchanged: the same map, not read again
  {
    Xapian::WritableDatabase shard(ShardPath(dir / "index", 0).string());
    shard.set_metadata(layout::KeyOf(layout::kSurnameResolutionKey, "putin"), "vladimir-putin");
    shard.commit();
  }
  std::shared_ptr<const SurnameMap> second = cache.Current();
  CHECK(second != first);
  CHECK(SurnameLookup(second).PersonOf("putin") == "vladimir-putin");
  CHECK(SurnameLookup(first).PersonOf("putin").empty());  // a request holding the old map keeps it whole
}
