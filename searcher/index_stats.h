// Facts about an index for /api/stats: how many articles, which dates,
// how big on disk, and when it last changed.
#pragma once

#include <filesystem>

#include <xapian.h>

#include "searcher/search_response.h"

namespace newsfacet {

// The date range comes from the date slot's value bounds, which Xapian
// keeps without a scan (after deletions they may be wider than the dates
// left). Size and last update come from the files under `index_dir`.
// Leaves `shards` and `layout_version` to the caller's manifest.
IndexStats ReadIndexStats(const Xapian::Database& db, const std::filesystem::path& index_dir);

}  // namespace newsfacet
