// The index-wide step of person finding: lone surnames meet full names.
//
// An article that names a person only by surname ("Erdogan claims ...")
// keeps that surname unresolved (layout::kUnresolvedSurnamePrefix). At the
// end of every index run the full names known across the whole index are
// gathered, and each unresolved surname is mapped to the person it means
// (DominantFullName), in shard metadata (layout::kSurnameResolutionKey).
// Readers apply the map (ApplySurnameResolutions), so the result does not
// depend on which article was indexed first, no article is rewritten, and a
// surname that later becomes ambiguous stops resolving everywhere at once.
// The same step picks every person's display name from the spellings in use.
#pragma once

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "schemas/store/article_entities.h"

namespace newsfacet {

using SurnameResolutions = std::unordered_map<std::string, std::string>;  // surname key -> person id

struct KnownPeople {
  // person id -> display name: a spelling with diacritics if there is one,
  // else the spelling most articles use
  std::map<std::string, std::string> display_names;
  // the unresolved surnames in the index that one full name dominates
  SurnameResolutions resolutions;
  // person id -> organisation id, for names the index holds as
  // organisations at least kOrganisationShare as often as as people
  std::map<std::string, std::string> not_people;
};

inline constexpr double kOrganisationShare = 0.5;
// How many articles must name a one-word organisation before a "person"
// starting with that word is taken for it.
inline constexpr Xapian::doccount kOrganisationArticles = 5;

// A full name that has the surname, with the number of articles naming it.
struct FullNameUse {
  std::string person_id;
  uint32_t articles = 0;
};

// The person a lone surname means, or "" when it is unclear: the only full
// name with that surname, or the one that holds at least
// kDominantShare of the articles naming any of them ("President Reagan" is
// Ronald Reagan in an index that also names Nancy Reagan once, and a
// misspelt variant does not block it). `candidates` need not be sorted.
inline constexpr double kDominantShare = 0.8;
std::string DominantFullName(const std::vector<FullNameUse>& candidates);

// Whether a lone word is a given name rather than a surname: the index's
// full names start with it ("Robert Byrd", "Robert Dole") in at least as
// many articles as they end with it ("G. Robert"), so "Robert said" names
// no one in particular.
inline bool IsGivenName(uint64_t articles_as_first_part, uint64_t articles_as_last_part) {
  return articles_as_first_part > 0 && articles_as_first_part >= articles_as_last_part;
}

// Reads the person, spelling and unresolved-surname terms of `index` (all
// shards, as committed).
KnownPeople GatherKnownPeople(const Xapian::Database& index);

// Writes display names and surname resolutions into `shard` metadata (shard
// 0 holds them), changing only what changed. The caller commits.
void WritePeopleMetadata(Xapian::WritableDatabase& shard, const KnownPeople& known);

// For readers: the surname map and display names stored by the last run.
SurnameResolutions LoadSurnameResolutions(const Xapian::Database& index);
// For readers: the person ids that name organisations (layout::kNotPersonKey).
std::set<std::string> LoadNotPeople(const Xapian::Database& index);
std::string DisplayName(const Xapian::Database& index, const std::string& person_id);

// Moves the article's unresolved surnames that `resolutions` maps into its
// people (once per person), with the display name `name_of` gives.
template <typename NameOf>
void ApplySurnameResolutions(const SurnameResolutions& resolutions, ArticleEntities& entities, NameOf&& name_of) {
  auto& unresolved = entities.unresolved_surnames;
  for (auto it = unresolved.begin(); it != unresolved.end();) {
    auto resolved = resolutions.find(it->first);
    if (resolved == resolutions.end()) {
      ++it;
      continue;
    }
    bool listed = false;
    for (PersonMention& person : entities.people) {
      if (person.id == resolved->second) {
        person.mentions += it->second;
        listed = true;
      }
    }
    if (!listed) entities.people.push_back({resolved->second, name_of(resolved->second), it->second, ""});
    it = unresolved.erase(it);
  }
}

}  // namespace newsfacet
