#include "searcher/match_sampler.h"

#include <algorithm>

namespace newsfacet {

Xapian::docid MatchSampler::RunFor(Xapian::doccount documents, Xapian::doccount rate) {
  const uint64_t run = documents / (uint64_t{rate} * kSampledRuns);
  return static_cast<Xapian::docid>(std::clamp<uint64_t>(run, 1, kSampleRun));
}

bool MatchSampler::Sampled(Xapian::docid docid, Xapian::doccount rate, Xapian::docid run) {
  // splitmix64's finaliser: neighbouring runs land far apart.
  uint64_t mixed = (docid - 1) / run + 0x9e3779b97f4a7c15ull;
  mixed = (mixed ^ (mixed >> 30)) * 0xbf58476d1ce4e5b9ull;
  mixed = (mixed ^ (mixed >> 27)) * 0x94d049bb133111ebull;
  mixed ^= mixed >> 31;
  return (mixed & (rate - 1)) == 0;
}

void MatchSampler::init(const Xapian::Database& db) {
  documents_ = db.get_doccount();
  last_docid_ = db.get_lastdocid();
  run_ = RunFor(documents_, rate_);
  current_ = 0;
  run_end_ = 0;
}

void MatchSampler::SettleFrom(Xapian::docid docid) {
  // Within the sampled run already settled in, no hash is needed.
  if (docid <= run_end_) {
    current_ = docid;
    return;
  }
  current_ = docid;
  // Run by run: the first docid of the next run, until one is sampled.
  while (current_ <= last_docid_ && !Sampled(current_, rate_, run_)) current_ = ((current_ - 1) / run_ + 1) * run_ + 1;
  run_end_ = ((current_ - 1) / run_ + 1) * run_;
}

void MatchSampler::next(double) { SettleFrom(current_ + 1); }

void MatchSampler::skip_to(Xapian::docid docid, double) {
  if (docid > current_) SettleFrom(docid);
}

Xapian::Query SampledQuery(const Xapian::Query& query, MatchSampler* sampler) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(sampler));
}

}  // namespace newsfacet
