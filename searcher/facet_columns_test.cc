#include "searcher/facet_columns.h"

#include <doctest/doctest.h>

#include "schemas/index_layout.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

std::vector<std::string> IdsOf(const IndexColumns& columns, size_t shard, Facet facet, Xapian::docid docid) {
  std::vector<std::string> ids;
  for (uint32_t code : columns.shard(shard).Codes(facet, docid)) {
    ids.push_back(columns.dictionary(facet).IdOf(code & ~kSurnameBit));
  }
  return ids;
}

}  // namespace

TEST_CASE("facet columns hold each document's ids, day and story key by docid, numbered across shards") {
  TempDir dir;
  std::vector<Xapian::Database> shards;
  for (int shard = 0; shard < 2; ++shard) {
    const std::string path = (dir / ("shard-" + std::to_string(shard))).string();
    Xapian::WritableDatabase writable(path, Xapian::DB_CREATE);
    Xapian::Document tr_ru;
    tr_ru.add_value(layout::kCountriesSlot, shard == 0 ? "TR\nRU\nTR" : "RU");
    tr_ru.add_value(layout::kPeopleSlot, "andrey-karlov\n~putin");
    tr_ru.add_value(layout::kDateSlot, "20161219");
    tr_ru.add_value(layout::kNearDuplicateSlot, "00000000abcd");
    writable.add_document(tr_ru);
    writable.add_document(Xapian::Document());  // no facets, no day, no key
    Xapian::Document malformed;
    malformed.add_value(layout::kDateSlot, "2016-12");
    malformed.add_value(layout::kNearDuplicateSlot, "not hex");
    writable.add_document(malformed);
    writable.commit();
    shards.emplace_back(path);
  }
  const std::shared_ptr<const IndexColumns> columns = IndexColumns::Read(shards, {});
  REQUIRE(columns);
  // An id listed twice in a slot is counted once.
  CHECK(IdsOf(*columns, 0, Facet::kCountries, 1) == std::vector<std::string>{"TR", "RU"});
  CHECK(IdsOf(*columns, 1, Facet::kCountries, 1) == std::vector<std::string>{"RU"});
  // One number per id over all shards.
  CHECK(columns->shard(1).Codes(Facet::kCountries, 1)[0] == columns->shard(0).Codes(Facet::kCountries, 1)[1]);
  CHECK(columns->dictionary(Facet::kCountries).size() == 2);
  // A lone surname is marked as such.
  const auto people = columns->shard(0).Codes(Facet::kPeople, 1);
  REQUIRE(people.size() == 2);
  CHECK((people[0] & kSurnameBit) == 0);
  CHECK((people[1] & kSurnameBit) != 0);
  CHECK(columns->dictionary(Facet::kPeople).IsSurname(people[1] & ~kSurnameBit));
  CHECK(columns->dictionary(Facet::kPeople).Find("andrey-karlov") == people[0]);
  CHECK(columns->dictionary(Facet::kPeople).Find("nobody") == -1);
  for (Xapian::docid docid : {2u, 3u, 4u, 1000u}) {
    CAPTURE(docid);
    CHECK(columns->shard(0).Codes(Facet::kCountries, docid).empty());
    CHECK(columns->shard(0).StoryKey(docid) == kNoStoryKey);
    CHECK(columns->shard(0).Day(docid) == 0);
  }
  CHECK(columns->shard(0).Day(1) == 20161219);
  CHECK(columns->shard(0).StoryKey(1) == 0xabcd);
  CHECK(columns->shard(0).Codes(Facet::kEvents, 1).empty());
  CHECK(columns->MemoryBytes() > 0);
}

TEST_CASE("facet columns describe the revisions they were read at, and a stopped read gives none") {
  TempDir dir;
  const std::string path = (dir / "shard-0").string();
  Xapian::WritableDatabase writable(path, Xapian::DB_CREATE);
  Xapian::Document doc;
  doc.add_value(layout::kCountriesSlot, "TR");
  writable.add_document(doc);
  writable.commit();
  std::vector<Xapian::Database> shards = {Xapian::Database(path)};
  const std::shared_ptr<const IndexColumns> columns = IndexColumns::Read(shards, {});
  REQUIRE(columns);
  CHECK(columns->Describe(shards));
  writable.add_document(doc);
  writable.commit();
  std::vector<Xapian::Database> reopened = {Xapian::Database(path)};
  CHECK_FALSE(columns->Describe(reopened));
  CHECK_FALSE(columns->Describe({}));

  std::stop_source stop;
  stop.request_stop();
  // Stops are checked every few thousand documents.
  for (int i = 0; i < 5000; ++i) writable.add_document(doc);
  writable.commit();
  std::vector<Xapian::Database> large = {Xapian::Database(path)};
  CHECK_FALSE(IndexColumns::Read(large, stop.get_token()));
  CHECK(IndexColumns::Read(large, {}));
}
