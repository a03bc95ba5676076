#include "searcher/match_sampler.h"

#include <doctest/doctest.h>

#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

TEST_CASE("the sampler keeps about one docid in `rate`, spread evenly over the docid range") {
  constexpr Xapian::docid kDocids = 64000;
  constexpr Xapian::doccount kRate = 16;
  // Per eighth of the range: old and new articles are sampled alike.
  std::vector<int> kept(8, 0);
  for (Xapian::docid docid = 1; docid <= kDocids; ++docid) {
    if (MatchSampler::Sampled(docid, kRate)) ++kept[(docid - 1) / (kDocids / 8)];
  }
  for (int eighth : kept) {
    CHECK(eighth > 0.8 * kDocids / 8 / kRate);
    CHECK(eighth < 1.2 * kDocids / 8 / kRate);
  }
  // A fixed choice: the same docids every time.
  CHECK(MatchSampler::Sampled(12345, kRate) == MatchSampler::Sampled(12345, kRate));
}

TEST_CASE("a sampled query matches exactly the query's documents that the sampler keeps") {
  TempDir dir;
  {
    Xapian::WritableDatabase writable(dir.path().string(), Xapian::DB_CREATE);
    for (int i = 0; i < 3000; ++i) {
      Xapian::Document doc;
      doc.add_term(i % 3 == 0 ? "Zthird" : "Zother");
      writable.add_document(doc);
    }
    writable.commit();
  }
  Xapian::Database db(dir.path().string());
  constexpr Xapian::doccount kRate = 8;
  MatchSampler sampler(kRate);
  Xapian::Enquire enquire(db);
  enquire.set_query(SampledQuery(Xapian::Query("Zthird"), &sampler));
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  Xapian::doccount expected = 0;
  for (Xapian::docid docid = 1; docid <= 3000; ++docid) {
    if ((docid - 1) % 3 == 0 && MatchSampler::Sampled(docid, kRate)) ++expected;
  }
  CHECK(expected > 0);
  CHECK(mset.size() == expected);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    CHECK((*it - 1) % 3 == 0);
    CHECK(MatchSampler::Sampled(*it, kRate));
  }
}
