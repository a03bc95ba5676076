// End to end: `newsfacet serve` on a facet-bearing test index, queried over
// HTTP like the front end does.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <thread>

#include "schemas/store/stored_article.h"
#include "indexer/entities/surname_resolver.h"
#include "tests/facet_test_index.h"
#include "tests/server_process.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

using Counts = std::map<std::string, int64_t>;

struct TestServer {
  TestServer() {
    BuildFacetTestIndex(dir / "index");
    server = std::make_unique<ServerProcess>(dir / "index");
  }
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
};

Json Get(const ServerProcess& server, const std::string& path, int expected_status = 200) {
  int status = 0;
  Json json = server.GetJson(path, &status);
  INFO("GET " << path << " -> " << json.dump().substr(0, 500));
  CHECK(status == expected_status);
  REQUIRE(json.is_object());
  return json;
}

std::set<std::string> HitIds(const Json& response) {
  std::set<std::string> ids;
  for (const Json& hit : response["hits"]) ids.insert(hit["id"].get<std::string>());
  return ids;
}

const Json* HitById(const Json& response, const std::string& id) {
  for (const Json& hit : response["hits"]) {
    if (hit["id"] == id) return &hit;
  }
  return nullptr;
}

Counts FacetCounts(const Json& response, const std::string& facet) {
  Counts counts;
  for (const Json& value : response["facets"][facet]["values"]) counts[value["id"]] = value["count"].get<int64_t>();
  return counts;
}

// Facet counts over `ids`, from the articles' stored entities with lone
// surnames resolved by the indexer's own reader code: no Xapian matching or
// spies involved.
Counts BruteForce(const fs::path& index, const std::set<std::string>& ids, const std::string& facet) {
  Xapian::Database db(index.string());
  const SurnameResolutions resolutions = LoadSurnameResolutions(db);
  Counts counts;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    StoredArticle stored = LoadStoredArticle(db.get_document(*it));
    if (!ids.count(stored.article.id)) continue;
    ApplySurnameResolutions(resolutions, stored.entities, [](const std::string& id) { return id; });
    if (facet == "people") for (const auto& p : stored.entities.people) ++counts[p.id];
    if (facet == "countries") for (const auto& c : stored.entities.countries) if (c.salient) ++counts[c.code];
    if (facet == "events") for (const auto& e : stored.entities.events) ++counts[e.id];
    if (facet == "organisations") for (const auto& o : stored.entities.organisations) ++counts[o.id];
  }
  return counts;
}

}  // namespace

TEST_CASE("search over HTTP: folded words, phrases, each filter, marks and escaping") {
  TestServer t;
  SchemaChecker schemas;
  Json folded = Get(*t.server, "/api/search?q=altintas");
  schemas.Add("search", folded);
  CHECK(HitIds(folded) == std::set<std::string>{"ankara-shooting", "gunman-profile", "gunman-funeral"});
  CHECK((*HitById(folded, "ankara-shooting"))["snippet"].get<std::string>().find("Altıntaş</mark>") !=
        std::string::npos);

  Json phrase = Get(*t.server, "/api/search?q=" + UrlEncode("\"art exhibition\""));
  CHECK(HitIds(phrase) == std::set<std::string>{"ankara-shooting"});
  CHECK(phrase["hits"][0]["snippet"].get<std::string>().find("<mark>art exhibition</mark>") != std::string::npos);

  Json escaped = Get(*t.server, "/api/search?q=script");
  const std::string snippet = escaped["hits"][0]["snippet"];
  CHECK(snippet.find("&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)") != std::string::npos);
  CHECK(snippet.find("<script") == std::string::npos);

  Json person = Get(*t.server, "/api/search?person=" + UrlEncode("Andrei Karlov"));
  schemas.Add("search", person);
  CHECK(HitIds(person) == std::set<std::string>{"ankara-shooting", "karlov-tribute"});
  CHECK(person["sort"] == "-date");
  CHECK(person["hits"][0]["id"] == "karlov-tribute");  // newest first without a query
  // The person is marked under the other spelling, and by surname alone.
  const std::string shooting = (*HitById(person, "ankara-shooting"))["snippet"];
  CHECK(shooting.find("<mark>Andrey Karlov</mark>") != std::string::npos);
  CHECK(shooting.find("said <mark>Karlov</mark>") != std::string::npos);
  CHECK((*HitById(person, "karlov-tribute"))["title_html"] == "Putin pays tribute to <mark>Andrei Karlov</mark>");

  CHECK(HitIds(Get(*t.server, "/api/search?country=tr")).size() == 3);
  CHECK(HitIds(Get(*t.server, "/api/search?country=Turkey")).size() == 3);
  CHECK(HitIds(Get(*t.server, "/api/search?event=peace-talks")) == std::set<std::string>{"syria-talks"});
  CHECK(HitIds(Get(*t.server, "/api/search?q=karlov&from=2017-01-01")) == std::set<std::string>{"tennis-karlov"});
  CHECK(HitIds(Get(*t.server, "/api/search?q=karlov&to=2016-12-19")) == std::set<std::string>{"ankara-shooting"});
  CHECK(HitIds(Get(*t.server, "/api/search?country=SY&country=DE")) ==
        std::set<std::string>{"syria-talks", "berlin-market"});
  Json syntax = Get(*t.server, "/api/search?q=" + UrlEncode("karlov AND"));
  CHECK(syntax["notes"].size() == 1);
  schemas.Add("search", syntax);
  schemas.Check();
}

TEST_CASE("facet counts over HTTP equal brute-force counts from the stored articles, and are disjunctive") {
  TestServer t;
  const fs::path index = t.dir / "index";
  for (const std::string query : {"", "q=ambassador+OR+killing+OR+market+OR+talks", "q=karlov"}) {
    CAPTURE(query);
    Json all = Get(*t.server, "/api/search?limit=100&" + query);
    REQUIRE(all["total"]["exact"] == true);
    REQUIRE(all["total"]["value"].get<size_t>() == all["hits"].size());
    std::set<std::string> matching = HitIds(all);
    for (const std::string facet : {"people", "organisations", "countries", "events"}) {
      CHECK(FacetCounts(all, facet) == BruteForce(index, matching, facet));
      CHECK(all["facets"][facet]["exact"] == true);
    }
  }
  // Filtered on Russia: the country counts stay those of the unfiltered
  // query; the others are counted in the Russia articles only.
  const std::string query = "q=ambassador+OR+killing+OR+market+OR+talks";
  std::set<std::string> unfiltered = HitIds(Get(*t.server, "/api/search?limit=100&" + query));
  Json russia = Get(*t.server, "/api/search?limit=100&country=RU&" + query);
  std::set<std::string> filtered = HitIds(russia);
  CHECK(filtered.size() < unfiltered.size());
  CHECK(FacetCounts(russia, "countries") == BruteForce(index, unfiltered, "countries"));
  CHECK(FacetCounts(russia, "people") == BruteForce(index, filtered, "people"));
  CHECK(FacetCounts(russia, "events") == BruteForce(index, filtered, "events"));
  CHECK(FacetCounts(russia, "organisations") == BruteForce(index, filtered, "organisations"));
  for (const Json& value : russia["facets"]["countries"]["values"]) CHECK(value["selected"] == (value["id"] == "RU"));

  // Two facets filtered: each is counted without its own filter, with the other's.
  Json both = Get(*t.server, "/api/search?limit=100&country=TR&event=assassination");
  CHECK(HitIds(both) == std::set<std::string>{"ankara-shooting", "gunman-profile"});
  std::set<std::string> turkey = HitIds(Get(*t.server, "/api/search?limit=100&country=TR"));
  std::set<std::string> assassination = HitIds(Get(*t.server, "/api/search?limit=100&event=assassination"));
  CHECK(FacetCounts(both, "events") == BruteForce(index, turkey, "events"));
  CHECK(FacetCounts(both, "countries") == BruteForce(index, assassination, "countries"));
}

TEST_CASE("organisations over HTTP: one value across spellings, org= by name or id, OR'd, and its own endpoint") {
  TestServer t;
  SchemaChecker schemas;
  Json all = Get(*t.server, "/api/search?limit=100");
  schemas.Add("search", all);
  CHECK(FacetCounts(all, "organisations") ==
        Counts{{"merrill-lynch", 3}, {"societe-generale", 3}, {"anadolu-agency", 1}});
  std::map<std::string, std::string> labels;
  for (const Json& value : all["facets"]["organisations"]["values"]) labels[value["id"]] = value["label"];
  CHECK(labels["merrill-lynch"] == "Merrill Lynch");         // two articles of three write it so
  CHECK(labels["societe-generale"] == "Société Générale");  // diacritics win over a majority without

  const std::set<std::string> merrill = {"market-1", "market-2", "market-3"};
  for (const std::string value : {"Merrill Lynch & Co.", "MERRILL LYNCH", "merrill-lynch", "The Merrill Lynch Co Inc"}) {
    CAPTURE(value);
    Json filtered = Get(*t.server, "/api/search?org=" + UrlEncode(value));
    CHECK(HitIds(filtered) == merrill);
    for (const Json& facet_value : filtered["facets"]["organisations"]["values"]) {
      CHECK(facet_value["selected"] == (facet_value["id"] == "merrill-lynch"));
    }
  }
  Json either = Get(*t.server, "/api/search?org=merrill-lynch&org=" + UrlEncode("Société Générale"));
  schemas.Add("search", either);
  CHECK(HitIds(either) == std::set<std::string>{"market-1", "market-2", "market-3", "market-4", "market-5"});
  // Disjunctive like the others: its own filter does not narrow its counts.
  CHECK(FacetCounts(either, "organisations") == FacetCounts(all, "organisations"));
  Json with_country = Get(*t.server, "/api/search?org=societe-generale&country=US");
  CHECK(HitIds(with_country) == std::set<std::string>{"market-3", "market-5"});
  CHECK(HitIds(Get(*t.server, "/api/search?org=" + UrlEncode("Goldman Sachs"))).empty());

  const Json* hit = HitById(either, "market-4");
  REQUIRE(hit);
  REQUIRE((*hit)["organisations"].size() == 1);
  CHECK((*hit)["organisations"][0] == Json{{"id", "societe-generale"}, {"label", "Société Générale"}, {"mentions", 3}});

  CHECK(HitIds(Get(*t.server, "/api/search?q=" + UrlEncode("org:\"Merrill Lynch\""))) == merrill);
  CHECK(HitIds(Get(*t.server, "/api/search?q=" + UrlEncode("grain organisation:societe-generale"))) ==
        std::set<std::string>{"market-3", "market-4", "market-5"});

  Json facet = Get(*t.server, "/api/facets/organisations?prefix=gene");
  schemas.Add("facets", facet);
  CHECK(facet["facet"] == "organisations");
  REQUIRE(facet["values"].size() == 1);
  CHECK(facet["values"][0]["id"] == "societe-generale");
  CHECK(facet["values"][0]["count"] == 3);
  Json scoped = Get(*t.server, "/api/facets/organisations?q=ankara");
  REQUIRE(scoped["values"].size() == 1);
  CHECK(scoped["values"][0]["label"] == "Anadolu Agency");

  // The article shown with an organisation filter marks it by any of its names.
  Json marked = Get(*t.server, "/api/article/market-1?org=merrill-lynch");
  schemas.Add("article", marked);
  CHECK(marked["body_html"].get<std::string>().find(
            "<mark>Merrill Lynch &amp; Co Inc</mark> raised its forecast; <mark>Merrill Lynch</mark> expects") !=
        std::string::npos);
  Json snippet = Get(*t.server, "/api/search?q=forecast&org=" + UrlEncode("Merrill Lynch"));
  REQUIRE(snippet["hits"].size() == 1);
  CHECK(snippet["hits"][0]["snippet"].get<std::string>().find("<mark>Merrill Lynch</mark> expects") != std::string::npos);

  Json article = Get(*t.server, "/api/article/ankara-shooting");
  schemas.Add("article", article);
  CHECK(article["organisations"] == Json::array({{{"id", "anadolu-agency"}, {"label", "Anadolu Agency"}, {"mentions", 2}}}));
  schemas.Check();
}

TEST_CASE("walking every page of a broad query returns each match exactly once, in a stable order") {
  TestServer t;
  for (const std::string sort : {"relevance", "date", "-date"}) {
    CAPTURE(sort);
    std::vector<std::string> walked;
    int64_t total = -1;
    for (int offset = 0; offset < 100; offset += 4) {
      Json page = Get(*t.server, "/api/search?q=market+OR+karlov+OR+ankara&limit=4&sort=" + sort +
                                     "&offset=" + std::to_string(offset));
      total = page["total"]["value"];
      for (const Json& hit : page["hits"]) walked.push_back(hit["id"]);
      if (page["hits"].empty()) break;
    }
    std::set<std::string> unique(walked.begin(), walked.end());
    CHECK(unique.size() == walked.size());
    CHECK(static_cast<int64_t>(walked.size()) == total);
    Json everything = Get(*t.server, "/api/search?q=market+OR+karlov+OR+ankara&limit=100&sort=" + sort);
    std::vector<std::string> at_once;
    for (const Json& hit : everything["hits"]) at_once.push_back(hit["id"]);
    CHECK(at_once == walked);
  }
}

TEST_CASE("every bad request is a 4xx JSON error that says what to fix, never a 500") {
  TestServer t;
  SchemaChecker schemas;
  struct Case {
    std::string path;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"/api/search?limit=-5", 400, "bad_parameter"},
      {"/api/search?limit=100000", 400, "bad_parameter"},
      {"/api/search?offset=-1", 400, "bad_parameter"},
      {"/api/search?q=" + std::string(2000, 'a'), 400, "query_too_long"},
      {"/api/search?q=" + std::string(10000, 'a'), 400, "query_too_long"},
      {"/api/search?facets=people,companies", 400, "bad_parameter"},
      {"/api/search?from=2016-02-30", 400, "bad_parameter"},
      {"/api/search?to=yesterday", 400, "bad_parameter"},
      {"/api/search?sort=popularity", 400, "bad_parameter"},
      {"/api/search?country=Atlantis", 400, "bad_parameter"},
      {"/api/search?q=caf%FF", 400, "bad_parameter"},
      {"/api/search?colour=red", 400, "bad_parameter"},
      {"/api/facets/companies", 400, "bad_parameter"},
      {"/api/search?org=" + UrlEncode("- !"), 400, "bad_parameter"},
      {"/api/facets/people?limit=0", 400, "bad_parameter"},
      {"/api/article/no-such-article", 404, "not_found"},
      {"/api/nothing-here", 404, "not_found"},
      {"/nothing-here.html", 404, "not_found"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path.substr(0, 80));
    int status = 0;
    Json error = t.server->GetJson(c.path, &status);
    CHECK(status == c.status);
    REQUIRE(error.is_object());
    CHECK(error["error"]["code"] == c.code);
    CHECK_FALSE(error["error"]["message"].get<std::string>().empty());
    schemas.Add("error", error);
  }
  // Syntax the parser cannot take is searched as plain words: 200 with a note.
  for (const std::string q : {"\"unbalanced", "AND", "karlov OR", "((", "*", "title:", "person:"}) {
    CAPTURE(q);
    int status = 0;
    Json answer = t.server->GetJson("/api/search?q=" + UrlEncode(q), &status);
    CHECK(status == 200);
    schemas.Add("search", answer);
  }
  httplib::Client client = t.server->Client();
  auto check_refused = [](const httplib::Result& result) {
    REQUIRE(result);
    CHECK(result->status == 405);
    CHECK(Json::parse(result->body)["error"]["code"] == "method_not_allowed");
  };
  check_refused(client.Post("/api/search", "{}", "application/json"));
  check_refused(client.Put("/api/search", "{}", "application/json"));
  httplib::Result deleted = client.Delete("/api/search");
  REQUIRE(deleted);
  CHECK(deleted->status == 405);
  CHECK(t.server->RawStatus("PATCH /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n") == 405);
  CHECK(t.server->RawStatus("garbage\r\n\r\n") == 400);
  // Still serving after all that.
  CHECK(Get(*t.server, "/api/health")["status"] == "ok");
  schemas.Check();
}

TEST_CASE("the web directory is served with its content types, and nothing outside it ever is") {
  TempDir dir;
  BuildFacetTestIndex(dir / "index");
  dir.Write("web/index.html", "<!doctype html><title>newsfacet</title>");
  dir.Write("web/app.js", "console.log(1);");
  dir.Write("secret.txt", "TOP SECRET");
  ServerProcess server(dir / "index", {"--web", (dir / "web").string()});
  httplib::Client client = server.Client();
  httplib::Result page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->body.find("<title>newsfacet</title>") != std::string::npos);
  httplib::Result script = client.Get("/app.js");
  REQUIRE(script);
  CHECK(script->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  for (const std::string path : {"/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
                                 "/..%5csecret.txt", "//etc/passwd", "/web/../../secret.txt"}) {
    CAPTURE(path);
    int status = server.RawStatus("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    CHECK((status == 404 || status == 400));
    httplib::Result result = client.Get(path.c_str());
    if (result) CHECK(result->body.find("TOP SECRET") == std::string::npos);
  }
}

TEST_CASE("articles by URL-encoded id, autocomplete, stats and health, each as its schema says") {
  TestServer t;
  SchemaChecker schemas;
  Json article = Get(*t.server, "/api/article/" + UrlEncode("karlov-tribute") + "?q=diplomat&person=andrei-karlov");
  schemas.Add("article", article);
  CHECK(article["title"] == "Putin pays tribute to Andrei Karlov");
  CHECK(article["body_html"].get<std::string>().find("outstanding <mark>diplomat</mark>") != std::string::npos);
  CHECK(article["body_html"].get<std::string>().find("Ambassador <mark>Karlov</mark>") != std::string::npos);

  Json people = Get(*t.server, "/api/facets/people?prefix=erdo");
  schemas.Add("facets", people);
  REQUIRE(people["values"].size() == 1);
  CHECK(people["values"][0]["label"] == "Recep Tayyip Erdoğan");
  Json countries = Get(*t.server, "/api/facets/countries?prefix=tur");
  schemas.Add("facets", countries);
  REQUIRE(countries["values"].size() == 1);
  CHECK(countries["values"][0]["id"] == "TR");
  CHECK(countries["values"][0]["count"] == 3);
  Json scoped = Get(*t.server, "/api/facets/people?q=ceasefire");
  CHECK(scoped["values"].size() == 2);

  Json stats = Get(*t.server, "/api/stats");
  schemas.Add("stats", stats);
  CHECK(stats["articles"] == 31);
  CHECK(stats["date_range"]["first"] == "2016-12-19");
  CHECK(stats["date_range"]["last"] == "2017-03-02");
  Json health = Get(*t.server, "/api/health");
  schemas.Add("health", health);
  CHECK(health["articles"] == 31);
  schemas.Check();
}

TEST_CASE("concurrent clients are all answered, one access log line each, and SIGTERM stops the server cleanly") {
  TestServer t;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client = t.server->Client();
      for (int i = 0; i < 25; ++i) {
        // Browsing (no q) as well as searching: every kind of query built at once.
        const char* kinds[] = {"q=karlov", "q=market", "", "country=TR", "q=%22art+exhibition%22&person=andrei-karlov"};
        std::string path = "/api/search?" + std::string(kinds[i % 5]) + "&offset=" + std::to_string(c);
        httplib::Result result = client.Get(path.c_str());
        if (result && result->status == 200) ++ok;
      }
    });
  }
  for (std::thread& client : clients) client.join();
  CHECK(ok == 200);
  CHECK(t.server->Stop() == 0);
  std::string log = t.server->Log();
  CHECK(log.find("GET /api/search?q=karlov&offset=3 200 ") != std::string::npos);
  CHECK(log.find("GET /api/search?&offset=3 200 ") != std::string::npos);
  CHECK(Lines(log).size() >= 200);
  CHECK(log.find("stopping (SIGTERM)") != std::string::npos);

  ServerProcess quiet(t.dir / "index", {"--quiet"});
  quiet.GetJson("/api/health");
  CHECK(quiet.Stop() == 0);
  CHECK(quiet.Log().find("GET /api/health") == std::string::npos);
}

TEST_CASE("a second server on a port in use fails with a message instead of sharing it") {
  TestServer t;
  TempDir logs;
  pid_t second = StartNewsfacet({"serve", "--index", (t.dir / "index").string(), "--port", std::to_string(t.server->port())},
                                logs / "out", logs / "err");
  int status = 0;
  bool exited = false;
  for (int attempt = 0; attempt < 500 && !exited; ++attempt) {
    exited = ::waitpid(second, &status, WNOHANG) == second;
    if (!exited) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!exited) {  // it bound the port too: stop it, and fail
    ::kill(second, SIGKILL);
    WaitExitCode(second);
  }
  REQUIRE_MESSAGE(exited, "the second server is still running: it shares the port");
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(Slurp(logs / "err").find("cannot listen on 127.0.0.1:" + std::to_string(t.server->port())) != std::string::npos);
  CHECK(Get(*t.server, "/api/health")["status"] == "ok");
}
