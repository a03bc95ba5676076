// A cluster's shards opened through Xapian's remote backend: one handle on
// every shard, each read from the first of its replicas that answers, so
// that Xapian ranks with the statistics of the whole cluster.
//
// The handle's first database is the local metadata copy (cluster_config.h):
// it has no documents, so it changes no result, and Xapian reads metadata
// from a combined database's first member, so labels and the surname map
// come from it whichever shards answer.
//
// Replicas are tried from a rotating start, so they share the requests;
// one that refuses or does not accept within the connect timeout is
// skipped. A shard none of whose replicas answers is left out and named,
// so that an answer can say it is partial. Thread-safe.
#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "searcher/cluster_config.h"
#include "searcher/database_pool.h"

namespace newsfacet {

struct ClusterHandle {
  Xapian::Database all;             // the metadata copy, then every shard that answered
  std::vector<int> missing_shards;  // in shard order
};

struct EndpointHealth {
  int shard = 0;
  std::string endpoint;  // "host:port"
  bool up = false;
  Xapian::doccount articles = 0;  // when up
  std::string problem;            // when down: what Xapian said
};

class RemoteShards {
 public:
  explicit RemoteShards(ClusterConfig config) : config_(std::move(config)) {}
  RemoteShards(const RemoteShards&) = delete;
  RemoteShards& operator=(const RemoteShards&) = delete;

  // The metadata copy and one replica of each shard. Throws Xapian::Error
  // when the metadata copy cannot be opened.
  ClusterHandle Open();
  // The shards alone (to compute the metadata copy from them).
  ClusterHandle OpenShards();
  // Every replica of every shard, tried now, in the file's order.
  std::vector<EndpointHealth> Probe() const;

  const ClusterConfig& config() const { return config_; }
  int shard_count() const { return static_cast<int>(config_.shards.size()); }

 private:
  Xapian::Database Connect(const Endpoint& endpoint) const;
  // The first replica of `shard` to answer; nullopt when none does.
  std::optional<Xapian::Database> OpenShard(size_t shard);
  void AddShards(ClusterHandle* handle);

  const ClusterConfig config_;
  std::atomic<unsigned> next_replica_{0};
};

// A pool of handles from `remote` (which must outlive it). A handle that
// lacks shards is opened again at the first lease two seconds later, so
// a shard that comes back is searched again.
DatabasePool ClusterPool(RemoteShards* remote);

// The shard an article would be on (schemas/store/shard_routing.h), when
// it is among `missing`: an id not found may then exist after all.
std::optional<int> MissingShardOf(const std::string& article_id, int shards, const std::vector<int>& missing);

}  // namespace newsfacet
