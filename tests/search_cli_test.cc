// End to end: `newsfacet search` and `newsfacet entities` on a facet-bearing
// test index: the same engine and JSON as the HTTP API, and exit codes a
// script can use.
#include <doctest/doctest.h>

#include <map>

#include "tests/facet_test_index.h"
#include "tests/server_process.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;

namespace {

Json WithoutTiming(Json json) {
  json.erase("took_ms");
  return json;
}

}  // namespace

TEST_CASE("search --json prints exactly what GET /api/search answers") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  ServerProcess server(dir / "index");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"altintas"}, "q=altintas"},
      {{"--person", "Andrei Karlov", "--country", "TR", "--country", "RU"},
       "person=Andrei%20Karlov&country=TR&country=RU"},
      {{"karlov", "--sort", "date", "--limit", "2", "--offset", "1", "--facets", "people"},
       "q=karlov&sort=date&limit=2&offset=1&facets=people"},
      {{"market", "--from", "2017-01-05", "--to=2017-01-09"}, "q=market&from=2017-01-05&to=2017-01-09"},
      {{"--org", "Merrill Lynch & Co", "--org", "societe-generale"}, "org=Merrill%20Lynch%20%26%20Co&org=societe-generale"},
  };
  for (const auto& [args, query] : cases) {
    const auto& shown_query = query;  // a structured binding cannot be captured by CAPTURE's lambda
    CAPTURE(shown_query);
    std::vector<std::string> command = {"search", "--index", (dir / "index").string(), "--json"};
    command.insert(command.end(), args.begin(), args.end());
    ProcessResult cli = RunNewsfacet(command);
    CHECK(cli.exit_code == 0);
    CHECK(WithoutTiming(Json::parse(cli.out)) == WithoutTiming(server.GetJson("/api/search?" + query)));
  }
}

TEST_CASE("search exits 0 with matches, 1 without, 2 on an error, and says what was wrong") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  const std::string index = (dir / "index").string();
  ProcessResult hits = RunNewsfacet({"search", "--index", index, "ambassador", "shot"});
  CHECK(hits.exit_code == 0);
  CHECK(hits.out.find("1 article match \"ambassador shot\"") != std::string::npos);
  CHECK(hits.out.find("Russian ambassador to Turkey shot in Ankara") != std::string::npos);
  CHECK(hits.out.find("<mark>") == std::string::npos);  // not a terminal: marks dropped
  CHECK(hits.out.find("People: Andrey Karlov (1)") != std::string::npos);

  ProcessResult none = RunNewsfacet({"search", "--index", index, "volcano"});
  CHECK(none.exit_code == 1);
  CHECK(none.out.find("0 articles match") != std::string::npos);

  const std::vector<std::pair<std::vector<std::string>, std::string>> errors = {
      {{"search", "--index", (dir / "nope").string(), "x"}, "not a newsfacet index"},
      {{"search", "x"}, "missing --index"},
      {{"search", "--index", index, "--limit", "-5"}, "limit must be a whole number from 0 to 100"},
      {{"search", "--index", index, "--sort", "popularity"}, "sort must be"},
      {{"search", "--index", index, "--country", "Atlantis"}, "unknown country"},
      {{"search", "--index", index, "--colour", "red"}, "unknown option --colour"},
      {{"search", "--index", index, "--person"}, "--person needs a value"},
  };
  for (const auto& [args, message] : errors) {
    const auto& shown_message = message;
    CAPTURE(shown_message);
    ProcessResult run = RunNewsfacet(args);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(message) != std::string::npos);
  }
}

TEST_CASE("entities lists a facet's values by article count, as /api/facets does") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  const std::string index = (dir / "index").string();
  ProcessResult people = RunNewsfacet({"entities", "--index", index, "--facet", "people", "--json"});
  REQUIRE(people.exit_code == 0);
  Json json = Json::parse(people.out);
  SchemaChecker schemas;
  schemas.Add("entities", json);
  std::map<std::string, int64_t> counts;
  for (const Json& value : json["values"]) counts[value["id"]] = value["count"];
  std::map<std::string, int64_t> expected;
  for (const TestArticle& article : FacetTestArticles()) {
    for (const PersonMention& person : article.entities.people) ++expected[person.id];
    for (const auto& [surname, mentions] : article.entities.unresolved_surnames) {
      if (surname == "altintas") ++expected[PersonKey("Mevlut Mert Altintas")];  // FacetTestSurnameResolutions()
    }
  }
  CHECK(counts == expected);
  CHECK(json["values"][0]["label"] == "Mevlüt Mert Altıntaş");  // 3 articles, one naming him by surname alone

  ProcessResult prefix = RunNewsfacet({"entities", "--index", index, "--facet", "countries", "--prefix", "tur"});
  CHECK(prefix.exit_code == 0);
  CHECK(Lines(prefix.out).size() == 1);
  CHECK(prefix.out.find("TR") != std::string::npos);

  CHECK(RunNewsfacet({"entities", "--index", index, "--facet", "people", "--prefix", "zzz"}).exit_code == 1);
  ProcessResult bad = RunNewsfacet({"entities", "--index", index, "--facet", "companies"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("use people, organisations, countries or events") != std::string::npos);
  schemas.Check();
}

TEST_CASE("organisations from the command line: search --org, entities --facet organisations, export lines") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  const std::string index = (dir / "index").string();
  ProcessResult search = RunNewsfacet({"search", "--index", index, "--org", "MERRILL LYNCH", "--limit", "0"});
  CHECK(search.exit_code == 0);
  CHECK(search.out.find("3 articles match") != std::string::npos);
  // Disjunctive: the filtered facet is counted without its own filter.
  CHECK(search.out.find("Organisations: Merrill Lynch (3), Société Générale (3), Anadolu Agency (1)") != std::string::npos);

  ProcessResult listed = RunNewsfacet({"entities", "--index", index, "--facet", "organisations", "--json"});
  REQUIRE(listed.exit_code == 0);
  Json json = Json::parse(listed.out);
  SchemaChecker schemas;
  schemas.Add("entities", json);
  schemas.Check();
  std::map<std::string, int64_t> counts;
  for (const Json& value : json["values"]) counts[value["id"]] = value["count"];
  std::map<std::string, int64_t> expected;
  for (const TestArticle& article : FacetTestArticles()) {
    for (const OrganisationMention& organisation : article.entities.organisations) ++expected[organisation.id];
  }
  CHECK(counts == expected);
  ProcessResult text = RunNewsfacet({"entities", "--index", index, "--facet", "organisations", "--prefix", "anad"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Anadolu Agency") != std::string::npos);

  ProcessResult exported = RunNewsfacet({"export", "--index", index});
  REQUIRE(exported.exit_code == 0);
  SchemaChecker export_schema(SourceDir() / "schemas");
  std::map<std::string, Json> by_id;
  for (const std::string& line : Lines(exported.out)) {
    Json record = Json::parse(line);
    export_schema.Add("export", record);
    by_id[record["id"]] = record;
  }
  export_schema.Check();
  CHECK(by_id["market-1"]["organisations"] ==
        Json::array({{{"id", "merrill-lynch"}, {"name", "Merrill Lynch & Co Inc"}, {"mentions", 2}}}));
  CHECK(by_id["market-3"]["organisations"].size() == 2);
  CHECK(by_id["berlin-market"]["organisations"] == Json::array());
}

TEST_CASE("each searcher command explains itself with --help") {
  for (const std::string command : {"search", "entities", "serve"}) {
    ProcessResult help = RunNewsfacet({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Usage: newsfacet " + command) != std::string::npos);
  }
  ProcessResult top = RunNewsfacet({"--help"});
  CHECK(top.out.find("serve") != std::string::npos);
  ProcessResult bad_port = RunNewsfacet({"serve", "--index", "x", "--port", "99999"});
  CHECK(bad_port.exit_code == 2);
  CHECK(bad_port.err.find("--port") != std::string::npos);
}
