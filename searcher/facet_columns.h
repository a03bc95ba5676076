// Every article's facet ids, day and near-duplicate key, held in memory by
// docid: counting a match then costs a few array reads.
//
// Read from the value slots, a match costs a B-tree descent per slot for
// each sampling run (match_sampler.h) and a string hashed per facet id; on a
// million articles that was four fifths of a broad search's CPU. Columns
// number each facet value id once (FacetDictionary) and keep, per shard,
// each document's numbers in one array, so a facet spy tallies into an
// array by number and only names the values it reports.
//
// Columns describe the shards at the revisions they were read at; they
// serve only handles at those revisions (ColumnStore, column_store.h, reads
// new ones in the background), so a count from columns is the count the
// slots would give.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/fast_hash.h"
#include "searcher/facet.h"

namespace newsfacet {

// The value ids of one facet over the whole index, numbered from 0.
class FacetDictionary {
 public:
  // The id's number, added when new.
  uint32_t CodeOf(std::string_view id);
  // The id's number, or -1 when absent.
  int64_t Find(std::string_view id) const;
  const std::string& IdOf(uint32_t code) const { return ids_[code]; }
  // Whether the code stands for a lone surname ("~karlov", layout.h's
  // kUnresolvedMarker), which counts for the person it resolves to.
  bool IsSurname(uint32_t code) const { return surname_[code]; }
  size_t size() const { return ids_.size(); }
  size_t MemoryBytes() const;

 private:
  std::unordered_map<std::string, uint32_t, FastStringHash, std::equal_to<>> codes_;
  std::vector<std::string> ids_;
  std::vector<bool> surname_;
};

// Set in a column's code of a lone surname (FacetDictionary::IsSurname),
// so that counting tells an article with one without a lookup.
inline constexpr uint32_t kSurnameBit = 0x80000000u;

// What no story key is (a key is 12 hex digits, below 2^48).
inline constexpr uint64_t kNoStoryKey = ~uint64_t{0};

// One shard's columns, by its own docids.
struct ShardColumns {
  // The shard read: a database of another uuid is another shard (a
  // compacted copy starts again from revision 1).
  std::string uuid;
  Xapian::rev revision = 0;
  // Document d's codes of facet f: codes[f][offsets[f][d] .. offsets[f][d + 1]),
  // each once, lone surnames' with kSurnameBit.
  PerFacet<std::vector<uint32_t>> offsets;
  PerFacet<std::vector<uint32_t>> codes;
  std::vector<uint32_t> days;         // by docid: the day as YYYYMMDD, 0 when undated
  std::vector<uint64_t> story_keys;   // by docid: kNoStoryKey when none

  std::span<const uint32_t> Codes(Facet facet, Xapian::docid docid) const;
  uint32_t Day(Xapian::docid docid) const { return docid < days.size() ? days[docid] : 0; }
  uint64_t StoryKey(Xapian::docid docid) const {
    return docid < story_keys.size() ? story_keys[docid] : kNoStoryKey;
  }
};

class IndexColumns {
 public:
  // Reads every document of `shards` (one handle per shard, each at the
  // revision it is opened at). Null when `stop` is requested meanwhile.
  // Throws what Xapian throws.
  static std::shared_ptr<const IndexColumns> Read(std::vector<Xapian::Database>& shards, std::stop_token stop);

  // Whether these are the columns of exactly `shards`' revisions.
  bool Describe(const std::vector<Xapian::Database>& shards) const;
  // Whether every one of `shards` is the shard read, at the revision read
  // or an older one: reading again would give these columns back.
  bool Cover(const std::vector<Xapian::Database>& shards) const;
  const FacetDictionary& dictionary(Facet facet) const { return At(dictionaries_, facet); }
  const ShardColumns& shard(size_t index) const { return shards_[index]; }
  size_t MemoryBytes() const { return memory_bytes_; }

 private:
  size_t CountMemory() const;

  PerFacet<FacetDictionary> dictionaries_;
  size_t memory_bytes_ = 0;
  std::vector<ShardColumns> shards_;
};

}  // namespace newsfacet
