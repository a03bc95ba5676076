#include "searcher/column_store.h"

#include <doctest/doctest.h>

#include "schemas/index_layout.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

// Adds an article about `countries` to `shard` and commits.
void AddArticle(Xapian::WritableDatabase& shard, const std::string& countries) {
  Xapian::Document doc;
  doc.add_value(layout::kCountriesSlot, countries);
  shard.add_document(doc);
  shard.commit();
}

// The columns of `store`, once it has read `shards`.
std::shared_ptr<const IndexColumns> ReadNow(ColumnStore& store, const std::vector<Xapian::Database>& shards) {
  store.For(shards);
  store.WaitForRead();
  return store.For(shards);
}

}  // namespace

TEST_CASE("the column store reads columns in the background and reads again after a commit") {
  TempDir dir;
  const std::string path = (dir / "shard-0").string();
  Xapian::WritableDatabase writable(path, Xapian::DB_CREATE);
  AddArticle(writable, "TR");

  ColumnStore store({path}, /*pause=*/0);
  std::vector<Xapian::Database> shards = {Xapian::Database(path)};
  // The first ask starts a read and counts without columns meanwhile.
  CHECK_FALSE(store.For(shards));
  store.WaitForRead();
  const std::shared_ptr<const IndexColumns> first = store.For(shards);
  REQUIRE(first);
  CHECK(first->shard(0).Codes(Facet::kCountries, 1).size() == 1);
  CHECK(store.For(shards) == first);

  AddArticle(writable, "TR\nRU");
  std::vector<Xapian::Database> reopened = {Xapian::Database(path)};
  // Handles at the new revision get no columns until they are read.
  CHECK_FALSE(store.For(reopened));
  // The old handles' columns were replaced only once the new ones are read.
  store.WaitForRead();
  const std::shared_ptr<const IndexColumns> second = store.For(reopened);
  REQUIRE(second);
  CHECK(second->shard(0).Codes(Facet::kCountries, 2).size() == 2);
  // Handles older than the columns count without them, and start no read.
  CHECK_FALSE(store.For(shards));
  store.WaitForRead();
  CHECK(store.For(reopened) == second);
}

TEST_CASE("the column store reads a compacted shard again, though its revision starts from 1") {
  TempDir dir;
  const std::string path = (dir / "shard-0").string();
  {
    Xapian::WritableDatabase writable(path, Xapian::DB_CREATE);
    for (int i = 0; i < 3; ++i) AddArticle(writable, "TR");
  }
  ColumnStore store({path}, /*pause=*/0);
  std::vector<Xapian::Database> shards = {Xapian::Database(path)};
  REQUIRE(ReadNow(store, shards));
  const std::string compacted = (dir / "compacted").string();
  Xapian::Database(path).compact(compacted);
  std::filesystem::remove_all(path);
  std::filesystem::rename(compacted, path);
  std::vector<Xapian::Database> reopened = {Xapian::Database(path)};
  REQUIRE(reopened[0].get_revision() < shards[0].get_revision());
  CHECK(ReadNow(store, reopened));
}

TEST_CASE("a column store whose shard cannot be opened gives no columns and keeps going") {
  TempDir dir;
  ColumnStore store({(dir / "missing").string()}, /*pause=*/0);
  std::vector<Xapian::Database> none;
  CHECK_FALSE(store.For(none));
  store.WaitForRead();
  CHECK_FALSE(store.For(none));
  store.WaitForRead();
}

TEST_CASE("the column store starts no read sooner after the last than the pause asks") {
  TempDir dir;
  const std::string path = (dir / "shard-0").string();
  Xapian::WritableDatabase writable(path, Xapian::DB_CREATE);
  AddArticle(writable, "TR");
  // A pause of a million times the read: no second read within the test.
  ColumnStore store({path}, /*pause=*/1000000);
  std::vector<Xapian::Database> shards = {Xapian::Database(path)};
  REQUIRE(ReadNow(store, shards));
  AddArticle(writable, "TR");
  std::vector<Xapian::Database> reopened = {Xapian::Database(path)};
  CHECK_FALSE(store.For(reopened));
  store.WaitForRead();
  CHECK_FALSE(store.For(reopened));
}
