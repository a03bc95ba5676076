// End to end: entity facets as the built `newsfacet` tool writes them.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "analysis/person_key.h"
#include "tests/process.h"
#include "tests/server_process.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::map<std::string, Json> ExportById(const fs::path& index) {
  ProcessResult run = RunNewsfacet({"export", "--index", index.string()});
  REQUIRE(run.exit_code == 0);
  std::map<std::string, Json> articles;
  for (const std::string& line : Lines(run.out)) {
    Json article = Json::parse(line);
    articles[article["id"].get<std::string>()] = article;
  }
  return articles;
}

std::set<std::string> Values(const Json& article, const char* facet, const char* field) {
  std::set<std::string> values;
  for (const Json& entry : article[facet]) {
    if (std::string(facet) != "countries" || entry["salient"].get<bool>()) values.insert(entry[field].get<std::string>());
  }
  return values;
}

void Index(const fs::path& articles, const fs::path& index) {
  ProcessResult run = RunNewsfacet({"index", articles.string(), "--index", index.string(), "--json"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
}

}  // namespace

TEST_CASE("the user's seeds: one person per spelling variant, surnames resolved, the right countries and event") {
  const fs::path seeds = SharedOrSkip("seeds");
  if (seeds.empty()) return;
  TempDir dir;
  Index(seeds, dir / "index");
  std::map<std::string, Json> articles = ExportById(dir / "index");
  REQUIRE(articles.size() == 3);
  const std::string karlov = PersonKey("Andrey Karlov"), putin = PersonKey("Vladimir Putin");
  const std::string attacker = PersonKey("Mevlüt Mert Altıntaş"), erdogan = PersonKey("Recep Tayyip Erdogan");
  std::map<std::string, std::set<std::string>> names_by_id;
  for (const auto& [id, article] : articles) {
    const std::string& shown_id = id;  // a structured binding cannot be captured by INFO's lambda
    INFO(shown_id);
    std::set<std::string> people = Values(article, "people", "id");
    CHECK(people.count(karlov));
    CHECK(people.count(putin));
    CHECK(Values(article, "countries", "code").count("TR"));
    CHECK(Values(article, "countries", "code").count("RU"));
    CHECK(Values(article, "countries", "code").count("SY"));
    CHECK(Values(article, "events", "id").count("assassination"));
    for (const Json& person : article["people"]) names_by_id[person["id"]].insert(person["name"]);
  }
  CHECK(Values(articles.at("000_37576b56765631c0.txt"), "people", "id").count(attacker));
  CHECK(Values(articles.at("004_74a1ec7e8c65abba.txt"), "people", "id").count(attacker));
  CHECK(Values(articles.at("003_d5f5ce83eb78216f.txt"), "people", "id").count(erdogan));
  CHECK(Values(articles.at("000_37576b56765631c0.txt"), "people", "id").count(erdogan));

  // No person value that is a place, a title, an organisation or a fragment:
  // every person is named by at least two words.
  for (const auto& [id, names] : names_by_id) {
    const std::string& shown_id = id;
    INFO(shown_id);
    CHECK(id.find('-') != std::string::npos);
    for (const std::string& name : names) CHECK(name.find(' ') != std::string::npos);
  }

  // The facet listing: one value per person, with the display spelling.
  ProcessResult people = RunNewsfacet({"entities", "--index", (dir / "index").string(), "--facet", "people", "--json"});
  REQUIRE(people.exit_code == 0);
  Json listing = Json::parse(people.out);
  std::map<std::string, std::pair<std::string, int>> values;
  for (const Json& value : listing["values"]) values[value["id"]] = {value["label"], value["count"]};
  CHECK(values[karlov] == std::pair<std::string, int>{"Andrey Karlov", 3});
  CHECK(values[putin] == std::pair<std::string, int>{"Vladimir Putin", 3});
  CHECK(values[attacker] == std::pair<std::string, int>{"Mevlüt Mert Altıntaş", 2});
  CHECK(values[erdogan].second == 2);

  // Organisations: "the (U.S.) State Department", "told Al Jazeera", "the state-run Anadolu agency";
  // no person among them ("the Prophet Muhammad" is a title and a name).
  ProcessResult organisations =
      RunNewsfacet({"entities", "--index", (dir / "index").string(), "--facet", "organisations", "--json"});
  REQUIRE(organisations.exit_code == 0);
  const Json organisation_listing = Json::parse(organisations.out);
  std::set<std::string> organisation_ids;
  for (const Json& value : organisation_listing["values"]) {
    organisation_ids.insert(value["id"].get<std::string>());
    const std::string label = value["label"].get<std::string>();
    INFO(label);
    CHECK(label.find("Muhammad") == std::string::npos);
  }
  CHECK(organisation_ids.count("state-department"));
  CHECK(organisation_ids.count("al-jazeera"));
  CHECK(organisation_ids.count("anadolu"));
  for (const auto& [person, names] : names_by_id) CHECK_FALSE(organisation_ids.count(person));
}

TEST_CASE("the sample corpus: spelling variants merge, namesakes stay apart, sports and metaphors raise no events") {
  TempDir dir;
  Index(SourceDir() / "corpus", dir / "index");
  std::map<std::string, Json> articles = ExportById(dir / "index");
  std::map<std::string, std::set<std::string>> articles_by_person;
  for (const auto& [id, article] : articles) {
    for (const std::string& person : Values(article, "people", "id")) articles_by_person[person].insert(id);
  }
  // Written with and without diacritics, or in two transliterations, in different articles.
  for (const char* name : {"Tomasz Wójcik", "Ayşe Yılmaz", "José Müller", "Sergey Volkov", "Aleksandr Petrenko",
                           "Dmitriy Kozhevnikov", "Khalid al-Mansour"}) {
    INFO(name);
    CHECK(articles_by_person[PersonKey(name)].size() >= 2);
  }
  CHECK(PersonKey("Maria Santos") != PersonKey("Paulo Santos"));
  CHECK(articles_by_person.count(PersonKey("Maria Santos")));
  CHECK(articles_by_person.count(PersonKey("Paulo Santos")));
  // Match reports use "shot", "attack", "strike"; a shipyard's "flood of orders" is good news.
  for (const auto& [id, article] : articles) {
    if (id.rfind("sports/", 0) == 0 || id == "business/gdynia-shipyard-orders.txt") {
      const std::string& shown_id = id;
      INFO(shown_id);
      CHECK(Values(article, "events", "id").empty());
    }
  }
}

TEST_CASE("a lone surname resolves to the full name that dominates it in the index, not only to a unique one") {
  TempDir dir;
  for (int i = 0; i < 5; ++i) {
    dir.Write("articles/ronald-" + std::to_string(i) + ".txt",
              "Budget talks resume\n\nWASHINGTON - Ronald Reagan said on Monday that the budget talks " +
                  std::string(i % 2 ? "would resume." : "had stalled.") + " Aides said more talks were due.\n");
  }
  dir.Write("articles/nancy.txt", "Charity gala\n\nNancy Reagan, 65, opened a charity gala in New York on Friday.\n");
  dir.Write("articles/president.txt",
            "Tax rates\n\nWASHINGTON - President Reagan vowed there would be no increase in tax rates this year.\n");
  dir.Write("articles/smith-a.txt", "Talks\n\nJohn Smith said the talks went well.\n");
  dir.Write("articles/smith-b.txt", "Talks\n\nJane Smith said the talks failed.\n");
  dir.Write("articles/smith-lone.txt", "Talks\n\nMr Smith said nothing more.\n");
  Index(dir / "articles", dir / "index");
  std::map<std::string, Json> articles = ExportById(dir / "index");
  CHECK(Values(articles["president.txt"], "people", "id") == std::set<std::string>{PersonKey("Ronald Reagan")});
  CHECK(Values(articles["nancy.txt"], "people", "id") == std::set<std::string>{PersonKey("Nancy Reagan")});
  // Two full names with an even share: the lone surname stays unresolved.
  CHECK(Values(articles["smith-lone.txt"], "people", "id").empty());
}

TEST_CASE("firms named after people are organisations, in their own article and wherever the index names them") {
  TempDir dir;
  dir.Write("articles/results.txt",
            "Broker results\n\nNEW YORK - Merrill Lynch and Co Inc said its profit rose, and Morgan Stanley and Co "
            "said its own fell. John Phelan, chairman of the exchange, said trading was calm.\n");
  dir.Write("articles/deal.txt",
            "Broker results\n\nNEW YORK - Merrill Lynch and Co Inc said it would sell a unit.\n");
  dir.Write("articles/analyst.txt",
            "Bond prices\n\nNEW YORK - Merrill Lynch said bond prices would rise, and Paul Volcker said little.\n");
  Index(dir / "articles", dir / "index");
  std::map<std::string, Json> articles = ExportById(dir / "index");
  CHECK(Values(articles["results.txt"], "people", "id") == std::set<std::string>{PersonKey("John Phelan")});
  CHECK(Values(articles["results.txt"], "organisations", "id") ==
        std::set<std::string>{"merrill-lynch", "morgan-stanley"});
  // Here "Merrill Lynch said" alone looks like a person: the index knows better.
  CHECK(Values(articles["analyst.txt"], "people", "id") == std::set<std::string>{PersonKey("Paul Volcker")});
  ProcessResult people = RunNewsfacet({"entities", "--index", (dir / "index").string(), "--facet", "people"});
  REQUIRE(people.exit_code == 0);
  CHECK(people.out.find("Merrill") == std::string::npos);
}

TEST_CASE("a name made of an organisation the index names often, or of its initials spaced out, is no person") {
  TempDir dir;
  for (int i = 0; i < 6; ++i) {
    dir.Write("articles/amoco-" + std::to_string(i) + ".txt",
              "Oil deal\n\nCALGARY - Amoco Corp said it would raise its offer for Dome Petroleum Ltd.\n");
  }
  dir.Write("articles/hutton.txt",
            "Brokers\n\nNEW YORK - E.F. Hutton Group Inc said profit fell. E.F. Hutton Group Inc also said it would "
            "cut jobs.\n");
  dir.Write("articles/court.txt",
            "Court ruling\n\nCALGARY - A judge backed the Amoco Canada-Dome takeover, said lawyer Dennis Hart. "
            "E. F. Hutton said it advised Dome. Dennis Hart said the ruling was final.\n");
  Index(dir / "articles", dir / "index");
  ProcessResult people = RunNewsfacet({"entities", "--index", (dir / "index").string(), "--facet", "people"});
  REQUIRE(people.exit_code == 0);
  CHECK(people.out.find("Dennis Hart") != std::string::npos);
  CHECK(people.out.find("Amoco") == std::string::npos);
  CHECK(people.out.find("Hutton") == std::string::npos);
}

TEST_CASE("a dateline's dash joins no organisation, and a lone surname that is mostly that organisation names no one") {
  TempDir dir;
  for (int i = 0; i < 3; ++i) {
    dir.Write("articles/chrysler-" + std::to_string(i) + ".txt",
              "Car sales\n\nDETROIT - Chrysler Corp said sales rose. Chrysler said it would add a shift.\n");
  }
  dir.Write("articles/namesake.txt",
            "Racing\n\nDETROIT - The race was won by Walter Chrysler, 40. Chrysler said the car ran well.\n");
  dir.Write("articles/lone.txt", "Car sales\n\nDETROIT - Chrysler said sales rose in March.\n");
  Index(dir / "articles", dir / "index");
  std::map<std::string, Json> articles = ExportById(dir / "index");
  CHECK(Values(articles["namesake.txt"], "people", "id") == std::set<std::string>{PersonKey("Walter Chrysler")});
  CHECK(Values(articles["lone.txt"], "people", "id").empty());
  // The dateline's dash joins no name: the organisation is Chrysler.
  CHECK(Values(articles["chrysler-0.txt"], "organisations", "id") == std::set<std::string>{"chrysler"});
}

TEST_CASE("a title stripped from a name is that person's role in the export, and not part of the name") {
  TempDir dir;
  dir.Write("articles/fed.txt",
            "Rates\n\nWASHINGTON - Federal Reserve Chairman Paul Volcker told Congress that rates would hold. "
            "Chancellor of the Exchequer Nigel Lawson said sterling was stable. John Smith, 40, agreed.\n");
  Index(dir / "articles", dir / "index");
  std::map<std::string, Json> articles = ExportById(dir / "index");
  std::map<std::string, Json> people;
  for (const Json& person : articles["fed.txt"]["people"]) people[person["name"].get<std::string>()] = person;
  REQUIRE(people.count("Paul Volcker"));
  REQUIRE(people.count("Nigel Lawson"));
  CHECK(people["Paul Volcker"].value("role", "") == "Federal Reserve Chairman");
  CHECK(people["Nigel Lawson"].value("role", "") == "Chancellor of the Exchequer");
  // No title, no role: the field is left out.
  REQUIRE(people.count("John Smith"));
  CHECK_FALSE(people["John Smith"].contains("role"));

  // The article view's entities carry the role beside the label.
  ServerProcess server(dir / "index");
  int status = 0;
  Json article = server.GetJson("/api/article/fed.txt", &status);
  CHECK(status == 200);
  std::map<std::string, Json> shown;
  for (const Json& person : article["people"]) shown[person["label"].get<std::string>()] = person;
  REQUIRE(shown.count("Paul Volcker"));
  CHECK(shown["Paul Volcker"].value("role", "") == "Federal Reserve Chairman");
  REQUIRE(shown.count("John Smith"));
  CHECK_FALSE(shown["John Smith"].contains("role"));
}
