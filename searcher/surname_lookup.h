// Which person an article's lone surname stands for, as the index says now.
//
// An article that names someone only by surname ("Karlov said ...") keeps
// the surname unresolved (layout::kUnresolvedSurnamePrefix, and "~karlov"
// in layout::kPeopleSlot); the end of each index run maps every surname
// that exactly one known full name has to that person
// (layout::kSurnameResolutionKey), and readers apply the map. So a person's
// articles are those with the person's term plus those with a lone surname
// that resolves to them; the indexer never records both in one article.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "common/fast_hash.h"

namespace newsfacet {

// Surname key -> person id, looked up by string_view. It also holds, under
// kNotPersonMarker + person id, the organisation a person id names
// (layout::kNotPersonKey); no surname key starts with the marker.
using SurnameMap = std::unordered_map<std::string, std::string, FastStringHash, std::equal_to<>>;
inline constexpr char kNotPersonMarker = '=';

// Reads every resolution in `db` (from its first shard's metadata).
SurnameMap ReadSurnameMap(const Xapian::Database& db);

class SurnameLookup {
 public:
  explicit SurnameLookup(std::shared_ptr<const SurnameMap> map) : map_(std::move(map)) {}
  // Reads the map from `db` now (tests, one-off tools).
  static SurnameLookup FromIndex(const Xapian::Database& db) {
    return SurnameLookup(std::make_shared<const SurnameMap>(ReadSurnameMap(db)));
  }

  // "karlov" -> "andrei-karlov"; "" when the surname stands for no one
  // (no full name has it, or several do). Thread-safe.
  const std::string& PersonOf(std::string_view surname) const;

  // Whether the index holds `person_id` as an organisation ("meril-lynch"):
  // such ids are left out of the people facet and articles' people.
  bool NamesOrganisation(std::string_view person_id) const;

  // The surname whose lone mentions belong to `person_id`, if its surname
  // resolves to that person: "andrei-karlov" -> "karlov".
  std::optional<std::string> SurnameFor(const std::string& person_id) const;

 private:
  std::shared_ptr<const SurnameMap> map_;
};

// The surname map of an index that may be rewritten at any moment, read
// again only when a commit changed it: an index of Reuters' size holds
// hundreds of resolutions and tens of thousands of lone surnames, too many
// to look up one by one in every request. Thread-safe.
class SurnameMapCache {
 public:
  // `first_shard` is the database holding the index's metadata.
  explicit SurnameMapCache(std::filesystem::path first_shard) : first_shard_(std::move(first_shard)) {}

  // The map as of the first shard's latest commit. Throws Xapian::Error
  // when the shard cannot be read.
  std::shared_ptr<const SurnameMap> Current();

 private:
  const std::filesystem::path first_shard_;
  std::mutex mutex_;
  std::unique_ptr<Xapian::Database> shard_;
  Xapian::rev revision_ = 0;
  std::shared_ptr<const SurnameMap> map_;
};

}  // namespace newsfacet
