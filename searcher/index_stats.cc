#include "searcher/index_stats.h"

#include <chrono>
#include <ctime>

#include "schemas/index_layout.h"

namespace newsfacet {
namespace {

namespace fs = std::filesystem;

// "20161219" -> "2016-12-19"; anything else -> "".
std::string IsoDay(const std::string& day) {
  if (day.size() != 8) return "";
  return day.substr(0, 4) + "-" + day.substr(4, 2) + "-" + day.substr(6, 2);
}

std::string IsoTime(fs::file_time_type time) {
  // file_clock's epoch is not the system clock's before C++20's clock_cast
  // is available everywhere: convert through the difference of "now"s.
  auto system_time = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
      time - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
  std::time_t seconds = std::chrono::system_clock::to_time_t(system_time);
  std::tm utc;
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

IndexStats ReadIndexStats(const Xapian::Database& db, const fs::path& index_dir) {
  IndexStats stats;
  stats.articles = db.get_doccount();
  stats.layout_version = layout::kLayoutVersion;
  if (stats.articles > 0) {
    stats.first_date = IsoDay(db.get_value_lower_bound(layout::kDateSlot));
    stats.last_date = IsoDay(db.get_value_upper_bound(layout::kDateSlot));
  }
  std::error_code error;
  fs::file_time_type newest = fs::file_time_type::min();
  for (auto it = fs::recursive_directory_iterator(index_dir, fs::directory_options::skip_permission_denied, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::error_code ignored;
    if (!it->is_regular_file(ignored)) continue;
    stats.index_bytes += it->file_size(ignored);
    const std::string top = fs::relative(it->path(), index_dir, ignored).begin()->string();
    if (top.rfind(layout::kShardDirPrefix, 0) != 0) continue;
    fs::file_time_type modified = it->last_write_time(ignored);
    if (!ignored && modified > newest) newest = modified;
  }
  if (newest != fs::file_time_type::min()) stats.last_update = IsoTime(newest);
  return stats;
}

}  // namespace newsfacet
