#include "searcher/match_sampler.h"

#include <doctest/doctest.h>

#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

TEST_CASE("the sampler keeps about one docid in `rate`, in runs, spread evenly over the docid range") {
  constexpr Xapian::docid kDocids = 5120000;
  constexpr Xapian::doccount kRate = 16;
  const Xapian::docid run = MatchSampler::RunFor(kDocids, kRate);
  CHECK(run == kSampleRun);
  // Per eighth of the range: old and new articles are sampled alike.
  std::vector<int> kept(8, 0);
  for (Xapian::docid docid = 1; docid <= kDocids; ++docid) {
    if (MatchSampler::Sampled(docid, kRate, run)) ++kept[(docid - 1) / (kDocids / 8)];
  }
  for (int eighth : kept) {
    CHECK(eighth > 0.75 * kDocids / 8 / kRate);
    CHECK(eighth < 1.25 * kDocids / 8 / kRate);
  }
  // A run is kept or left whole.
  for (Xapian::docid docid = 1; docid <= kDocids; ++docid) {
    const Xapian::docid run_start = (docid - 1) / run * run + 1;
    if (MatchSampler::Sampled(docid, kRate, run) != MatchSampler::Sampled(run_start, kRate, run)) FAIL("docid " << docid);
  }
  // A fixed choice: the same docids every time.
  CHECK(MatchSampler::Sampled(12345, kRate, run) == MatchSampler::Sampled(12345, kRate, run));
  // A small shard is sampled docid by docid, so that the sample has many runs.
  CHECK(MatchSampler::RunFor(4000, kRate) == 1);
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
  // Rate 2 samples runs of several docids here, rate 8 single docids.
  CHECK(MatchSampler::RunFor(3000, 2) > 1);
  for (Xapian::doccount rate : {Xapian::doccount{2}, Xapian::doccount{8}}) {
    CAPTURE(rate);
    const Xapian::docid run = MatchSampler::RunFor(3000, rate);
    MatchSampler sampler(rate);
    Xapian::Enquire enquire(db);
    enquire.set_query(SampledQuery(Xapian::Query("Zthird"), &sampler));
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    Xapian::doccount expected = 0;
    for (Xapian::docid docid = 1; docid <= 3000; ++docid) {
      if ((docid - 1) % 3 == 0 && MatchSampler::Sampled(docid, rate, run)) ++expected;
    }
    CHECK(expected > 0);
    CHECK(mset.size() == expected);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      CHECK((*it - 1) % 3 == 0);
      CHECK(MatchSampler::Sampled(*it, rate, run));
    }
  }
}
