#include "analysis/organisation_key.h"

#include <doctest/doctest.h>

namespace newsfacet {

TEST_CASE("legal forms and their chains are dropped from an organisation's key") {
  CHECK(OrganisationKey("Merrill Lynch and Co Inc") == "merrill-lynch");
  CHECK(OrganisationKey("Merrill Lynch & Co.") == "merrill-lynch");
  CHECK(OrganisationKey("MERRILL LYNCH") == "merrill-lynch");
  CHECK(OrganisationKey("Texaco Inc") == "texaco");
  CHECK(OrganisationKey("General Motors Corp.") == "general-motors");
  CHECK(OrganisationKey("Royal Dutch/Shell Group") == "royal-dutch-shell");
}

TEST_CASE("a leading The, initialism dots and diacritics do not split an organisation") {
  CHECK(OrganisationKey("The World Bank") == "world-bank");
  CHECK(OrganisationKey("U.S. State Department") == "us-state-department");
  CHECK(OrganisationKey("Société Générale") == "societe-generale");
}

TEST_CASE("a name that is only a legal form, or has a unit after the parent, keeps its words") {
  CHECK(OrganisationKey("Co") == "co");
  CHECK(OrganisationKey("Merrill Lynch Capital Markets") == "merrill-lynch-capital-markets");
  CHECK(OrganisationKey("Bank of England") == "bank-of-england");
  CHECK(OrganisationKey("") == "");
}

TEST_CASE("initials written apart join as written together") {
  CHECK(OrganisationKey("E. F. Hutton") == OrganisationKey("E.F. Hutton Group Inc"));
  CHECK(OrganisationKey("E. F. Hutton") == "ef-hutton");
  CHECK(OrganisationKey("Unit 4 B") == "unit-4-b");
}

}  // namespace newsfacet
