// A cluster end to end: shards built by `newsfacet index --shard K/N`,
// served by stock `xapian-tcpsrv`, searched through `newsfacet serve
// --cluster`, against one local index of the same articles; replicas
// dying; replication catching up. Every server is killed on teardown.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <xapian.h>

#include "schemas/store/shard_routing.h"
#include "tests/cluster_processes.h"
#include "tests/server_process.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The sample corpus, the seed articles and a share of BBC News, when this
// machine has them, copied under `dir`.
fs::path CopyArticles(const TempDir& dir) {
  const fs::path articles = dir / "articles";
  fs::create_directories(articles);
  fs::copy(SourceDir() / "corpus", articles / "corpus", fs::copy_options::recursive);
  if (fs::exists(SharedDir() / "seeds")) fs::copy(SharedDir() / "seeds", articles / "seeds", fs::copy_options::recursive);
  const fs::path bbc = SharedDir() / "corpora/bbc/business";
  if (fs::exists(bbc)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(bbc)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    fs::create_directories(articles / "bbc");
    for (size_t i = 0; i < files.size() && i < 120; ++i) fs::copy(files[i], articles / "bbc" / files[i].filename());
  }
  return articles;
}

void Index(const fs::path& articles, const fs::path& index, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"index", articles.string(), "--index", index.string(), "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  ProcessResult run = RunNewsfacet(args);
  INFO("stderr: " << run.err);
  REQUIRE((run.exit_code == 0 || run.exit_code == 1));  // 1: a file of the corpus may be refused, on both sides
}

// A cluster file over `shards` (each a list of "host:port"), with its
// metadata copy chosen over them.
fs::path WriteCluster(const TempDir& dir, const std::vector<std::vector<std::string>>& shards) {
  Json file = {{"shards", shards}, {"metadata", "metadata"}, {"connect_timeout_ms", 500}};
  const fs::path path = dir.Write("cluster.json", file.dump());
  ProcessResult run = RunNewsfacet({"cluster-metadata", "--cluster", path.string()});
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 0);
  return path;
}

// What two answers must agree on: totals, facet counts, the histogram,
// the hits (ties in score in either order). (A page of a browse, all of
// whose scores tie, is cut by docid, which the indexers' reader threads
// may assign in another order: browses are compared with limit=0.)
Json Comparable(const Json& response) {
  Json hits = Json::array();
  for (const Json& hit : response["hits"]) {
    Json compared = {{"score", std::round(hit["score"].get<double>() * 1e6)}, {"id", hit["id"]},
                     {"date", hit["date"]}, {"near_duplicates", hit["near_duplicates"]}};
    // Which of a story's copies stands for it depends on docids too: the story's key then.
    if (hit["near_duplicate_key"].is_string()) compared = {{"score", compared["score"]}, {"id", hit["near_duplicate_key"]}};
    hits.push_back(std::move(compared));
  }
  std::vector<Json> sorted(hits.begin(), hits.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const Json& a, const Json& b) {
    return a["score"] != b["score"] ? a["score"] > b["score"] : a["id"] < b["id"];
  });
  Json comparable = {{"total", response["total"]}, {"facets", response["facets"]}, {"hits", sorted}};
  if (response.contains("histogram")) comparable["histogram"] = response["histogram"];
  return comparable;
}

// The id of an article the one-shard index at `index` holds.
std::string ArticleOf(const fs::path& index) {
  Xapian::Database shard(index.string());
  const std::string prefix = "Q";
  return (*shard.allterms_begin(prefix)).substr(prefix.size());
}

// The hits' days ("2022-10-31" of "2022-10-31T06:30:00Z").
std::vector<std::string> HitDays(const Json& response) {
  std::vector<std::string> days;
  for (const Json& hit : response["hits"]) {
    days.push_back(hit["date"].is_string() ? hit["date"].get<std::string>().substr(0, 10) : "");
  }
  return days;
}

}  // namespace

TEST_CASE("four xapian-tcpsrv over shards built with --shard K/4 answer as one local index of the same articles") {
  if (!HaveXapianToolsOrSkip()) return;
  TempDir dir;
  const fs::path articles = CopyArticles(dir);
  Index(articles, dir / "local", {"--shards", "4"});
  std::vector<std::unique_ptr<XapianTcpServer>> servers;
  std::vector<std::vector<std::string>> shards;
  for (int shard = 0; shard < 4; ++shard) {
    const fs::path index = dir / ("host-" + std::to_string(shard));
    Index(articles, index, {"--shard", std::to_string(shard) + "/4"});
    servers.push_back(std::make_unique<XapianTcpServer>(index / "shard-0", dir / "tcpsrv.log"));
    shards.push_back({servers.back()->endpoint()});
  }
  // The shards split the articles: each is in one, and none is left out.
  Xapian::doccount in_shards = 0;
  for (int shard = 0; shard < 4; ++shard) {
    in_shards += Xapian::Database((dir / ("host-" + std::to_string(shard)) / "shard-0").string()).get_doccount();
  }
  CHECK(in_shards == Xapian::Database((dir / "local").string()).get_doccount());
  ServerProcess local(dir / "local", {"--quiet"});
  ServerProcess cluster({}, {"--cluster", WriteCluster(dir, shards).string(), "--quiet"});
  SchemaChecker schemas;

  const Json everything = local.GetJson("/api/search?limit=0&collapse=false");
  REQUIRE(everything["total"]["value"].get<int>() >= 30);
  for (const std::string query :
       {"q=government&facet_limit=100", "q=said&limit=20&facet_limit=100&histogram=month",
        "q=market+OR+bank&collapse=false&facet_limit=50", "q=police&country=US&facet_limit=100",
        "limit=0&facet_limit=100&histogram=year", "q=minister&facet_limit=30&offset=5",
        "q=company&event=earnings&facet_limit=100", "q=%22prime+minister%22&facet_limit=100"}) {
    CAPTURE(query);
    const Json from_local = local.GetJson("/api/search?" + query);
    const Json from_cluster = cluster.GetJson("/api/search?" + query);
    schemas.Add("search", from_cluster);
    CHECK_FALSE(from_cluster.contains("partial"));
    CHECK(Comparable(from_cluster).dump(1) == Comparable(from_local).dump(1));
  }
  // Newest first: by the day alone on a cluster, so only the days must agree.
  const Json newest_local = local.GetJson("/api/search?sort=-date&limit=20&facet_limit=100");
  const Json newest_cluster = cluster.GetJson("/api/search?sort=-date&limit=20&facet_limit=100");
  CHECK(newest_cluster["total"] == newest_local["total"]);
  CHECK(newest_cluster["facets"] == newest_local["facets"]);
  CHECK(HitDays(newest_cluster) == HitDays(newest_local));

  for (const std::string facet : {"people", "organisations", "countries", "events"}) {
    CAPTURE(facet);
    const Json from_local = local.GetJson("/api/facets/" + facet + "?limit=100");
    const Json from_cluster = cluster.GetJson("/api/facets/" + facet + "?limit=100");
    CHECK(from_cluster["values"] == from_local["values"]);
  }
  const Json some_hit = local.GetJson("/api/search?q=said&limit=1")["hits"][0];
  const Json article = cluster.GetJson("/api/article/" + UrlEncode(some_hit["id"].get<std::string>()) + "?q=said");
  CHECK(article["body_html"] == local.GetJson("/api/article/" + UrlEncode(some_hit["id"].get<std::string>()) +
                                              "?q=said")["body_html"]);
  const Json health = cluster.GetJson("/api/health");
  schemas.Add("health", health);
  CHECK(health["articles"] == everything["total"]["value"]);
  const Json stats = cluster.GetJson("/api/stats");
  schemas.Add("stats", stats);
  CHECK(stats["articles"] == everything["total"]["value"]);
  CHECK(stats["shards"] == 4);
  CHECK(health["endpoints"].size() == 4);
  CHECK(health["missing_shards"].empty());
  schemas.Check();
}

TEST_CASE("index --shard takes K/N with K below N, and serve --cluster a readable cluster file") {
  TempDir dir;
  for (const std::string shard : {"4/4", "1", "a/2", "0/0", "-1/3"}) {
    CAPTURE(shard);
    ProcessResult run = RunNewsfacet({"index", (SourceDir() / "corpus").string(), "--index", (dir / "x").string(),
                                      "--shard", shard});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--shard takes K/N") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "x"));
  dir.Write("cluster.json", R"({"shards": [["127.0.0.1:0"]], "metadata": "m"})");
  ProcessResult serve = RunNewsfacet({"serve", "--cluster", (dir / "cluster.json").string(), "--port", "0"});
  CHECK(serve.exit_code == 2);
  CHECK(serve.err.find("the port must be a number from 1 to 65535") != std::string::npos);
  ProcessResult both = RunNewsfacet({"serve", "--cluster", (dir / "cluster.json").string(), "--index", "x"});
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("expected --index INDEX_DIR or --cluster FILE") != std::string::npos);
}

TEST_CASE("a shard's replica answers when one endpoint dies mid-run, and a shard with none up makes a partial answer") {
  if (!HaveXapianToolsOrSkip()) return;
  TempDir dir;
  const fs::path articles = CopyArticles(dir);
  std::vector<std::unique_ptr<XapianTcpServer>> servers;  // shard k: 2k and 2k+1
  std::vector<std::vector<std::string>> shards;
  for (int shard = 0; shard < 2; ++shard) {
    const fs::path index = dir / ("host-" + std::to_string(shard));
    Index(articles, index, {"--shard", std::to_string(shard) + "/2"});
    servers.push_back(std::make_unique<XapianTcpServer>(index / "shard-0", dir / "tcpsrv.log"));
    servers.push_back(std::make_unique<XapianTcpServer>(index / "shard-0", dir / "tcpsrv.log"));
    shards.push_back({servers[servers.size() - 2]->endpoint(), servers.back()->endpoint()});
  }
  const int shard1_articles = static_cast<int>(Xapian::Database((dir / "host-1/shard-0").string()).get_doccount());
  ServerProcess cluster({}, {"--cluster", WriteCluster(dir, shards).string(), "--quiet"});
  SchemaChecker schemas;
  const std::string search = "/api/search?facet_limit=100&collapse=false";
  const Json whole = cluster.GetJson(search);
  // Every pooled handle has been connected to one replica or the other.
  for (int request = 0; request < 6; ++request) CHECK(cluster.GetJson(search)["total"] == whole["total"]);

  servers[0]->Kill();
  servers[3]->Kill();
  for (int request = 0; request < 6; ++request) {
    int status = 0;
    const Json answer = cluster.GetJson(search, &status);
    CAPTURE(answer.dump());
    CHECK(status == 200);
    CHECK(answer["total"] == whole["total"]);
    CHECK(answer["facets"] == whole["facets"]);
    CHECK_FALSE(answer.contains("partial"));
  }

  servers[2]->Kill();
  int status = 0;
  const Json partial = cluster.GetJson(search, &status);
  CAPTURE(partial.dump());
  CHECK(status == 200);
  schemas.Add("search", partial);
  CHECK(partial["partial"] == true);
  CHECK(partial["missing_shards"] == Json::array({1}));
  CHECK(partial["shards"] == 2);
  CHECK(partial["total"]["value"].get<int>() == whole["total"]["value"].get<int>() - shard1_articles);
  // The metadata copy is chosen over every shard or not at all.
  const ProcessResult metadata = RunNewsfacet({"cluster-metadata", "--cluster", (dir / "cluster.json").string()});
  CHECK(metadata.exit_code == 2);
  CHECK(metadata.err.find("shard 1 has no replica up") != std::string::npos);
  // An article is looked for on the shard the indexer routed it to.
  cluster.GetJson("/api/article/" + UrlEncode(ArticleOf(dir / "host-0")), &status);
  CHECK(status == 200);
  const std::string on_shard1 = ArticleOf(dir / "host-1");
  CHECK(ShardOfArticle(on_shard1, 2) == 1);
  const Json missing = cluster.GetJson("/api/article/" + UrlEncode(on_shard1), &status);
  CHECK(status == 503);
  CHECK(missing["error"]["code"] == "index_unavailable");
  const Json health = cluster.GetJson("/api/health");
  schemas.Add("health", health);
  CHECK(health["missing_shards"] == Json::array({1}));
  REQUIRE(health["endpoints"].size() == 4);
  CHECK(health["endpoints"][0]["up"] == false);
  CHECK(health["endpoints"][1]["up"] == true);
  CHECK(health["endpoints"][2]["up"] == false);
  CHECK(health["endpoints"][3]["up"] == false);

  // A shard that comes back is searched again, at the latest two seconds on.
  servers[3]->Restart();
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  const Json back = cluster.GetJson(search);
  CHECK_FALSE(back.contains("partial"));
  CHECK(back["total"] == whole["total"]);
  schemas.Check();
}

TEST_CASE("a replica made by xapian-replicate catches up with articles indexed after it was copied") {
  if (!HaveXapianToolsOrSkip()) return;
  TempDir dir;
  const fs::path articles = dir / "articles";
  fs::copy(SourceDir() / "corpus", articles, fs::copy_options::recursive);
  // Changesets let xapian-replicate send what changed rather than the whole shard.
  ::setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
  Index(articles, dir / "primary", {"--shard", "0/1"});
  const int replication_port = FreeLoopbackPort();
  const pid_t master = StartInOwnSession({"xapian-replicate-server", "--interface", "127.0.0.1", "--port",
                                          std::to_string(replication_port), (dir / "primary").string()},
                                         dir / "replicate-server.log");
  struct KillOnExit {
    pid_t pid;
    ~KillOnExit() { KillSession(pid); }
  } stop_master{master};
  for (int attempt = 0; attempt < 500 && !Accepts(replication_port); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const std::string replicate = "timeout 60 xapian-replicate --host 127.0.0.1 --port " +
                                std::to_string(replication_port) + " --master shard-0 --one-shot --reader-time 0 " +
                                "--quiet " + (dir / "replica").string() + " >> " + (dir / "replicate.log").string() +
                                " 2>&1";
  REQUIRE(std::system(replicate.c_str()) == 0);
  XapianTcpServer replica(dir / "replica", dir / "tcpsrv.log");
  ServerProcess cluster({}, {"--cluster", WriteCluster(dir, {{replica.endpoint()}}).string(), "--quiet"});
  const int before = cluster.GetJson("/api/search?limit=0&collapse=false")["total"]["value"].get<int>();
  CHECK(before == static_cast<int>(Xapian::Database((dir / "primary").string()).get_doccount()));

  dir.Write("articles/late/one.txt", "Harbour reopens after storm\n\nThe harbour of Valletta reopened on Monday.");
  dir.Write("articles/late/two.txt", "Ferry service resumes\n\nFerries to Gozo sailed again on Tuesday.");
  Index(articles, dir / "primary", {"--shard", "0/1"});
  REQUIRE(std::system(replicate.c_str()) == 0);
  INFO("replicate log: " << Slurp(dir / "replicate.log"));
  const Json after = cluster.GetJson("/api/search?q=valletta+OR+gozo&collapse=false");
  CHECK(after["total"]["value"] == 2);
  CHECK(cluster.GetJson("/api/search?limit=0&collapse=false")["total"]["value"].get<int>() == before + 2);
}
