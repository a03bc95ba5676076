#include "searcher/hit_entities.h"

#include <algorithm>

#include "schemas/index_layout.h"

namespace newsfacet {
namespace {

std::vector<std::string> SplitIds(const std::string& value) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start < value.size()) {
    size_t end = std::min(value.find(layout::kFacetValueSeparator, start), value.size());
    if (end > start) ids.push_back(value.substr(start, end - start));
    start = end + 1;
  }
  return ids;
}

// What the stored copy says of the entity `id` of a facet other than people.
void DescribeFromStore(Facet facet, const std::string& id, const ArticleEntities& stored, std::string* name,
                       int* mentions) {
  if (facet == Facet::kOrganisations) {
    for (const OrganisationMention& o : stored.organisations) {
      if (o.id == id) *name = o.name, *mentions = o.mentions;
    }
  } else if (facet == Facet::kCountries) {
    for (const CountryMention& c : stored.countries) {
      if (c.code == id) *name = c.name, *mentions = c.mentions;
    }
  } else {
    for (const EventMention& e : stored.events) {
      if (e.id == id) *name = e.label, *mentions = e.mentions;
    }
  }
}

// A person value of the document as shown: false when it is not shown (a
// surname that resolves to no one, an id that names an organisation).
bool DescribePerson(std::string* id, const ArticleEntities& stored, const SurnameLookup& surnames,
                    std::string* name, int* mentions, std::string* role) {
  if ((*id)[0] == layout::kUnresolvedMarker) {
    const std::string surname = id->substr(1);
    *id = surnames.PersonOf(surname);
    if (id->empty()) return false;
    for (const auto& [lone, count] : stored.unresolved_surnames) {
      if (lone == surname) *mentions = count;
    }
    return true;
  }
  if (surnames.NamesOrganisation(*id)) return false;
  for (const PersonMention& p : stored.people) {
    if (p.id == *id) *name = p.name, *mentions = p.mentions, *role = p.role;
  }
  return true;
}

}  // namespace

PerFacet<std::vector<EntityRef>> EntitiesOfArticle(const FacetLabels& labels, const Xapian::Database& db,
                                                   const Xapian::Document& doc, const ArticleEntities& stored,
                                                   const SurnameLookup& surnames) {
  PerFacet<std::vector<EntityRef>> entities;
  for (Facet facet : kAllFacets) {
    std::vector<EntityRef>& refs = At(entities, facet);
    for (std::string id : SplitIds(doc.get_value(FacetSlot(facet)))) {
      std::string name, role;
      int mentions = 0;
      if (facet == Facet::kPeople) {
        if (!DescribePerson(&id, stored, surnames, &name, &mentions, &role)) continue;
      } else {
        DescribeFromStore(facet, id, stored, &name, &mentions);
      }
      auto listed = std::find_if(refs.begin(), refs.end(), [&](const EntityRef& ref) { return ref.id == id; });
      if (listed != refs.end()) {
        listed->mentions += mentions;
        continue;
      }
      refs.push_back({id, labels.Label(facet, db, id, name), mentions, role});
    }
  }
  return entities;
}

}  // namespace newsfacet
