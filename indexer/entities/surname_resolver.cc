#include "surname_resolver.h"

#include <algorithm>

#include "display_names.h"
#include "index_layout.h"

namespace newsfacet {
namespace {

std::string Surname(const std::string& person_id) {
  size_t dash = person_id.rfind('-');
  return dash == std::string::npos ? person_id : person_id.substr(dash + 1);
}

}  // namespace

KnownPeople GatherKnownPeople(const Xapian::Database& index) {
  KnownPeople known;
  known.display_names = ChooseDisplayNames(index, layout::kPersonSpellingPrefix);
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
  SyncMetadata(shard, layout::kPersonNameKey, known.display_names);
  SyncMetadata(shard, layout::kSurnameResolutionKey, known.resolutions);
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
  return StoredDisplayName(index, layout::kPersonNameKey, person_id);
}

}  // namespace newsfacet
