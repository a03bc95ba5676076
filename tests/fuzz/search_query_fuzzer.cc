// libFuzzer target: the query parser and the whole search behind it (query
// building, facets, snippets), on the small facet test index. The input's
// first line is the query; later lines are name=value request parameters.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "tests/facet_test_index.h"
#include "searcher/search_engine.h"
#include "searcher/search_request.h"

namespace {

std::unique_ptr<newsfacet::SearchEngine> engine;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string dir = (std::filesystem::temp_directory_path() / "newsfacet-fuzz-XXXXXX").string();
  if (::mkdtemp(dir.data()) == nullptr) std::abort();
  newsfacet::testing::BuildFacetTestIndex(std::filesystem::path(dir) / "index");
  newsfacet::EngineOptions options;
  options.index_dir = std::filesystem::path(dir) / "index";
  if (!newsfacet::SearchEngine::Open(options, &engine).ok()) std::abort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t end = text.find('\n');
  newsfacet::RequestParams params = {{"q", std::string(text.substr(0, end))}};
  while (end != std::string_view::npos) {
    text.remove_prefix(end + 1);
    end = text.find('\n');
    std::string_view line = text.substr(0, end);
    size_t equals = line.find('=');
    if (equals != std::string_view::npos) {
      params.emplace_back(std::string(line.substr(0, equals)), std::string(line.substr(equals + 1)));
    }
  }
  newsfacet::SearchRequest request;
  newsfacet::SearchResponse response;
  if (!newsfacet::ParseSearchRequest(params, &request)) engine->Search(request, &response);
  return 0;
}
