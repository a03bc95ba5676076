// The four entity facets, and where each lives in the index.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsfacet {

enum class Facet { kPeople = 0, kCountries = 1, kEvents = 2, kOrganisations = 3 };

// In the order they are listed (who, then where and what).
inline constexpr std::array<Facet, 4> kAllFacets = {Facet::kPeople, Facet::kOrganisations, Facet::kCountries,
                                                    Facet::kEvents};

// "people", "organisations", "countries", "events": the facet's name in the API.
std::string_view FacetName(Facet facet);
// The request parameter that filters on it: "person", "org", "country", "event".
std::string_view FacetFilterParameter(Facet facet);
std::optional<Facet> ParseFacet(std::string_view name);

// The value slot holding an article's ids for counting (layout::kPeopleSlot...).
Xapian::valueno FacetSlot(Facet facet);
// The boolean term prefix a filter on one value uses (layout::kPersonPrefix...).
std::string_view FacetTermPrefix(Facet facet);

// A value per facet, indexed by Facet's value (not kAllFacets' order).
template <typename T>
using PerFacet = std::array<T, kAllFacets.size()>;

template <typename T>
T& At(PerFacet<T>& values, Facet facet) {
  return values[static_cast<size_t>(facet)];
}
template <typename T>
const T& At(const PerFacet<T>& values, Facet facet) {
  return values[static_cast<size_t>(facet)];
}

}  // namespace newsfacet
