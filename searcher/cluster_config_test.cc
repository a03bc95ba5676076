#include "searcher/cluster_config.h"

#include <doctest/doctest.h>

using namespace newsfacet;

TEST_CASE("a cluster file lists each shard's replicas in order and resolves its metadata copy beside it") {
  ClusterConfig config;
  Status status = ParseClusterConfig(
      R"({"shards": [["a.example:7000", "[::1]:7001"], ["10.0.0.3:7000"]], "metadata": "meta",
          "connect_timeout_ms": 250})",
      "/etc/newsfacet", &config);
  REQUIRE(status.ok());
  REQUIRE(config.shards.size() == 2);
  REQUIRE(config.shards[0].size() == 2);
  CHECK(config.shards[0][0].Name() == "a.example:7000");
  CHECK(config.shards[0][1].host == "::1");
  CHECK(config.shards[0][1].port == 7001);
  CHECK(config.shards[1][0].Name() == "10.0.0.3:7000");
  CHECK(config.metadata == std::filesystem::path("/etc/newsfacet/meta"));
  CHECK(config.connect_timeout_ms == 250);
  CHECK(config.timeout_ms == 10000);
}

TEST_CASE("a cluster file with a shard without replicas, a bad port or no metadata copy is refused with the reason") {
  ClusterConfig config;
  CHECK(ParseClusterConfig(R"({"shards": [["a:1"], []], "metadata": "m"})", "/", &config).message() ==
        "shard 1: expected an array of \"host:port\"");
  CHECK(ParseClusterConfig(R"({"shards": [["a:70000"]], "metadata": "m"})", "/", &config).message() ==
        "shard 0: 'a:70000': the port must be a number from 1 to 65535");
  CHECK(ParseClusterConfig(R"({"shards": [["a"]], "metadata": "m"})", "/", &config).message() ==
        "shard 0: 'a' is not host:port");
  CHECK(ParseClusterConfig(R"({"shards": [["a:1"]]})", "/", &config).message().find("\"metadata\"") == 0);
  CHECK_FALSE(ParseClusterConfig(R"({"shards": []})", "/", &config).ok());
  CHECK_FALSE(ParseClusterConfig("not json", "/", &config).ok());
  CHECK_FALSE(ParseClusterConfig(R"({"shards": [["a:1"]], "metadata": "m", "timeout_ms": -5})", "/", &config).ok());
}
