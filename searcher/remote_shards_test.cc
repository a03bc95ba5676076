#include "searcher/remote_shards.h"

#include <doctest/doctest.h>

#include "schemas/store/shard_routing.h"
#include "tests/cluster_processes.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

// A shard of `articles` documents, each with the term "Zword".
std::filesystem::path WriteShard(const TempDir& dir, const std::string& name, int articles) {
  const std::filesystem::path path = dir / name;
  Xapian::WritableDatabase shard(path.string(), Xapian::DB_CREATE);
  for (int i = 0; i < articles; ++i) {
    Xapian::Document doc;
    doc.add_term("Zword");
    shard.add_document(doc);
  }
  shard.commit();
  return path;
}

ClusterConfig ConfigOf(const TempDir& dir, const std::vector<std::vector<std::string>>& shards) {
  std::string text = R"({"metadata": "metadata", "connect_timeout_ms": 500, "shards": [)";
  for (size_t shard = 0; shard < shards.size(); ++shard) {
    text += shard ? ", [" : "[";
    for (size_t replica = 0; replica < shards[shard].size(); ++replica) {
      text += (replica ? ", \"" : "\"") + shards[shard][replica] + "\"";
    }
    text += "]";
  }
  ClusterConfig config;
  REQUIRE(ParseClusterConfig(text + "]}", dir.path(), &config).ok());
  return config;
}

}  // namespace

TEST_CASE("a shard is read from a replica that answers, and a shard with none up is named missing") {
  if (!HaveXapianToolsOrSkip()) return;
  TempDir dir;
  {
    Xapian::WritableDatabase metadata((dir / "metadata").string(), Xapian::DB_CREATE);
    metadata.set_metadata("k", "from the copy");
    metadata.commit();
  }
  XapianTcpServer shard0(WriteShard(dir, "shard-0", 3), dir / "tcpsrv.log");
  XapianTcpServer shard1(WriteShard(dir, "shard-1", 4), dir / "tcpsrv.log");
  XapianTcpServer shard1_replica(dir / "shard-1", dir / "tcpsrv.log");
  const std::string nobody = "127.0.0.1:" + std::to_string(FreeLoopbackPort());
  RemoteShards remote(ConfigOf(dir, {{nobody, shard0.endpoint()}, {shard1.endpoint(), shard1_replica.endpoint()}}));

  for (int request = 0; request < 4; ++request) {  // from every starting replica
    ClusterHandle handle = remote.Open();
    CHECK(handle.missing_shards.empty());
    CHECK(handle.all.get_doccount() == 7);
    CHECK(handle.all.get_metadata("k") == "from the copy");
  }

  shard1.Kill();
  CHECK(remote.Open().all.get_doccount() == 7);
  shard1_replica.Kill();
  ClusterHandle partial = remote.Open();
  CHECK(partial.missing_shards == std::vector<int>{1});
  CHECK(partial.all.get_doccount() == 3);

  const std::vector<EndpointHealth> health = remote.Probe();
  REQUIRE(health.size() == 4);
  CHECK_FALSE(health[0].up);
  CHECK(health[1].up);
  CHECK(health[1].articles == 3);
  CHECK(health[1].endpoint == shard0.endpoint());
  CHECK_FALSE(health[2].up);
  CHECK(health[2].shard == 1);
  CHECK_FALSE(health[3].up);
  CHECK_FALSE(health[3].problem.empty());
}

TEST_CASE("an id not found is said to be on a missing shard only when the indexer would have routed it there") {
  const std::string id = "world/aleppo.txt";
  const int shard = ShardOfArticle(id, 3);
  CHECK(MissingShardOf(id, 3, {shard}) == shard);
  CHECK_FALSE(MissingShardOf(id, 3, {}));
  CHECK_FALSE(MissingShardOf(id, 3, {(shard + 1) % 3}));
}
