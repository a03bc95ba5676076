#include "searcher/facet_columns.h"

#include <algorithm>

#include "schemas/index_layout.h"
#include "searcher/story_counter.h"

namespace newsfacet {
namespace {

// Checked between documents: a stop is honoured within this many.
constexpr Xapian::docid kStopCheckEvery = 4096;

template <typename T>
size_t BytesOf(const std::vector<T>& values) {
  return values.capacity() * sizeof(T);
}

// Reads one facet slot of `shard` into `columns` (CSR by docid), numbering
// ids in `dictionary`. False when stopped.
bool ReadFacet(Xapian::Database& shard, Facet facet, Xapian::docid last_docid, FacetDictionary* dictionary,
               ShardColumns* columns, std::stop_token stop) {
  std::vector<uint32_t>& offsets = At(columns->offsets, facet);
  std::vector<uint32_t>& codes = At(columns->codes, facet);
  offsets.assign(static_cast<size_t>(last_docid) + 2, 0);
  Xapian::docid filled = 0;  // offsets[0 .. filled] are set
  Xapian::docid read = 0;
  for (Xapian::ValueIterator it = shard.valuestream_begin(FacetSlot(facet)); it != shard.valuestream_end(FacetSlot(facet));
       ++it) {
    if (++read % kStopCheckEvery == 0 && stop.stop_requested()) return false;
    const Xapian::docid docid = it.get_docid();
    if (docid > last_docid) break;  // added after get_lastdocid(): the next read has it
    while (filled < docid) offsets[++filled] = static_cast<uint32_t>(codes.size());
    const std::string value = *it;
    const size_t first = codes.size();
    std::string_view rest = value;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find(layout::kFacetValueSeparator), rest.size());
      if (end > 0) {
        uint32_t code = dictionary->CodeOf(rest.substr(0, end));
        if (dictionary->IsSurname(code)) code |= kSurnameBit;
        // Each id once per article, so that a count needs no check.
        if (std::find(codes.begin() + static_cast<std::ptrdiff_t>(first), codes.end(), code) == codes.end()) {
          codes.push_back(code);
        }
      }
      rest.remove_prefix(std::min(end + 1, rest.size()));
    }
  }
  while (filled <= last_docid) offsets[++filled] = static_cast<uint32_t>(codes.size());
  codes.shrink_to_fit();
  return true;
}

uint32_t DayNumber(const std::string& day) {
  if (day.size() != 8) return 0;
  uint32_t number = 0;
  for (char c : day) {
    if (c < '0' || c > '9') return 0;
    number = number * 10 + static_cast<uint32_t>(c - '0');
  }
  return number;
}

bool ReadDaysAndStories(Xapian::Database& shard, Xapian::docid last_docid, ShardColumns* columns,
                        std::stop_token stop) {
  columns->days.assign(static_cast<size_t>(last_docid) + 1, 0);
  columns->story_keys.assign(static_cast<size_t>(last_docid) + 1, kNoStoryKey);
  Xapian::docid read = 0;
  for (auto it = shard.valuestream_begin(layout::kDateSlot); it != shard.valuestream_end(layout::kDateSlot); ++it) {
    if (++read % kStopCheckEvery == 0 && stop.stop_requested()) return false;
    if (it.get_docid() <= last_docid) columns->days[it.get_docid()] = DayNumber(*it);
  }
  for (auto it = shard.valuestream_begin(layout::kNearDuplicateSlot);
       it != shard.valuestream_end(layout::kNearDuplicateSlot); ++it) {
    if (++read % kStopCheckEvery == 0 && stop.stop_requested()) return false;
    if (it.get_docid() > last_docid) continue;
    if (std::optional<uint64_t> key = ParseNearDuplicateKey(*it)) columns->story_keys[it.get_docid()] = *key;
  }
  return true;
}

}  // namespace

uint32_t FacetDictionary::CodeOf(std::string_view id) {
  if (auto it = codes_.find(id); it != codes_.end()) return it->second;
  const uint32_t code = static_cast<uint32_t>(ids_.size());
  ids_.emplace_back(id);
  surname_.push_back(!id.empty() && id[0] == layout::kUnresolvedMarker);
  codes_.emplace(ids_.back(), code);
  return code;
}

int64_t FacetDictionary::Find(std::string_view id) const {
  auto it = codes_.find(id);
  return it == codes_.end() ? -1 : static_cast<int64_t>(it->second);
}

size_t FacetDictionary::MemoryBytes() const {
  size_t bytes = BytesOf(ids_) + surname_.capacity() / 8 + codes_.bucket_count() * sizeof(void*);
  for (const std::string& id : ids_) bytes += 2 * (sizeof(std::string) + id.capacity()) + 2 * sizeof(void*);
  return bytes;
}

std::span<const uint32_t> ShardColumns::Codes(Facet facet, Xapian::docid docid) const {
  const std::vector<uint32_t>& offsets = At(this->offsets, facet);
  if (static_cast<size_t>(docid) + 1 >= offsets.size()) return {};
  const std::vector<uint32_t>& all = At(codes, facet);
  return std::span<const uint32_t>(all.data() + offsets[docid], offsets[docid + 1] - offsets[docid]);
}

std::shared_ptr<const IndexColumns> IndexColumns::Read(std::vector<Xapian::Database>& shards, std::stop_token stop) {
  auto columns = std::make_shared<IndexColumns>();
  for (Xapian::Database& shard : shards) {
    ShardColumns& read = columns->shards_.emplace_back();
    read.uuid = shard.get_uuid();
    read.revision = shard.get_revision();
    const Xapian::docid last_docid = shard.get_lastdocid();
    for (Facet facet : kAllFacets) {
      if (!ReadFacet(shard, facet, last_docid, &At(columns->dictionaries_, facet), &read, stop)) return nullptr;
    }
    if (!ReadDaysAndStories(shard, last_docid, &read, stop)) return nullptr;
  }
  columns->memory_bytes_ = columns->CountMemory();
  return columns;
}

bool IndexColumns::Describe(const std::vector<Xapian::Database>& shards) const {
  if (shards.size() != shards_.size()) return false;
  for (size_t s = 0; s < shards.size(); ++s) {
    if (shards[s].get_revision() != shards_[s].revision || shards[s].get_uuid() != shards_[s].uuid) return false;
  }
  return true;
}

bool IndexColumns::Cover(const std::vector<Xapian::Database>& shards) const {
  if (shards.size() != shards_.size()) return false;
  for (size_t s = 0; s < shards.size(); ++s) {
    if (shards[s].get_revision() > shards_[s].revision || shards[s].get_uuid() != shards_[s].uuid) return false;
  }
  return true;
}

size_t IndexColumns::CountMemory() const {
  size_t bytes = 0;
  for (const FacetDictionary& dictionary : dictionaries_) bytes += dictionary.MemoryBytes();
  for (const ShardColumns& shard : shards_) {
    for (Facet facet : kAllFacets) bytes += BytesOf(At(shard.offsets, facet)) + BytesOf(At(shard.codes, facet));
    bytes += BytesOf(shard.days) + BytesOf(shard.story_keys);
  }
  return bytes;
}

}  // namespace newsfacet
