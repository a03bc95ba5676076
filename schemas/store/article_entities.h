// The entities found in one article: who, where and what happened.
#pragma once

#include <string>
#include <vector>

namespace newsfacet {

struct PersonMention {
  std::string id;    // PersonKey() of the name
  std::string name;  // the fullest spelling this article uses
  int mentions = 0;
  // The title the article first gives the person, as written ("Federal
  // Reserve Chairman", "Foreign Minister"); "" when none.
  std::string role;
};

// A company, bank, agency, party or international body the article names.
struct OrganisationMention {
  std::string id;    // OrganisationKey() of the name: one id for every spelling
  std::string name;  // the fullest spelling this article uses
  int mentions = 0;
};

struct CountryMention {
  std::string code;  // ISO 3166-1 alpha-2, or ISO 3166-3 alpha-4 for former states
  std::string name;  // English short name
  int mentions = 0;
  bool salient = false;  // the article is about it (a facet value), not just naming it
};

struct EventMention {
  std::string id;     // from schemas/events.json
  std::string label;
  int mentions = 0;
  // The story reports it (a facet value), rather than naming it as
  // background, a threat or in passing (a searchable mention only).
  bool salient = true;
};

struct ArticleEntities {
  std::vector<PersonMention> people;
  std::vector<OrganisationMention> organisations;
  std::vector<CountryMention> countries;
  std::vector<EventMention> events;
  // Surnames (PersonKey) mentioned alone with no full name in this
  // article, with mention counts; the end of the index run resolves them
  // against the names known elsewhere.
  std::vector<std::pair<std::string, int>> unresolved_surnames;
};

}  // namespace newsfacet
