// End to end: the team's saved article pages (tests/data/html) indexed by the
// built `newsfacet`, read back as the index stores them.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "tests/process.h"
#include "schemas/store/stored_article.h"
#include "tests/temp_dir.h"

using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Indexes a copy of the saved pages (only the .html files) and returns the
// stored articles (fields and entities, as `export` and the HTTP API show
// them, with the body) by id.
std::map<std::string, Json> IndexSavedPages(const TempDir& dir) {
  const fs::path source = fs::path(NEWSFACET_SOURCE_DIR) / "tests/data/html";
  for (const auto& entry : fs::recursive_directory_iterator(source)) {
    if (entry.path().extension() != ".html") continue;
    const fs::path copy = fs::path("pages") / fs::relative(entry.path(), source);
    dir.Write(copy.string(), Slurp(entry.path()));
  }
  ProcessResult index = RunNewsfacet(
      {"index", (dir / "pages").string(), "--index", (dir / "index").string(), "--json"});
  INFO(index.err);
  REQUIRE(index.exit_code == 0);
  Xapian::Database db((dir / "index").string());
  std::map<std::string, Json> articles;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    Json article = Json::parse(newsfacet::LoadArticleJson(db.get_document(*it)));
    articles[article["id"].get<std::string>()] = article;
  }
  REQUIRE(articles.size() == 3);
  return articles;
}

std::vector<std::string> Strings(const Json& array) {
  std::vector<std::string> strings;
  for (const Json& value : array) strings.push_back(value.get<std::string>());
  return strings;
}

bool BodyHas(const Json& article, const std::string& part) {
  return article["body"].get<std::string>().find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("saved pages: title, date, authors, source and language are the article's") {
  TempDir dir;
  std::map<std::string, Json> articles = IndexSavedPages(dir);

  const Json& embassy = articles.at("world/embassy-ankara.html");
  CHECK(embassy["title"] == "Embassy guard hurt as protest turns violent in Ankara");
  CHECK(embassy["date"] == "2019-05-14T06:30:00Z");
  CHECK(Strings(embassy["authors"]) == std::vector<std::string>{"Selin Aydın", "Mark Jennings"});
  CHECK(embassy["source"] == "The Daily Ledger");
  CHECK(embassy["url"] == "https://dailyledger.example/world/2019/05/embassy-guard-hurt-ankara");
  CHECK(embassy["language"] == "en");

  const Json& wahl = articles.at("politik/wahl-berlin.html");
  CHECK(wahl["title"] == "Wahl in Berlin: Senat verliert Mehrheit");
  CHECK(wahl["date"] == "2021-09-27T04:15:00Z");
  CHECK(Strings(wahl["authors"]) == std::vector<std::string>{"Anna Schmidt"});
  CHECK(wahl["language"] == "de");

  const Json& fire = articles.at("local/harbour-fire.html");
  CHECK(fire["title"] == "Harbour warehouse fire contained overnight");
  CHECK(fire["date"] == "2021-03-14");
  CHECK(Strings(fire["authors"]) == std::vector<std::string>{"Priya Natarajan", "Tom O'Neill"});
  CHECK(fire["source"] == "coastalnews.example");
  CHECK(fire["language"] == "en");
}

TEST_CASE("saved pages: no author is ever a URL") {
  TempDir dir;
  for (const auto& [id, article] : IndexSavedPages(dir)) {
    const std::string& shown_id = id;  // a structured binding cannot be captured by INFO's lambda
    INFO(shown_id);
    for (const std::string& author : Strings(article["authors"])) {
      CHECK(author.find("://") == std::string::npos);
      CHECK(author.find('/') == std::string::npos);
    }
  }
}

TEST_CASE("saved pages: the body is the story, without navigation, banners, teasers or comments") {
  TempDir dir;
  std::map<std::string, Json> articles = IndexSavedPages(dir);

  const Json& embassy = articles.at("world/embassy-ankara.html");
  CHECK(BodyHas(embassy, "A security guard at a foreign embassy in Ankara"));
  CHECK(BodyHas(embassy, "consular section would stay closed until Thursday."));
  CHECK(BodyHas(embassy, "Tensions over trade"));
  for (const char* boilerplate :
       {"cookies", "Search the Ledger", "Share on Facebook", "Police vehicles outside",
        "Ankara talks end", "Floods force", "ReaderFromLeeds", "trade dispute that started",
        "Stocks slide", "morning briefing", "All rights reserved", "Topics:"}) {
    CAPTURE(boilerplate);
    CHECK_FALSE(BodyHas(embassy, boilerplate));
  }

  const Json& wahl = articles.at("politik/wahl-berlin.html");
  CHECK(BodyHas(wahl, "Nach der Wahl zum Abgeordnetenhaus"));
  CHECK(BodyHas(wahl, "Ein Bericht soll bis Ende Oktober vorliegen."));
  for (const char* boilerplate : {"Cookies", "Startseite", "Sommer der Gefühle", "Auch interessant",
                                  "Teilen", "Impressum"}) {
    CAPTURE(boilerplate);
    CHECK_FALSE(BodyHas(wahl, boilerplate));
  }

  const Json& fire = articles.at("local/harbour-fire.html");
  CHECK(BodyHas(fire, "A fire that broke out in a warehouse"));
  CHECK(BodyHas(fire, "would reopen on Monday."));
  for (const char* boilerplate : {"Subscribe", "Obituaries", "Share this story", "Classifieds",
                                  "Quay Street", "Priya Natarajan"}) {
    CAPTURE(boilerplate);
    CHECK_FALSE(BodyHas(fire, boilerplate));
  }
}

TEST_CASE("saved pages: a German page yields no people from the English name rules") {
  TempDir dir;
  std::map<std::string, Json> articles = IndexSavedPages(dir);
  // "Minister Thomas Weber sagte" would be a person by the English rules
  // (a title, a known first name), and "Achterbahnfahrt der Gefühle" a phrase
  // they once took for one.
  CHECK(articles.at("politik/wahl-berlin.html")["people"].empty());
  // The English page still has its people.
  CHECK_FALSE(articles.at("world/embassy-ankara.html")["people"].empty());
}
