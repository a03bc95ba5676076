#include "searcher/index_facet_catalog.h"

#include <algorithm>

#include "schemas/store/index_directory.h"

namespace newsfacet {

IndexFacetCatalog::IndexFacetCatalog(std::filesystem::path index_dir, int shards)
    : index_dir_(std::move(index_dir)), shards_(shards) {}

std::vector<Xapian::rev> IndexFacetCatalog::LatestRevisions() {
  shard_handles_.resize(static_cast<size_t>(shards_));
  std::vector<Xapian::rev> revisions;
  for (int shard = 0; shard < shards_; ++shard) {
    std::unique_ptr<Xapian::Database>& handle = shard_handles_[static_cast<size_t>(shard)];
    if (!handle) {
      handle = std::make_unique<Xapian::Database>(ShardPath(index_dir_, shard).string());
    } else {
      handle->reopen();
    }
    revisions.push_back(handle->get_revision());
  }
  return revisions;
}

std::shared_ptr<const IndexFacetCatalog::Ranked> IndexFacetCatalog::Get(
    Facet facet, const std::shared_ptr<const SurnameMap>& names) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    std::vector<Xapian::rev> revisions = LatestRevisions();
    const bool same_map = !generation_.owner_before(names) && !names.owner_before(generation_);
    if (revisions != revisions_ || !same_map) {
      for (auto& ranked : ranked_) ranked.reset();
      revisions_ = std::move(revisions);
      generation_ = names;
    }
    std::shared_ptr<const Ranked>& ranked = At(ranked_, facet);
    if (ranked) return ranked;
    // Reopened after the revisions were read, so the counts are never older
    // than the revisions they are kept under.
    if (!index_) {
      index_ = std::make_unique<Xapian::Database>(index_dir_.string());
    } else {
      index_->reopen();
    }
    auto built = std::make_shared<Ranked>();
    const SurnameLookup surnames(names);
    built->counts = CountFacetInIndex(*index_, facet, &surnames);
    built->ids_by_count.reserve(built->counts.counts.size());
    for (const auto& [id, count] : built->counts.counts) built->ids_by_count.push_back(id);
    const IdCounts& counts = built->counts.counts;
    std::sort(built->ids_by_count.begin(), built->ids_by_count.end(), [&](const std::string& a, const std::string& b) {
      const Xapian::doccount count_a = counts.find(a)->second, count_b = counts.find(b)->second;
      return count_a != count_b ? count_a > count_b : a < b;
    });
    ranked = std::move(built);
    return ranked;
  } catch (...) {
    // A handle that failed may be unusable: open afresh next time.
    shard_handles_.clear();
    index_.reset();
    revisions_.clear();
    throw;
  }
}

FacetCounts CandidateValues(const IndexFacetCatalog::Ranked& ranked, Facet facet, size_t limit,
                            const std::vector<std::string>& always, std::string_view prefix, LabelCache& labels,
                            const Xapian::Database& db, const std::shared_ptr<const SurnameMap>& names) {
  FacetCounts candidates;
  candidates.exact = ranked.counts.exact;
  const IdCounts& counts = ranked.counts.counts;
  const std::vector<std::string>& ids = ranked.ids_by_count;
  if (prefix.empty()) {
    for (size_t i = 0; i < std::min(limit, ids.size()); ++i) candidates.counts.emplace(ids[i], counts.find(ids[i])->second);
    for (const std::string& id : always) {
      if (auto it = counts.find(id); it != counts.end()) candidates.counts.emplace(id, it->second);
    }
    return candidates;
  }
  // Matched in rank order, a slice at a time, until `limit` match: a common
  // prefix stops within the first slice, and only a rare one names every value.
  constexpr size_t kSlice = 1024;
  size_t matched = 0;
  for (size_t begin = 0; begin < ids.size() && matched < limit; begin += kSlice) {
    const std::vector<std::string> slice(ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                         ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), begin + kSlice)));
    for (auto& [id, label] : labels.Matching(db, facet, slice, prefix, names)) {
      if (matched == limit) break;
      ++matched;
      candidates.counts.emplace(id, counts.find(id)->second);
    }
  }
  return candidates;
}

}  // namespace newsfacet
