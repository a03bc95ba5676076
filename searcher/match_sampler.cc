#include "searcher/match_sampler.h"

namespace newsfacet {

bool MatchSampler::Sampled(Xapian::docid docid, Xapian::doccount rate) {
  // splitmix64's finaliser: neighbouring docids land far apart.
  uint64_t mixed = docid + 0x9e3779b97f4a7c15ull;
  mixed = (mixed ^ (mixed >> 30)) * 0xbf58476d1ce4e5b9ull;
  mixed = (mixed ^ (mixed >> 27)) * 0x94d049bb133111ebull;
  mixed ^= mixed >> 31;
  return (mixed & (rate - 1)) == 0;
}

void MatchSampler::init(const Xapian::Database& db) {
  documents_ = db.get_doccount();
  last_docid_ = db.get_lastdocid();
  current_ = 0;
}

void MatchSampler::SettleFrom(Xapian::docid docid) {
  current_ = docid;
  while (current_ <= last_docid_ && !Sampled(current_, rate_)) ++current_;
}

void MatchSampler::next(double) { SettleFrom(current_ + 1); }

void MatchSampler::skip_to(Xapian::docid docid, double) {
  if (docid > current_) SettleFrom(docid);
}

Xapian::Query SampledQuery(const Xapian::Query& query, MatchSampler* sampler) {
  return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(sampler));
}

}  // namespace newsfacet
