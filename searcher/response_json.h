// The engine's answers as JSON, one function per response. The shapes are
// the contract in schemas/api/*.schema.json; tests validate real responses
// against those schemas.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "searcher/api_error.h"
#include "searcher/remote_shards.h"
#include "searcher/search_response.h"

namespace newsfacet {

nlohmann::json SearchResponseJson(const SearchResponse& response);    // search.schema.json
nlohmann::json ArticleResponseJson(const ArticleResponse& response);  // article.schema.json
nlohmann::json FacetValuesJson(const FacetValuesResponse& response);  // facets.schema.json, entities.schema.json
nlohmann::json StatsJson(const IndexStats& stats);                    // stats.schema.json
nlohmann::json HealthJson(Xapian::doccount articles, int64_t unreadable_articles);  // health.schema.json
// A cluster's replicas for /api/health: "endpoints", and "missing_shards"
// (those none of whose replicas is up).
void AddEndpointsJson(const std::vector<EndpointHealth>& endpoints, nlohmann::json* health);
nlohmann::json ErrorJson(const ApiError& error);                       // error.schema.json

// Compact JSON text; bytes that are not UTF-8 (from a damaged index)
// become U+FFFD rather than an exception.
std::string DumpJson(const nlohmann::json& json, int indent = -1);

}  // namespace newsfacet
