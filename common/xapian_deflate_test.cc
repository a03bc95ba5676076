#include "common/xapian_deflate.h"

#include <doctest/doctest.h>
#include <xapian.h>
#include <zlib.h>

#include <fstream>
#include <iterator>
#include <string>

#include "tests/temp_dir.h"

TEST_CASE("xapian deflate: Xapian's term list compression comes through our deflateInit2_, and reads back") {
  newsfacet::testing::TempDir dir;
  const long before = newsfacet::XapianDeflateStreamsTuned();
  {
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("aaa-newsfacet-stored-plain");  // sorts first: stored whole, not front-coded
    for (int i = 0; i < 500; ++i) doc.add_term("term" + std::to_string(i));
    doc.set_data(std::string(4000, 'x'));
    db.add_document(doc);
    db.commit();
  }
  CHECK(newsfacet::XapianDeflateStreamsTuned() > before);
  // The term list is stored as it is: a term's bytes can be found in the
  // file (deflate would have turned them into Huffman codes).
  std::ifstream termlist(dir / "db" / "termlist.glass", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(termlist)), std::istreambuf_iterator<char>());
  CHECK(bytes.find("aaa-newsfacet-stored-plain") != std::string::npos);
  Xapian::Database db((dir / "db").string());
  CHECK(db.get_document(1).get_data() == std::string(4000, 'x'));
  CHECK(db.get_document(1).termlist_count() == 501);
}

namespace {

// Deflates text through a fresh stream; returns the compressed size.
size_t DeflatedSize(const std::string& text, int window_bits) {
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(text.size() + 1024, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  CHECK(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  const size_t size = stream.total_out;
  deflateEnd(&stream);
  return size;
}

}  // namespace

TEST_CASE("xapian deflate: raw streams (Xapian's) store, streams with a header still compress") {
  const std::string text(4000, 'x');
  CHECK(DeflatedSize(text, -15) >= text.size());  // stored: Xapian keeps the entry as it is
  CHECK(DeflatedSize(text, 15) < 100);            // zlib format: untouched
  CHECK(DeflatedSize(text, 31) < 100);            // gzip format: untouched
}
