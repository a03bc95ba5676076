#include "indexer/entities/surname_resolver.h"

#include <algorithm>

#include "indexer/display_names.h"
#include "schemas/index_layout.h"
#include "analysis/organisation_key.h"

namespace newsfacet {
namespace {

std::string Surname(const std::string& person_id) {
  size_t dash = person_id.rfind('-');
  return dash == std::string::npos ? person_id : person_id.substr(dash + 1);
}

}  // namespace

namespace {

// Index-wide evidence wins over one article: a person id whose display
// name is, as an organisation, in at least kOrganisationShare as many
// articles is that organisation.
std::map<std::string, std::string> PeopleNamingOrganisations(const Xapian::Database& index,
                                                             const std::map<std::string, std::string>& display_names) {
  std::map<std::string, std::string> not_people;
  const std::string person_prefix(layout::kPersonPrefix);
  const std::string organisation_prefix(layout::kOrganisationPrefix);
  for (const auto& [id, name] : display_names) {
    const std::string organisation = OrganisationKey(name);
    if (organisation.empty()) continue;
    // The name itself, or a longer name it starts ("Dean Witter" of "Dean
    // Witter Reynolds Inc"): the articles naming any of them.
    Xapian::doccount as_organisation = index.get_termfreq(organisation_prefix + organisation);
    const std::string longer = organisation_prefix + organisation + "-";
    if (organisation.find('-') != std::string::npos) {
      for (auto it = index.allterms_begin(longer); it != index.allterms_end(longer); ++it) {
        as_organisation += it.get_termfreq();
      }
    }
    const Xapian::doccount as_person = index.get_termfreq(person_prefix + id);
    if (as_organisation > 0 && as_organisation >= kOrganisationShare * as_person) {
      not_people.emplace(id, organisation);
      continue;
    }
    // "Amoco Canada-Dome": a name whose first word is an organisation the
    // index names often, on its own, is that firm's deal or unit.
    if (const size_t dash = organisation.find('-'); dash != std::string::npos) {
      const std::string first_word = organisation.substr(0, dash);
      const Xapian::doccount first_as_organisation = index.get_termfreq(organisation_prefix + first_word);
      if (first_as_organisation >= kOrganisationArticles && first_as_organisation >= kOrganisationShare * as_person) {
        not_people.emplace(id, first_word);
      }
    }
  }
  return not_people;
}

// Whether a lone surname that would resolve to `person` is, as often as
// not, an organisation of that one word: "Chrysler said" is the carmaker,
// whatever full name ends in Chrysler. `lone_articles` is how many
// articles hold the surname unresolved.
bool SurnameNamesOrganisation(const Xapian::Database& index, const std::map<std::string, std::string>& display_names,
                              const std::string& person, Xapian::doccount lone_articles) {
  auto display = display_names.find(person);
  if (display == display_names.end()) return false;
  const std::string& name = display->second;
  const std::string organisation = OrganisationKey(name.substr(name.rfind(' ') + 1));
  if (organisation.empty()) return false;
  const Xapian::doccount as_organisation = index.get_termfreq(std::string(layout::kOrganisationPrefix) + organisation);
  return as_organisation > 0 && as_organisation >= kOrganisationShare * lone_articles;
}

}  // namespace

KnownPeople GatherKnownPeople(const Xapian::Database& index) {
  KnownPeople known;
  known.display_names = ChooseDisplayNames(index, layout::kPersonSpellingPrefix);
  known.not_people = PeopleNamingOrganisations(index, known.display_names);
  std::unordered_map<std::string, std::vector<FullNameUse>> ids_by_surname;
  std::unordered_map<std::string, uint64_t> articles_by_first_part, articles_by_surname;
  const std::string person_prefix(layout::kPersonPrefix);
  for (auto it = index.allterms_begin(person_prefix); it != index.allterms_end(person_prefix); ++it) {
    std::string id = (*it).substr(person_prefix.size());
    const size_t dash = id.find('-');
    if (dash == std::string::npos) continue;  // only full names resolve
    if (known.not_people.count(id)) continue;
    articles_by_first_part[id.substr(0, dash)] += it.get_termfreq();
    articles_by_surname[Surname(id)] += it.get_termfreq();
    ids_by_surname[Surname(id)].push_back({id, it.get_termfreq()});
  }
  const std::string surname_prefix(layout::kUnresolvedSurnamePrefix);
  for (auto it = index.allterms_begin(surname_prefix); it != index.allterms_end(surname_prefix); ++it) {
    std::string surname = (*it).substr(surname_prefix.size());
    auto match = ids_by_surname.find(surname);
    if (match == ids_by_surname.end()) continue;
    auto as_first = articles_by_first_part.find(surname);
    if (as_first != articles_by_first_part.end() && IsGivenName(as_first->second, articles_by_surname[surname])) continue;
    std::string person = DominantFullName(match->second);
    if (person.empty() || SurnameNamesOrganisation(index, known.display_names, person, it.get_termfreq())) continue;
    known.resolutions[surname] = person;
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
  SyncMetadata(shard, layout::kNotPersonKey, known.not_people);
}

std::set<std::string> LoadNotPeople(const Xapian::Database& index) {
  std::set<std::string> ids;
  const std::string prefix(layout::kNotPersonKey);
  for (auto it = index.metadata_keys_begin(prefix); it != index.metadata_keys_end(prefix); ++it) {
    if (!index.get_metadata(*it).empty()) ids.insert((*it).substr(prefix.size()));
  }
  return ids;
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
