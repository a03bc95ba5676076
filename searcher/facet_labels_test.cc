#include "searcher/facet_labels.h"

#include <doctest/doctest.h>

#include "schemas/index_layout.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

TEST_CASE("labels come from the data files, countries resolve by code or any of their names") {
  TempDir dir;
  dir.Write("data/countries.json", R"({"countries": [
      {"code": "TR", "name": "Turkey", "names": ["Turkey", "Türkiye", "Republic of Turkey"]},
      {"code": "CI", "name": "Côte d'Ivoire"}]})");
  dir.Write("events.json", R"({"events": [{"id": "assassination", "label": "Assassination"}]})");
  std::vector<std::string> warnings;
  FacetLabels labels = FacetLabels::Load(dir.path(), &warnings);
  CHECK(warnings.empty());
  Xapian::Database no_index;
  CHECK(labels.Label(Facet::kCountries, no_index, "TR") == "Turkey");
  CHECK(labels.Label(Facet::kEvents, no_index, "assassination") == "Assassination");
  CHECK(labels.Label(Facet::kEvents, no_index, "flood") == "flood");
  CHECK(labels.CountryCode("tr") == "TR");
  CHECK(labels.CountryCode("turkiye") == "TR");
  CHECK(labels.CountryCode("REPUBLIC OF TURKEY") == "TR");
  CHECK(labels.CountryCode("Cote d’Ivoire") == "CI");
  CHECK_FALSE(labels.CountryCode("XX"));  // code-shaped, but the table does not know it
  CHECK_FALSE(labels.CountryCode("Atlantis"));
  CHECK(labels.CountryNames("TR").size() == 3);
  CHECK(labels.IsKnownEvent("assassination"));
}

TEST_CASE("without data files labels are ids, codes are taken as given, and names resolve to nothing") {
  TempDir dir;
  std::vector<std::string> warnings;
  FacetLabels labels = FacetLabels::Load(dir.path(), &warnings);
  CHECK(warnings.empty());
  Xapian::Database no_index;
  CHECK(labels.Label(Facet::kCountries, no_index, "TR") == "TR");
  CHECK(labels.Label(Facet::kCountries, no_index, "TR", "Turkey") == "Turkey");
  CHECK(labels.CountryCode("tr") == "TR");
  CHECK(labels.CountryCode("suhh") == "SUHH");
  CHECK_FALSE(labels.CountryCode("Turkey"));
  CHECK_FALSE(labels.HasEventTable());
}

TEST_CASE("a broken data file is a warning, not a failure") {
  TempDir dir;
  dir.Write("events.json", "{not json");
  std::vector<std::string> warnings;
  FacetLabels labels = FacetLabels::Load(dir.path(), &warnings);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("events.json") != std::string::npos);
}

TEST_CASE("people are named by the index's metadata, else by the article's spelling, else by id") {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  db.set_metadata(layout::KeyOf(layout::kPersonNameKey, "andrei-karlov"), "Andrey Karlov");
  db.commit();
  FacetLabels labels;
  CHECK(labels.Label(Facet::kPeople, db, "andrei-karlov", "Andrei Karlov") == "Andrey Karlov");
  CHECK(labels.Label(Facet::kPeople, db, "vladimir-putin", "Vladimir Putin") == "Vladimir Putin");
  CHECK(labels.Label(Facet::kPeople, db, "vladimir-putin") == "vladimir-putin");
}

TEST_CASE("autocomplete matches a prefix of any word, folded, and runs of words") {
  CHECK(LabelMatchesPrefix("Recep Tayyip Erdoğan", "erdo"));
  CHECK(LabelMatchesPrefix("Recep Tayyip Erdoğan", "ERDOĞ"));
  CHECK(LabelMatchesPrefix("Recep Tayyip Erdoğan", "tayyip erd"));
  CHECK(LabelMatchesPrefix("Turkey", "tur"));
  CHECK_FALSE(LabelMatchesPrefix("Recep Tayyip Erdoğan", "dogan"));
  CHECK(LabelMatchesPrefix("anything", ""));
  CHECK(NormalizeLabel("  Côte d'Ivoire ") == "cote d ivoire");
}
