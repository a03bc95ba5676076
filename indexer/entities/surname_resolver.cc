#include "surname_resolver.h"

#include <algorithm>

#include "index_layout.h"

namespace newsfacet {
namespace {

std::string Surname(const std::string& person_id) {
  size_t dash = person_id.rfind('-');
  return dash == std::string::npos ? person_id : person_id.substr(dash + 1);
}

bool HasNonAscii(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::map<std::string, std::string> ChooseDisplayNames(const Xapian::Database& index) {
  struct Best {
    std::string spelling;
    Xapian::doccount articles = 0;
    bool accented = false;
  };
  std::map<std::string, Best> best;
  const std::string prefix(layout::kPersonSpellingPrefix);
  for (auto it = index.allterms_begin(prefix); it != index.allterms_end(prefix); ++it) {
    std::string entry = (*it).substr(prefix.size());
    size_t tab = entry.find(layout::kSpellingSeparator);
    if (tab == std::string::npos) continue;
    Best candidate{entry.substr(tab + 1), it.get_termfreq(), HasNonAscii(entry.substr(tab + 1))};
    Best& current = best[entry.substr(0, tab)];
    bool better = current.spelling.empty() || (candidate.accented && !current.accented) ||
                  (candidate.accented == current.accented && candidate.articles > current.articles);
    if (better) current = candidate;
  }
  std::map<std::string, std::string> names;
  for (auto& [id, choice] : best) names[id] = choice.spelling;
  return names;
}

// Writes key -> value for every entry of `wanted`, and removes the keys
// under `prefix` it does not list.
template <typename Map>
void SyncMetadata(Xapian::WritableDatabase& shard, const std::string& prefix, const Map& wanted) {
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

}  // namespace

KnownPeople GatherKnownPeople(const Xapian::Database& index) {
  KnownPeople known;
  known.display_names = ChooseDisplayNames(index);
  std::unordered_map<std::string, std::vector<FullNameUse>> ids_by_surname;
  const std::string person_prefix(layout::kPersonPrefix);
  for (auto it = index.allterms_begin(person_prefix); it != index.allterms_end(person_prefix); ++it) {
    std::string id = (*it).substr(person_prefix.size());
    if (id.find('-') == std::string::npos) continue;  // only full names resolve
    ids_by_surname[Surname(id)].push_back({id, it.get_termfreq()});
  }
  const std::string surname_prefix(layout::kUnresolvedSurnamePrefix);
  for (auto it = index.allterms_begin(surname_prefix); it != index.allterms_end(surname_prefix); ++it) {
    std::string surname = (*it).substr(surname_prefix.size());
    auto match = ids_by_surname.find(surname);
    if (match == ids_by_surname.end()) continue;
    if (std::string person = DominantFullName(match->second); !person.empty()) known.resolutions[surname] = person;
  }
  return known;
}

std::string DominantFullName(const std::vector<FullNameUse>& candidates) {
  if (candidates.empty()) return "";
  if (candidates.size() == 1) return candidates[0].person_id;
  const FullNameUse* top = &candidates[0];
  uint64_t total = 0;
  for (const FullNameUse& use : candidates) {
    total += use.articles;
    // Ties go to the smaller id, so the choice never depends on term order.
    if (use.articles > top->articles || (use.articles == top->articles && use.person_id < top->person_id)) top = &use;
  }
  if (total == 0 || top->articles < kDominantShare * static_cast<double>(total)) return "";
  return top->person_id;
}

void WritePeopleMetadata(Xapian::WritableDatabase& shard, const KnownPeople& known) {
  SyncMetadata(shard, std::string(layout::kPersonNameKey), known.display_names);
  SyncMetadata(shard, std::string(layout::kSurnameResolutionKey), known.resolutions);
}

SurnameResolutions LoadSurnameResolutions(const Xapian::Database& index) {
  SurnameResolutions resolutions;
  const std::string prefix(layout::kSurnameResolutionKey);
  for (auto it = index.metadata_keys_begin(prefix); it != index.metadata_keys_end(prefix); ++it) {
    resolutions[(*it).substr(prefix.size())] = index.get_metadata(*it);
  }
  return resolutions;
}

std::string DisplayName(const Xapian::Database& index, const std::string& person_id) {
  std::string name = index.get_metadata(layout::KeyOf(layout::kPersonNameKey, person_id));
  return name.empty() ? person_id : name;
}

}  // namespace newsfacet
