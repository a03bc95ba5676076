#include "searcher/facet.h"

#include "schemas/index_layout.h"

namespace newsfacet {

std::string_view FacetName(Facet facet) {
  switch (facet) {
    case Facet::kPeople: return "people";
    case Facet::kCountries: return "countries";
    case Facet::kEvents: return "events";
    case Facet::kOrganisations: return "organisations";
  }
  return "";
}

std::string_view FacetFilterParameter(Facet facet) {
  switch (facet) {
    case Facet::kPeople: return "person";
    case Facet::kCountries: return "country";
    case Facet::kEvents: return "event";
    case Facet::kOrganisations: return "org";
  }
  return "";
}

std::optional<Facet> ParseFacet(std::string_view name) {
  for (Facet facet : kAllFacets) {
    if (name == FacetName(facet)) return facet;
  }
  return std::nullopt;
}

Xapian::valueno FacetSlot(Facet facet) {
  switch (facet) {
    case Facet::kPeople: return layout::kPeopleSlot;
    case Facet::kCountries: return layout::kCountriesSlot;
    case Facet::kEvents: return layout::kEventsSlot;
    case Facet::kOrganisations: return layout::kOrganisationsSlot;
  }
  return Xapian::BAD_VALUENO;
}

std::string_view FacetTermPrefix(Facet facet) {
  switch (facet) {
    case Facet::kPeople: return layout::kPersonPrefix;
    case Facet::kCountries: return layout::kCountryPrefix;
    case Facet::kEvents: return layout::kEventPrefix;
    case Facet::kOrganisations: return layout::kOrganisationPrefix;
  }
  return "";
}

}  // namespace newsfacet
