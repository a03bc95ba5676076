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
  std::unordered_map<std::string, std::vector<std::string>> ids_by_surname;
  const std::string person_prefix(layout::kPersonPrefix);
  for (auto it = index.allterms_begin(person_prefix); it != index.allterms_end(person_prefix); ++it) {
    std::string id = (*it).substr(person_prefix.size());
    if (id.find('-') != std::string::npos) ids_by_surname[Surname(id)].push_back(id);  // only full names resolve
  }
  const std::string surname_prefix(layout::kUnresolvedSurnamePrefix);
  for (auto it = index.allterms_begin(surname_prefix); it != index.allterms_end(surname_prefix); ++it) {
    std::string surname = (*it).substr(surname_prefix.size());
    auto match = ids_by_surname.find(surname);
    if (match != ids_by_surname.end() && match->second.size() == 1) known.resolutions[surname] = match->second[0];
  }
  return known;
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
