#include "indexer/document_builder.h"

#include <doctest/doctest.h>

#include <set>

#include "schemas/index_layout.h"
#include "schemas/store/stored_article.h"

using namespace newsfacet;

TEST_CASE("document builder: an article and its entities read back from the document unchanged") {
  Article article;
  article.id = "world/ankara.json";
  article.title = "Envoy \"shot\" in Ankara";
  article.body = "Andrey Karlov, 62, was shot.\n\nMevlüt Mert Altıntaş fired\tshots.";
  article.date = "2016-12-19";
  article.url = "https://example.org/a?b=c&d";
  article.source = "example.org";
  article.authors = {"A. Writer", "B. Writer"};
  article.language = "en";
  article.path = "world/ankara.json";
  article.line = 7;
  ArticleEntities entities;
  entities.people = {{"andrei-karlov", "Andrey Karlov", 2, ""}, {"mevlut-mert-altintas", "Mevlüt Mert Altıntaş", 1, ""}};
  entities.countries = {{"TR", "Turkey", 3, true}, {"RU", "Russia", 1, false}};
  entities.events = {{"assassination", "Assassination", 2}};
  entities.unresolved_surnames = {{"erdogan", 2}};

  DocumentBuilder builder;
  const StoredArticle stored = LoadStoredArticle(builder.Build(article, entities, "stamp"));
  CHECK(stored.article.id == article.id);
  CHECK(stored.article.title == article.title);
  CHECK(stored.article.body == article.body);
  CHECK(stored.article.date == article.date);
  CHECK(stored.article.url == article.url);
  CHECK(stored.article.source == article.source);
  CHECK(stored.article.authors == article.authors);
  CHECK(stored.article.language == article.language);
  CHECK(stored.article.path == article.path);
  CHECK(stored.article.line == 7);
  REQUIRE(stored.entities.people.size() == 2);
  CHECK(stored.entities.people[1].name == "Mevlüt Mert Altıntaş");
  CHECK(stored.entities.people[0].mentions == 2);
  REQUIRE(stored.entities.countries.size() == 2);
  CHECK(stored.entities.countries[0].salient);
  CHECK_FALSE(stored.entities.countries[1].salient);
  REQUIRE(stored.entities.events.size() == 1);
  CHECK(stored.entities.events[0].label == "Assassination");
  CHECK(stored.entities.unresolved_surnames == std::vector<std::pair<std::string, int>>{{"erdogan", 2}});
}

TEST_CASE("document builder: facet terms and counting slots follow the entities") {
  Article article;
  article.id = article.path = "a.txt";
  article.title = "Title";
  article.body = "Body.";
  ArticleEntities entities;
  entities.people = {{"andrei-karlov", "Andrey Karlov", 1, ""}};
  entities.countries = {{"TR", "Turkey", 3, true}, {"RU", "Russia", 1, false}};
  entities.unresolved_surnames = {{"erdogan", 2}};
  DocumentBuilder builder;
  Xapian::Document doc = builder.Build(article, entities, "stamp");
  auto has = [&](std::string_view prefix, std::string_view value) {
    const std::string term = layout::KeyOf(prefix, value);
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
  };
  CHECK(has(layout::kPersonPrefix, "andrei-karlov"));
  CHECK(has(layout::kCountryPrefix, "TR"));
  CHECK_FALSE(has(layout::kCountryPrefix, "RU"));  // named, not salient
  CHECK(has(layout::kCountryMentionPrefix, "RU"));
  CHECK(has(layout::kUnresolvedSurnamePrefix, "erdogan"));
  CHECK(doc.get_value(layout::kCountriesSlot) == "TR");
}

TEST_CASE("document builder: organisations get facet terms, spelling terms, their slot and the stored JSON") {
  Article article;
  article.id = article.path = "b.txt";
  article.title = "Merrill Lynch upgrades Societe Generale";
  article.body = "Body.";
  ArticleEntities entities;
  entities.organisations = {{"merrill-lynch", "Merrill Lynch & Co Inc", 2}, {"societe-generale", "Société Générale", 1}};
  DocumentBuilder builder;
  Xapian::Document doc = builder.Build(article, entities, "stamp");
  std::set<std::string> terms(doc.termlist_begin(), doc.termlist_end());
  CHECK(terms.count(layout::KeyOf(layout::kOrganisationPrefix, "merrill-lynch")));
  CHECK(terms.count(layout::KeyOf(layout::kOrganisationPrefix, "societe-generale")));
  CHECK(terms.count(std::string(layout::kOrganisationSpellingPrefix) + "merrill-lynch\tMerrill Lynch & Co Inc"));
  CHECK(terms.count(std::string(layout::kOrganisationSpellingPrefix) + "societe-generale\tSociété Générale"));
  CHECK(doc.get_value(layout::kOrganisationsSlot) == "merrill-lynch\nsociete-generale");
  CHECK(doc.get_value(layout::kPeopleSlot).empty());  // organisations never count as people
  for (const std::string& term : terms) CHECK(term.rfind(layout::kPersonPrefix, 0) != 0);

  const StoredArticle stored = LoadStoredArticle(doc);
  REQUIRE(stored.entities.organisations.size() == 2);
  CHECK(stored.entities.organisations[0].id == "merrill-lynch");
  CHECK(stored.entities.organisations[0].name == "Merrill Lynch & Co Inc");
  CHECK(stored.entities.organisations[0].mentions == 2);
  CHECK(stored.entities.organisations[1].name == "Société Générale");
}

TEST_CASE("document builder: an event only mentioned is searchable but neither a facet value nor stored") {
  Article article;
  article.id = article.path = "a.txt";
  article.title = "Reserves rise";
  article.body = "Body.";
  ArticleEntities entities;
  entities.events = {{"earnings", "Earnings / results", 2, true}, {"riot", "Riot", 1, false}};
  DocumentBuilder builder;
  Xapian::Document doc = builder.Build(article, entities, "stamp");
  auto has = [&](std::string_view prefix, std::string_view value) {
    const std::string term = layout::KeyOf(prefix, value);
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
  };
  CHECK(has(layout::kEventPrefix, "earnings"));
  CHECK(has(layout::kEventMentionPrefix, "earnings"));
  CHECK_FALSE(has(layout::kEventPrefix, "riot"));
  CHECK(has(layout::kEventMentionPrefix, "riot"));
  CHECK(doc.get_value(layout::kEventsSlot) == "earnings");
  const StoredArticle stored = LoadStoredArticle(doc);
  REQUIRE(stored.entities.events.size() == 1);
  CHECK(stored.entities.events[0].id == "earnings");
}
