#include "searcher/cluster_config.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace newsfacet {
namespace {

using Json = nlohmann::json;

Status ParseShards(const Json& shards, ClusterConfig* config) {
  if (!shards.is_array() || shards.empty()) {
    return Status::Error("\"shards\" must be a non-empty array of shards, each an array of \"host:port\"");
  }
  for (size_t shard = 0; shard < shards.size(); ++shard) {
    const Json& replicas = shards[shard];
    const std::string where = "shard " + std::to_string(shard);
    if (!replicas.is_array() || replicas.empty()) return Status::Error(where + ": expected an array of \"host:port\"");
    std::vector<Endpoint> endpoints;
    for (const Json& replica : replicas) {
      if (!replica.is_string()) return Status::Error(where + ": expected \"host:port\", not " + replica.dump());
      Endpoint endpoint;
      Status status = ParseEndpoint(replica.get<std::string>(), &endpoint);
      if (!status.ok()) return Status::Error(where + ": " + status.message());
      endpoints.push_back(std::move(endpoint));
    }
    config->shards.push_back(std::move(endpoints));
  }
  return Status::Ok();
}

Status ParseMilliseconds(const Json& json, const char* key, unsigned* milliseconds) {
  if (!json.contains(key)) return Status::Ok();
  const Json& value = json[key];
  if (!value.is_number_unsigned() || value.get<uint64_t>() == 0 || value.get<uint64_t>() > 600000) {
    return Status::Error(std::string("\"") + key + "\" must be a number of milliseconds from 1 to 600000");
  }
  *milliseconds = value.get<unsigned>();
  return Status::Ok();
}

}  // namespace

Status ParseEndpoint(std::string_view text, Endpoint* endpoint) {
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return Status::Error("'" + std::string(text) + "' is not host:port");
  }
  std::string_view host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string_view port = text.substr(colon + 1);
  unsigned number = 0;
  auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
  if (error != std::errc() || end != port.data() + port.size() || number == 0 || number > 65535) {
    return Status::Error("'" + std::string(text) + "': the port must be a number from 1 to 65535");
  }
  endpoint->host = std::string(host);
  endpoint->port = number;
  return Status::Ok();
}

Status ParseClusterConfig(std::string_view json_text, const std::filesystem::path& base_dir, ClusterConfig* config) {
  *config = ClusterConfig();
  const Json json = Json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return Status::Error("not a JSON object");
  if (!json.contains("shards")) return Status::Error("no \"shards\"");
  Status status = ParseShards(json["shards"], config);
  if (!status.ok()) return status;
  if (!json.contains("metadata") || !json["metadata"].is_string() || json["metadata"].get<std::string>().empty()) {
    return Status::Error("\"metadata\" must name the cluster's metadata copy (written by newsfacet cluster-metadata)");
  }
  const std::filesystem::path metadata = json["metadata"].get<std::string>();
  config->metadata = metadata.is_absolute() ? metadata : base_dir / metadata;
  status = ParseMilliseconds(json, "connect_timeout_ms", &config->connect_timeout_ms);
  if (status.ok()) status = ParseMilliseconds(json, "timeout_ms", &config->timeout_ms);
  return status;
}

Status ReadClusterConfig(const std::filesystem::path& file, ClusterConfig* config) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::Error("cannot read the cluster file " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  Status status = ParseClusterConfig(text.str(), file.parent_path(), config);
  if (!status.ok()) return Status::Error("cluster file " + file.string() + ": " + status.message());
  return Status::Ok();
}

}  // namespace newsfacet
