#include "indexer/display_names.h"

#include <doctest/doctest.h>

#include "indexer/document_builder.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

// Writes one article per entry, naming the organisation as given, into a
// real Xapian database, as the indexer does.
void AddArticles(Xapian::WritableDatabase& db, const std::vector<OrganisationMention>& mentions) {
  DocumentBuilder builder;
  for (size_t i = 0; i < mentions.size(); ++i) {
    Article article;
    article.id = article.path = "a" + std::to_string(db.get_doccount() + 1) + ".txt";
    article.title = "Banks";
    article.body = "Body.";
    ArticleEntities entities;
    entities.organisations = {mentions[i]};
    db.add_document(builder.Build(article, entities, "stamp"));
  }
  db.commit();
}

}  // namespace

TEST_CASE("display names: the spelling most articles use, unless one has diacritics") {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  AddArticles(db, {{"merrill-lynch", "Merrill Lynch & Co Inc", 1},
                   {"merrill-lynch", "Merrill Lynch", 1},
                   {"merrill-lynch", "Merrill Lynch", 1},
                   {"societe-generale", "Societe Generale", 4},
                   {"societe-generale", "Societe Generale", 1},
                   {"societe-generale", "Société Générale", 1}});
  const DisplayNames names = ChooseDisplayNames(db, layout::kOrganisationSpellingPrefix);
  CHECK(names == DisplayNames{{"merrill-lynch", "Merrill Lynch"}, {"societe-generale", "Société Générale"}});
  // People are chosen from their own spelling terms only.
  CHECK(ChooseDisplayNames(db, layout::kPersonSpellingPrefix).empty());
}

TEST_CASE("display names: stored metadata follows the latest choice, and a vanished id loses its name") {
  TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  SyncMetadata(db, layout::kOrganisationNameKey, DisplayNames{{"merrill-lynch", "Merrill Lynch"}, {"ubs", "UBS"}});
  db.commit();
  CHECK(StoredDisplayName(db, layout::kOrganisationNameKey, "ubs") == "UBS");
  SyncMetadata(db, layout::kOrganisationNameKey, DisplayNames{{"merrill-lynch", "Merrill Lynch & Co"}});
  db.commit();
  CHECK(StoredDisplayName(db, layout::kOrganisationNameKey, "merrill-lynch") == "Merrill Lynch & Co");
  CHECK(StoredDisplayName(db, layout::kOrganisationNameKey, "ubs") == "ubs");  // no name: the id
  CHECK(StoredDisplayName(db, layout::kPersonNameKey, "merrill-lynch") == "merrill-lynch");
}
