// Near-duplicates collapsed into one story, without Xapian's collapse.
//
// Enquire::set_collapse_key makes the matcher keep up to check_at_least
// candidates so that it can replace a collapsed one, and a search sets
// check_at_least to every match for its facet spies: collapsing then
// ranked every match (~40% of a search's CPU). Instead, StoryCounter rides
// with the facet spies and tallies each match's near-duplicate key
// (layout::kNearDuplicateSlot), and PickStories collapses only the ranked
// head of the result set that a page needs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsfacet {

struct ShardColumns;

// The key as a number: 12 hex digits as the indexer writes them. nullopt
// for an article without a key (never collapsed) or a malformed one.
std::optional<uint64_t> ParseNearDuplicateKey(const std::string& value);

class StoryCounter : public Xapian::MatchSpy {
 public:
  // `run_length`, when not 0: matches come from a sample taken in runs of
  // that many docids (match_sampler.h), in docid order, and the counter
  // also tallies the pairs of one story within one run.
  explicit StoryCounter(Xapian::docid run_length = 0) : run_length_(run_length) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  // Reads each match's key from `columns` (facet_columns.h) rather than
  // from its slot: the counter is then shown that shard's matches alone.
  void UseColumns(const ShardColumns* columns) { columns_ = columns; }
  // Adds what `other` (on another shard) counted: a story's articles may
  // be on several shards.
  void Merge(const StoryCounter& other);

  // Matches seen, and the stories among them: distinct keys plus every
  // article without a key.
  Xapian::doccount seen() const { return seen_; }
  Xapian::doccount stories() const { return static_cast<Xapian::doccount>(distinct_keys_) + unkeyed_; }
  // Pairs of matches seen that are of one story: for each key with n
  // matches, n(n-1)/2.
  uint64_t PairsWithinStories() const;
  // Of those, the pairs whose two matches are in one sampling run.
  uint64_t PairsWithinRuns() const { return pairs_within_runs_; }
  // Matches seen with this key (0 when none).
  Xapian::doccount ArticlesWithKey(uint64_t key) const;
  // Counts `articles` more with this key.
  void Add(uint64_t key, Xapian::doccount articles);
  // Makes room for about `keys` keys before any is counted: growing the
  // table as keys come costs rehashing every key several times.
  void Reserve(size_t keys);

 private:
  // Matches per key, in an open-addressing table: most keys are seen once,
  // so a node per key (std::unordered_map) would cost an allocation a match.
  // The keys are hashes already, so their low bits index the table.
  struct Slot {
    Xapian::docid last_run = 0;     // the sampling run of the key's last match
    Xapian::doccount in_run = 0;    // matches of the key in that run
    uint64_t key = 0;
    Xapian::doccount count = 0;  // 0: empty
  };
  size_t FindSlot(uint64_t key) const;
  void Grow();

  std::vector<Slot> table_ = std::vector<Slot>(1024);
  size_t distinct_keys_ = 0;
  Xapian::doccount unkeyed_ = 0;
  Xapian::doccount seen_ = 0;
  Xapian::docid run_length_;
  uint64_t pairs_within_runs_ = 0;
  const ShardColumns* columns_ = nullptr;
};

// Which ranks of a ranked list a collapsed page shows: the list is the
// matches in rank order, each by its key (nullopt: no key). A story is
// shown at the rank of its best-ranked article; the page holds the stories
// numbered offset .. offset+limit-1 (from 0).
struct StoryPage {
  std::vector<size_t> ranks;
  // False when the list ran out before the page was full: if there are
  // more matches than listed, rank more and pick again.
  bool complete = false;
};
StoryPage PickStories(const std::vector<std::optional<uint64_t>>& keys_by_rank, size_t offset, size_t limit);

// Ranks enough of `enquire`'s matches to fill the page of stories
// offset .. offset+limit-1 and returns the page's hits, in order; `ranked`
// keeps the ranking they point into. Should near-duplicates fill the
// ranked head, a longer head is ranked. `head`, when given, tallies the
// keys of every ranked match: a lower bound of each story's articles,
// for when the count pass only sampled the matches.
std::vector<Xapian::MSetIterator> RankStories(Xapian::Enquire& enquire, Xapian::doccount offset,
                                              Xapian::doccount limit, Xapian::MSet* ranked,
                                              StoryCounter* head = nullptr);

}  // namespace newsfacet
