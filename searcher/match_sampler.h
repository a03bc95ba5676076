// A uniform sample of a shard's documents, as a Xapian query to AND with:
// past the count limit, facets are counted over the matches this lets
// through and scaled up, rather than over the first matches in docid order
// (which are the oldest articles).
//
// Docids are taken in runs of up to kSampleRun consecutive ones: a run is in the
// sample when a mix of its number falls in 1 of `rate` parts, a fixed
// pseudo-random choice, the same for every query (so an answer does not
// change between two identical requests), independent of the articles' age
// or content. The matcher skips to the sampled docids, so a sampled count
// costs in proportion to the sample, not to the matches. Runs rather than
// single docids because Xapian stores a slot's values, and postings, in
// blocks of neighbouring docids: one sampled docid in every few would
// still have every block read, and a count past the limit would cost
// nearly as much I/O as counting every match. Runs are shorter on a
// small shard, so that a sample holds at least kSampledRuns runs where it
// can: the fewer the runs, the more an estimate varies.
#pragma once

#include <cstdint>
#include <string>

#include <xapian.h>

namespace newsfacet {

inline constexpr Xapian::docid kSampleRun = 64;
inline constexpr Xapian::doccount kSampledRuns = 512;

class MatchSampler : public Xapian::PostingSource {
 public:
  // One document in `rate` (a power of two).
  explicit MatchSampler(Xapian::doccount rate) : rate_(rate) {}

  // Whether `docid` is sampled, in runs of `run` docids.
  static bool Sampled(Xapian::docid docid, Xapian::doccount rate, Xapian::docid run);
  // The run length for a shard of `documents`.
  static Xapian::docid RunFor(Xapian::doccount documents, Xapian::doccount rate);

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return documents_ / rate_; }
  Xapian::doccount get_termfreq_max() const override { return documents_; }
  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid docid, double min_wt) override;
  bool at_end() const override { return current_ > last_docid_; }
  Xapian::docid get_docid() const override { return current_; }
  Xapian::PostingSource* clone() const override { return new MatchSampler(rate_); }
  std::string get_description() const override { return "MatchSampler(1/" + std::to_string(rate_) + ")"; }

 private:
  void SettleFrom(Xapian::docid docid);

  Xapian::doccount rate_;
  Xapian::docid run_ = 1;
  Xapian::doccount documents_ = 0;
  Xapian::docid last_docid_ = 0;
  Xapian::docid current_ = 0;
  Xapian::docid run_end_ = 0;  // the last docid of the sampled run current_ is in
};

// A query matching the documents of `query` that the sampler keeps.
Xapian::Query SampledQuery(const Xapian::Query& query, MatchSampler* sampler);

}  // namespace newsfacet
