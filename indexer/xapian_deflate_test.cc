#include "xapian_deflate.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include "temp_dir.h"

TEST_CASE("xapian deflate: Xapian's term list compression comes through the smaller-table deflateInit2_") {
  newsfacet::testing::TempDir dir;
  const long before = newsfacet::XapianDeflateStreamsTuned();
  {
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    for (int i = 0; i < 500; ++i) doc.add_term("term" + std::to_string(i));
    doc.set_data(std::string(4000, 'x'));
    db.add_document(doc);
    db.commit();
  }
  CHECK(newsfacet::XapianDeflateStreamsTuned() > before);
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_document(1).get_data() == std::string(4000, 'x'));
  CHECK(db.get_document(1).termlist_count() == 500);
}
