// A cluster file: where the shards of an index spread over several hosts
// are served (`newsfacet serve --cluster FILE`), each by one or more stock
// `xapian-tcpsrv` replicas, and where the searcher's copy of the index-wide
// metadata is:
//
//   {"shards": [["host-a:7000", "host-b:7000"], ["host-c:7000"]],
//    "metadata": "cluster-metadata",
//    "connect_timeout_ms": 500, "timeout_ms": 10000}
//
// A shard's number is its place in "shards": the K of `newsfacet index
// --shard K/N`, N being how many shards the file lists. "metadata" is a
// Xapian database with no documents holding the surname map and display
// names of the whole cluster (written by `newsfacet cluster-metadata`);
// relative to the file's directory.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace newsfacet {

struct Endpoint {
  std::string host;
  unsigned port = 0;
  std::string Name() const { return host + ":" + std::to_string(port); }
};

struct ClusterConfig {
  // Shard k's replicas: any of them may answer for it.
  std::vector<std::vector<Endpoint>> shards;
  std::filesystem::path metadata;
  // A replica that does not accept a connection within this time is taken
  // for down and the next one tried: short, as a request waits for it.
  unsigned connect_timeout_ms = 1000;
  // An operation on a connected replica that takes longer fails the request.
  unsigned timeout_ms = 10000;
};

// "host:port" (an IPv6 address in brackets: "[::1]:7000").
Status ParseEndpoint(std::string_view text, Endpoint* endpoint);

// The cluster file's text; `base_dir` resolves a relative "metadata".
Status ParseClusterConfig(std::string_view json_text, const std::filesystem::path& base_dir, ClusterConfig* config);
Status ReadClusterConfig(const std::filesystem::path& file, ClusterConfig* config);

}  // namespace newsfacet
