#include "searcher/response_json.h"

#include <cmath>
#include <map>

namespace newsfacet {
namespace {

using Json = nlohmann::json;

Json EntitiesJson(const std::vector<EntityRef>& entities) {
  Json list = Json::array();
  for (const EntityRef& entity : entities) {
    Json item = {{"id", entity.id}, {"label", entity.label}, {"mentions", entity.mentions}};
    if (!entity.role.empty()) item["role"] = entity.role;
    list.push_back(std::move(item));
  }
  return list;
}

void AddEntities(const PerFacet<std::vector<EntityRef>>& entities, Json* object) {
  for (Facet facet : kAllFacets) (*object)[std::string(FacetName(facet))] = EntitiesJson(At(entities, facet));
}

Json FacetResultJson(const FacetResult& result) {
  Json values = Json::array();
  for (const FacetValue& value : result.values) {
    values.push_back({{"id", value.id}, {"label", value.label}, {"count", value.count}, {"selected", value.selected}});
  }
  return {{"exact", result.exact}, {"values", values}};
}

// Milliseconds to a tenth: more digits would be noise.
double Rounded(double milliseconds) { return std::round(milliseconds * 10) / 10; }

Json NullIfEmpty(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json HistogramJson(const DateHistogram& histogram) {
  Json buckets = Json::array();
  for (const HistogramBucket& bucket : histogram.buckets) {
    buckets.push_back({{"from", bucket.from}, {"to", bucket.to}, {"count", bucket.count}});
  }
  return {{"interval", histogram.interval}, {"exact", histogram.exact}, {"buckets", buckets}};
}

}  // namespace

Json SearchResponseJson(const SearchResponse& response) {
  Json hits = Json::array();
  for (const Hit& hit : response.hits) {
    Json json = {{"id", hit.id},       {"title", hit.title}, {"title_html", hit.title_html},
                 {"date", hit.date},   {"source", hit.source}, {"url", hit.url},
                 {"score", hit.score}, {"snippet", hit.snippet}};
    AddEntities(hit.entities, &json);
    json["near_duplicates"] = hit.near_duplicates;
    json["near_duplicate_key"] = NullIfEmpty(hit.near_duplicate_key);
    hits.push_back(std::move(json));
  }
  Json query_entities = Json::array();
  for (const QueryEntity& entity : response.query_entities) {
    query_entities.push_back({{"facet", std::string(FacetName(entity.facet))},
                              {"filter", std::string(FacetFilterParameter(entity.facet))},
                              {"id", entity.id},
                              {"label", entity.label},
                              {"articles", entity.articles}});
  }
  Json facets = Json::object();
  for (Facet facet : kAllFacets) {
    if (At(response.has_facet, facet)) facets[std::string(FacetName(facet))] = FacetResultJson(At(response.facets, facet));
  }
  const MatchTotal& total = response.total;
  Json json = {{"query", response.query},
          {"sort", response.sort},
          {"offset", response.offset},
          {"limit", response.limit},
          {"total", {{"value", total.value}, {"exact", total.exact}, {"lower", total.lower}, {"upper", total.upper}}},
          {"hits", hits},
          {"facets", facets},
          {"notes", response.notes},
          {"suggestion", NullIfEmpty(response.suggestion)},
          {"query_entities", query_entities},
          {"took_ms", Rounded(response.took_ms)}};
  if (response.has_histogram) json["histogram"] = HistogramJson(response.histogram);
  if (!response.missing_shards.empty()) {
    json["partial"] = true;
    json["missing_shards"] = response.missing_shards;
    json["shards"] = response.shards;
  }
  return json;
}

Json ArticleResponseJson(const ArticleResponse& response) {
  const Article& article = response.article;
  Json json = {{"id", article.id},
               {"title", article.title},
               {"title_html", response.title_html},
               {"date", article.date},
               {"source", article.source},
               {"url", article.url},
               {"authors", article.authors},
               {"language", article.language},
               {"path", article.path},
               {"line", article.line},
               {"body", article.body},
               {"body_html", response.body_html},
               {"notes", response.notes},
               {"took_ms", Rounded(response.took_ms)}};
  AddEntities(response.entities, &json);
  return json;
}

Json FacetValuesJson(const FacetValuesResponse& response) {
  Json json = FacetResultJson(response.result);
  json["facet"] = std::string(FacetName(response.facet));
  json["prefix"] = response.prefix;
  json["took_ms"] = Rounded(response.took_ms);
  return json;
}

Json StatsJson(const IndexStats& stats) {
  return {{"articles", stats.articles},
          {"date_range", {{"first", NullIfEmpty(stats.first_date)}, {"last", NullIfEmpty(stats.last_date)}}},
          {"index_bytes", stats.index_bytes},
          {"last_update", NullIfEmpty(stats.last_update)},
          {"shards", stats.shards},
          {"layout_version", stats.layout_version},
          {"facet_columns_bytes", stats.facet_columns_bytes}};
}

Json HealthJson(Xapian::doccount articles, int64_t unreadable_articles) {
  return {{"status", "ok"}, {"articles", articles}, {"unreadable_articles", unreadable_articles}};
}

void AddEndpointsJson(const std::vector<EndpointHealth>& endpoints, Json* health) {
  Json listed = Json::array();
  std::map<int, bool> shard_up;
  for (const EndpointHealth& endpoint : endpoints) {
    Json json = {{"shard", endpoint.shard}, {"endpoint", endpoint.endpoint}, {"up", endpoint.up}};
    if (endpoint.up) json["articles"] = endpoint.articles;
    if (!endpoint.up) json["problem"] = endpoint.problem;
    listed.push_back(std::move(json));
    shard_up[endpoint.shard] = shard_up[endpoint.shard] || endpoint.up;
  }
  Json missing = Json::array();
  for (const auto& [shard, up] : shard_up) {
    if (!up) missing.push_back(shard);
  }
  (*health)["endpoints"] = std::move(listed);
  (*health)["missing_shards"] = std::move(missing);
}

Json ErrorJson(const ApiError& error) { return {{"error", {{"code", error.code}, {"message", error.message}}}}; }

std::string DumpJson(const Json& json, int indent) {
  return json.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace newsfacet
