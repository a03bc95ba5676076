// Facet counts over a result set: for each value of one facet, how many of
// the matching articles have it.
//
// FacetCounter is a Xapian::MatchSpy: Xapian shows it every document the
// matcher considers, and it counts the ids in the document's facet slot
// (layout::kPeopleSlot, ...: "TR\nRU"). The matcher considers every match
// only when asked to (check_at_least), so a count is exact when the spy saw
// every match; past the count limit it is shown a sample of them instead,
// each standing for the sampling rate (shard_counts.h).
//
// Ids are read from the shard's facet columns (facet_columns.h) when the
// counter is given them: one array lookup a match. Otherwise they are read
// through the Document the matcher passes, from the slot's value stream.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "searcher/facet.h"
#include "common/fast_hash.h"
#include "searcher/facet_columns.h"
#include "searcher/short_string_table.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

// Articles per facet value id.
using IdCounts = std::unordered_map<std::string, Xapian::doccount, FastStringHash, std::equal_to<>>;

// For people, the slot also lists an article's lone surnames ("~karlov"):
// with a SurnameLookup they count for the person they resolve to (once per
// article), and those that resolve to no one are not counted. A person id
// that names an organisation (SurnameLookup::NamesOrganisation) is left
// out when the counts are read.
//
// Per document the counter splits the slot's value into ids and tallies
// each in a table of short strings (short_string_table.h): no allocation
// a match, and a table bounded by the index's entities. (Tallying whole
// values instead is cheap only while articles share few combinations of
// ids; on a large archive nearly every article's combination is new.)
class FacetCounter : public Xapian::MatchSpy {
 public:
  // `surnames`, when given, must outlive the counter. Each document seen
  // counts `per_document` articles: 1, or the sampling rate when the
  // matcher shows the counter a sample of the matches (match_sampler.h).
  explicit FacetCounter(Facet facet, const SurnameLookup* surnames = nullptr, Xapian::doccount per_document = 1)
      : facet_(facet), slot_(FacetSlot(facet)), surnames_(surnames), per_document_(per_document) {}

  // Reads each match's ids from shard `shard` of `columns` (facet_columns.h)
  // rather than from its slot: the counter is then shown that shard's
  // matches alone, at the columns' revision.
  void UseColumns(std::shared_ptr<const IndexColumns> columns, size_t shard);

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override { return new FacetCounter(facet_, surnames_, per_document_); }
  std::string name() const override { return "newsfacet.FacetCounter"; }
  // Adds what `other` (of the same facet, on another shard) counted.
  void Merge(const FacetCounter& other);
  // Counts `articles` articles whose slot holds `value`: a combination of
  // ids tallied elsewhere (remote_counts.h), split and resolved as here.
  void CountValue(std::string_view value, Xapian::doccount articles);

  Facet facet() const { return facet_; }
  // Articles seen per value id.
  IdCounts counts() const;
  // The same, for the `limit` values with the most articles (ties by id)
  // and those of `always` that were seen: what TopValues needs to rank
  // the whole without naming every value.
  IdCounts TopCounts(size_t limit, const std::vector<std::string>& always) const;
  Xapian::doccount documents_seen() const { return documents_seen_; }

 private:
  struct DocumentId {
    std::string_view id;
    uint64_t hash;
  };
  // The ids of one slot value, lone surnames resolved, each once.
  void IdsOf(std::string_view value, std::vector<DocumentId>* ids);
  bool Counted(const std::string& id) const;
  void CountCodes(std::span<const uint32_t> codes);
  // The person a lone surname's code resolves to, as a code; kNoCode when
  // no one, kNotInDictionary when someone whose id has no code.
  int64_t ResolvedCode(uint32_t surname_code);
  // Adds `articles` to `id`'s count.
  void AddArticles(const std::string& id, Xapian::doccount articles);
  // Articles counted for `id`.
  Xapian::doccount ArticlesOf(const std::string& id) const;
  // Calls f(id, articles) for every id counted.
  template <typename F>
  void ForEachCount(F&& f) const;

  Facet facet_;
  Xapian::valueno slot_;
  const SurnameLookup* surnames_;
  Xapian::doccount per_document_;
  ShortStringTable<Xapian::doccount> articles_;  // per value id
  // Lone surname -> the person it resolves to (null: no one), looked up
  // once per surname.
  ShortStringTable<const std::string*> resolved_;
  std::vector<DocumentId> ids_;  // reused per document
  // With columns: articles per code of this facet's dictionary; ids with
  // no code (a surname resolving to someone the columns do not know) are
  // in articles_.
  std::shared_ptr<const IndexColumns> columns_;
  const ShardColumns* shard_columns_ = nullptr;
  const FacetDictionary* dictionary_ = nullptr;
  std::vector<Xapian::doccount> by_code_;
  std::vector<int32_t> resolved_codes_;  // per surname code, once looked up
  std::vector<int64_t> document_codes_;  // reused per document
  Xapian::doccount documents_seen_ = 0;
};

struct FacetCounts {
  IdCounts counts;
  bool exact = true;  // false: estimated from a sample of the matches (shard_counts.h)
};

// Counts `facet` over the whole index from its terms' frequencies: exact,
// and without looking at a single document. People also get the articles
// of their resolved lone surnames (which never name them in full too).
FacetCounts CountFacetInIndex(const Xapian::Database& db, Facet facet, const SurnameLookup* surnames = nullptr);

struct RankedValue {
  std::string id;
  Xapian::doccount count = 0;
};

// The `limit` values with the highest counts (ties by id), then any of
// `always` not among them (selected filter values stay visible), with
// their counts (0 when absent).
std::vector<RankedValue> TopValues(const FacetCounts& counts, size_t limit, const std::vector<std::string>& always = {});

}  // namespace newsfacet
