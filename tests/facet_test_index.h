// A small index with entity facets, built in-process with the indexer's own
// DocumentBuilder, for searcher tests: these articles carry hand-made
// entities, so each facet case is exact whatever the extractor finds.
//
// It holds one person under two spellings (Andrey/Andrei Karlov), a name
// with diacritics in one article and without in another (Mevlüt Mert
// Altıntaş / Altintas), another person of the same surname (Maria Karlov),
// an article naming a person by surname alone, an undated article, HTML in
// a body, and filler for paging. Organisations: one under three spellings
// (Merrill Lynch & Co Inc / Merrill Lynch, twice), one with diacritics in one
// article and without in two (Société Générale), and an agency named in a
// story that also names people.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "indexer/document_builder.h"
#include "schemas/store/index_directory.h"
#include "indexer/display_names.h"
#include "schemas/index_layout.h"
#include "analysis/organisation_key.h"
#include "analysis/person_key.h"
#include "indexer/shard_writer.h"

namespace newsfacet::testing {

struct TestArticle {
  Article article;
  ArticleEntities entities;
};

inline PersonMention Person(const std::string& name, int mentions = 1) { return {PersonKey(name), name, mentions, ""}; }
inline OrganisationMention Organisation(const std::string& name, int mentions = 1) {
  return {OrganisationKey(name), name, mentions};
}
inline CountryMention Country(const std::string& code, const std::string& name, bool salient = true) {
  return {code, name, 1, salient};
}
inline EventMention Event(const std::string& id) { return {id, id, 1}; }

inline TestArticle MakeArticle(std::string id, std::string date, std::string title, std::string body,
                               std::vector<PersonMention> people = {}, std::vector<CountryMention> countries = {},
                               std::vector<EventMention> events = {}) {
  TestArticle made;
  made.article.id = id;
  made.article.path = "test/" + id + ".txt";
  made.article.title = std::move(title);
  made.article.body = std::move(body);
  made.article.date = std::move(date);
  made.article.source = "example.com";
  made.article.url = "https://example.com/" + id;
  made.entities.people = std::move(people);
  made.entities.countries = std::move(countries);
  made.entities.events = std::move(events);
  return made;
}

inline std::vector<TestArticle> FacetTestArticles() {
  std::vector<TestArticle> articles;
  articles.push_back(MakeArticle(
      "ankara-shooting", "2016-12-19", "Russian ambassador to Turkey shot in Ankara",
      "Andrey Karlov, Russia's ambassador to Turkey, was shot dead while visiting an art exhibition in Ankara.\n\n"
      "The attacker, 22-year-old Mevlüt Mert Altıntaş, was an off-duty police officer. Witnesses said "
      "Karlov was giving a speech when the shots were fired. A note left at the gallery read "
      "<script>alert(\"x\")</script> & nothing more.",
      {Person("Andrey Karlov", 3), Person("Mevlüt Mert Altıntaş")},
      {Country("TR", "Turkey"), Country("RU", "Russia")}, {Event("assassination")}));
  articles.back().entities.organisations = {Organisation("Anadolu Agency", 2)};
  articles.push_back(MakeArticle(
      "karlov-tribute", "2016-12-20", "Putin pays tribute to Andrei Karlov",
      "President Vladimir Putin said Andrei Karlov was an outstanding diplomat. Putin called the killing of "
      "Ambassador Karlov a provocation aimed at the normalisation of relations. Maria Karlov, a tennis player "
      "of no relation, cancelled a match in Moscow.",
      {Person("Andrei Karlov", 2), Person("Vladimir Putin", 2)}, {Country("RU", "Russia")}, {Event("assassination")}));
  articles.push_back(MakeArticle(
      "gunman-profile", "2016-12-21", "Who was the gunman Mevlut Mert Altintas?",
      "Mevlut Mert Altintas graduated from a police academy in Izmir. Investigators in Ankara searched his flat. "
      "Altintas had served in riot police units for two and a half years.",
      {Person("Mevlut Mert Altintas", 2)}, {Country("TR", "Turkey")}, {Event("assassination")}));
  articles.push_back(MakeArticle(
      "syria-talks", "2016-12-28", "Russia and Turkey broker Syria ceasefire",
      "Recep Tayyip Erdoğan and Vladimir Putin agreed on a nationwide ceasefire in Syria, days after the "
      "ambassador's killing. Talks in Astana are to follow. The Kremlin said the art of diplomacy had prevailed.",
      {Person("Recep Tayyip Erdoğan"), Person("Vladimir Putin")},
      {Country("RU", "Russia"), Country("TR", "Turkey"), Country("SY", "Syria")}, {Event("peace-talks")}));
  articles.push_back(MakeArticle(
      "berlin-market", "2016-12-19", "Lorry driven into Berlin Christmas market",
      "A lorry was driven into a crowded Christmas market in Berlin, killing twelve people. Police later named "
      "Anis Amri as the suspect. The attack came hours after the shooting in Ankara.",
      {Person("Anis Amri")}, {Country("DE", "Germany"), Country("TR", "Turkey", /*salient=*/false)},
      {Event("attack")}));
  articles.push_back(MakeArticle(
      "tennis-karlov", "2017-03-02", "Karlov wins in Moscow",
      "Maria Karlov beat the top seed in straight sets at the Moscow indoor tournament on Thursday.",
      {Person("Maria Karlov")}, {Country("RU", "Russia")}));
  // Named by surname alone: resolved to the one full name with it (the
  // index's surname map), and a surname nobody has in full, which is not.
  articles.push_back(MakeArticle("gunman-funeral", "2016-12-23", "Gunman buried in Aydin",
                                 "Altintas was buried in Aydin on Friday. A neighbour, Mr Smith, said the family "
                                 "had asked for privacy."));
  articles.back().entities.unresolved_surnames = {{"altintas", 1}, {"smith", 1}};
  articles.push_back(MakeArticle("kremlin-undated", "", "Kremlin statement on embassy security",
                                 "The Kremlin said embassy security would be reviewed worldwide after the art gallery "
                                 "attack. Moscow art critics said the exhibition had been planned for months.",
                                 {}, {Country("RU", "Russia")}));
  for (int i = 1; i <= 23; ++i) {
    std::string n = std::to_string(i);
    articles.push_back(MakeArticle(
        "market-" + n, "2017-01-" + std::string(i < 10 ? "0" : "") + n, "Market report " + n,
        "Grain market prices moved in quiet trade on day " + n + ". Traders in the market watched exchange rates.",
        {}, i % 2 ? std::vector<CountryMention>{Country("US", "United States")} : std::vector<CountryMention>{}));
  }
  // Banks in the market reports: articles market-1 .. market-3 and market-4 .. market-6.
  auto market = [&](int day) -> TestArticle& { return articles[articles.size() - 23 + day - 1]; };
  market(1).entities.organisations = {Organisation("Merrill Lynch & Co Inc", 2)};
  market(1).article.body += " Merrill Lynch & Co Inc raised its forecast; Merrill Lynch expects steady demand.";
  market(2).entities.organisations = {Organisation("Merrill Lynch")};
  market(3).entities.organisations = {Organisation("Merrill Lynch"), Organisation("Societe Generale")};
  market(4).entities.organisations = {Organisation("Société Générale", 3)};
  market(5).entities.organisations = {Organisation("Societe Generale")};
  return articles;
}

// Lone surnames the index resolves, as an index run writes them.
inline std::vector<std::pair<std::string, std::string>> FacetTestSurnameResolutions() {
  return {{"altintas", PersonKey("Mevlut Mert Altintas")}};
}

// The articles' person display names, as an index run writes them.
inline std::vector<std::pair<std::string, std::string>> FacetTestPersonNames() {
  return {{PersonKey("Andrey Karlov"), "Andrey Karlov"},
          {PersonKey("Mevlüt Mert Altıntaş"), "Mevlüt Mert Altıntaş"},
          {PersonKey("Recep Tayyip Erdoğan"), "Recep Tayyip Erdoğan"},
          {PersonKey("Vladimir Putin"), "Vladimir Putin"}};
}

// Writes FacetTestArticles() (or `articles`) into a newsfacet index at
// `dir` with `shards` shards, the way the indexer lays one out.
inline void BuildFacetTestIndex(const std::filesystem::path& dir, int shards = 2,
                                const std::vector<TestArticle>& articles = FacetTestArticles()) {
  IndexManifest manifest;
  Status status = CreateOrOpenIndexDirectory(dir, shards, &manifest);
  if (!status.ok()) throw std::runtime_error(status.message());
  std::vector<Xapian::WritableDatabase> dbs;
  for (int shard = 0; shard < manifest.shards; ++shard) {
    dbs.emplace_back(ShardPath(dir, shard).string(), Xapian::DB_CREATE_OR_OPEN);
  }
  DocumentBuilder builder;
  for (const TestArticle& each : articles) {
    Xapian::Document doc = builder.Build(each.article, each.entities, "test");
    std::string id_term = layout::KeyOf(layout::kIdPrefix, each.article.id);
    dbs[ShardOf(each.article.id, manifest.shards)].replace_document(id_term, doc);
  }
  for (const auto& [id, name] : FacetTestPersonNames()) {
    dbs[0].set_metadata(layout::KeyOf(layout::kPersonNameKey, id), name);
  }
  for (const auto& [surname, id] : FacetTestSurnameResolutions()) {
    dbs[0].set_metadata(layout::KeyOf(layout::kSurnameResolutionKey, surname), id);
  }
  for (Xapian::WritableDatabase& db : dbs) db.commit();
  // Organisation names as the end of an index run chooses them.
  SyncMetadata(dbs[0], layout::kOrganisationNameKey,
               ChooseDisplayNames(Xapian::Database(dir.string()), layout::kOrganisationSpellingPrefix));
  dbs[0].commit();
}

}  // namespace newsfacet::testing
