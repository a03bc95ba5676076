// End to end: entity facets as the built `newsfacet` tool writes them.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "person_key.h"
#include "process.h"

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
  const fs::path seeds = SharedDir() / "seeds";
  if (!fs::exists(seeds)) {
    MESSAGE("skipped: " << seeds << " is not on this machine");
    return;
  }
  TempDir dir;
  Index(seeds, dir / "index");
  std::map<std::string, Json> articles = ExportById(dir / "index");
  REQUIRE(articles.size() == 3);
  const std::string karlov = PersonKey("Andrey Karlov"), putin = PersonKey("Vladimir Putin");
  const std::string attacker = PersonKey("Mevlüt Mert Altıntaş"), erdogan = PersonKey("Recep Tayyip Erdogan");
  std::map<std::string, std::set<std::string>> names_by_id;
  for (const auto& [id, article] : articles) {
    INFO(id);
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
    INFO(id);
    CHECK(id.find('-') != std::string::npos);
    for (const std::string& name : names) CHECK(name.find(' ') != std::string::npos);
  }

  ProcessResult people = RunNewsfacet({"entities", "--index", (dir / "index").string(), "--facet", "people", "--json"});
  if (people.exit_code == 0) {
    Json listing = Json::parse(people.out, nullptr, false);
    CHECK_FALSE(listing.is_discarded());
  }
}
