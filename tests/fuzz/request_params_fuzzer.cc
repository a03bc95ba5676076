// libFuzzer target: request parameters as the HTTP server hands them over.
// The input is "name=value" pairs separated by '&' (not URL-decoded: the
// server decodes before this), tried on each kind of request.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "searcher/facet.h"
#include "searcher/search_request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  newsfacet::RequestParams params;
  std::string id;
  while (!text.empty()) {
    size_t end = text.find('&');
    std::string_view pair = text.substr(0, end);
    size_t equals = pair.find('=');
    std::string name(pair.substr(0, equals));
    std::string value(equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1));
    if (id.empty()) id = value;
    params.emplace_back(std::move(name), std::move(value));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  newsfacet::SearchRequest search;
  newsfacet::ParseSearchRequest(params, &search);
  newsfacet::ArticleRequest article;
  newsfacet::ParseArticleRequest(id, params, &article);
  for (const char* name : {"people", "countries", "events"}) {
    if (auto facet = newsfacet::ParseFacet(name)) {
      newsfacet::FacetValuesRequest values;
      newsfacet::ParseFacetValuesRequest(*facet, params, &values);
    }
  }
  return 0;
}
