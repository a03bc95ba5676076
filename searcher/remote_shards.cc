#include "searcher/remote_shards.h"

#include <algorithm>
#include <chrono>

#include "schemas/store/shard_routing.h"

namespace newsfacet {

Xapian::Database RemoteShards::Connect(const Endpoint& endpoint) const {
  return Xapian::Remote::open(endpoint.host, endpoint.port, config_.timeout_ms, config_.connect_timeout_ms);
}

std::optional<Xapian::Database> RemoteShards::OpenShard(size_t shard) {
  const std::vector<Endpoint>& replicas = config_.shards[shard];
  const size_t start = next_replica_.fetch_add(1, std::memory_order_relaxed) % replicas.size();
  for (size_t tried = 0; tried < replicas.size(); ++tried) {
    try {
      return Connect(replicas[(start + tried) % replicas.size()]);
    } catch (const Xapian::NetworkError&) {
      // Down, or not a database server: the next replica may answer.
    } catch (const Xapian::DatabaseError&) {
      // The server is up but cannot open its database.
    }
  }
  return std::nullopt;
}

void RemoteShards::AddShards(ClusterHandle* handle) {
  for (size_t shard = 0; shard < config_.shards.size(); ++shard) {
    if (std::optional<Xapian::Database> opened = OpenShard(shard)) {
      handle->all.add_database(*opened);
    } else {
      handle->missing_shards.push_back(static_cast<int>(shard));
    }
  }
}

ClusterHandle RemoteShards::Open() {
  ClusterHandle handle;
  handle.all = Xapian::Database(config_.metadata.string());
  AddShards(&handle);
  return handle;
}

ClusterHandle RemoteShards::OpenShards() {
  ClusterHandle handle;
  AddShards(&handle);
  return handle;
}

std::vector<EndpointHealth> RemoteShards::Probe() const {
  std::vector<EndpointHealth> endpoints;
  for (size_t shard = 0; shard < config_.shards.size(); ++shard) {
    for (const Endpoint& replica : config_.shards[shard]) {
      EndpointHealth health;
      health.shard = static_cast<int>(shard);
      health.endpoint = replica.Name();
      try {
        health.articles = Connect(replica).get_doccount();
        health.up = true;
      } catch (const Xapian::Error& error) {
        health.problem = error.get_description();
      }
      endpoints.push_back(std::move(health));
    }
  }
  return endpoints;
}

DatabasePool ClusterPool(RemoteShards* remote) {
  return DatabasePool(
      [remote] {
        ClusterHandle cluster = remote->Open();
        auto handles = std::make_unique<IndexHandles>();
        handles->all = std::move(cluster.all);
        handles->missing_shards = std::move(cluster.missing_shards);
        return handles;
      },
      std::chrono::seconds(2));
}

std::optional<int> MissingShardOf(const std::string& article_id, int shards, const std::vector<int>& missing) {
  const int shard = ShardOfArticle(article_id, shards);
  if (std::find(missing.begin(), missing.end(), shard) == missing.end()) return std::nullopt;
  return shard;
}

}  // namespace newsfacet
