// The one id of an organisation, whatever the spelling.
//
// "Merrill Lynch and Co Inc", "Merrill Lynch & Co." and "MERRILL LYNCH" get
// the same key; "Merrill Lynch Capital Markets" does not (it names a unit):
// merging a unit or a short form into its parent is entity extraction's
// job, before the key. The indexer stores organisations under this key
// (layout::kOrganisationPrefix) and the searcher turns `org=Merrill Lynch`
// into it.
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

// A lower-case ASCII slug of the name's words joined by "-"
// ("merrill-lynch"), after folding diacritics, with a leading "The", a
// trailing legal form (Inc, Corp, Corporation, Co, Company, Ltd, Limited,
// Plc, LLC, AG, SA, NV, GmbH, Group, Holdings, and chains of them such as
// "and Co Inc") and dots in initialisms ("U.S." -> "us") dropped. A name that
// is nothing but a legal form keeps it. "" when no letters remain.
std::string OrganisationKey(std::string_view name);

}  // namespace newsfacet
