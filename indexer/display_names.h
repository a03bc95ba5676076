// The name a facet shows for a person or an organisation, chosen index-wide
// from the spellings the articles use.
//
// Each article records how it spells each entity as a spelling term (prefix
// + id + layout::kSpellingSeparator + spelling: layout::kPersonSpellingPrefix,
// layout::kOrganisationSpellingPrefix), so the term frequency is the number
// of articles using that spelling. The end of every index run chooses from
// them and keeps the choice in shard 0's metadata (layout::kPersonNameKey,
// layout::kOrganisationNameKey), where readers look names up.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "schemas/index_layout.h"

namespace newsfacet {

using DisplayNames = std::map<std::string, std::string>;  // id -> display name

// For every id with spelling terms under `spelling_prefix` in `index` (all
// shards, as committed): a spelling with diacritics if there is one
// ("Société Générale" over "Societe Generale"), else the spelling most
// articles use.
DisplayNames ChooseDisplayNames(const Xapian::Database& index, std::string_view spelling_prefix);

// The display name stored under `name_key` (layout::kPersonNameKey...) for
// `id`; the id itself when there is none.
std::string StoredDisplayName(const Xapian::Database& index, std::string_view name_key, const std::string& id);

// Makes the metadata under `key_prefix` in `shard` exactly `wanted`
// (key_prefix + key -> value), writing only what changed and removing the
// keys `wanted` does not list. The caller commits.
template <typename Map>
void SyncMetadata(Xapian::WritableDatabase& shard, std::string_view key_prefix, const Map& wanted) {
  const std::string prefix(key_prefix);
  std::vector<std::string> stale;
  for (auto it = shard.metadata_keys_begin(prefix); it != shard.metadata_keys_end(prefix); ++it) {
    if (!wanted.count((*it).substr(prefix.size()))) stale.push_back(*it);
  }
  for (const std::string& key : stale) shard.set_metadata(key, "");
  for (const auto& [name, value] : wanted) {
    std::string key = layout::KeyOf(prefix, name);
    if (shard.get_metadata(key) != value) shard.set_metadata(key, value);
  }
}

}  // namespace newsfacet
