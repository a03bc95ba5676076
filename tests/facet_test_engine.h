// A SearchEngine over the facet test index (facet_test_index.h), built in a
// temporary directory that lives as long as the engine: the searcher's unit
// tests share it.
#pragma once

#include <memory>

#include <doctest/doctest.h>

#include "tests/facet_test_index.h"
#include "searcher/search_engine.h"
#include "tests/temp_dir.h"

namespace newsfacet::testing {

struct FacetTestEngine {
  FacetTestEngine() {
    BuildFacetTestIndex(dir / "index");
    Status status = SearchEngine::Open(EngineOptions{dir / "index", {}}, &engine);
    REQUIRE_MESSAGE(status.ok(), status.message());
  }
  TempDir dir;
  std::unique_ptr<SearchEngine> engine;
};

}  // namespace newsfacet::testing
