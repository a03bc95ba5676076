#include "index_directory.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "index_layout.h"
#include "temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

TEST_CASE("index directory: an index of an older layout is refused, with a message to index again") {
  TempDir dir;
  IndexManifest manifest;
  REQUIRE(CreateOrOpenIndexDirectory(dir / "index", 2, &manifest).ok());
  CHECK(manifest.layout_version == layout::kLayoutVersion);
  REQUIRE(ReadIndexManifest(dir / "index", &manifest).ok());

  // As the newsfacet before organisations wrote it.
  const nlohmann::json older = {{"layout_version", layout::kLayoutVersion - 1}, {"shards", 2},
                                {"created", "2016-12-19T00:00:00Z"}};
  dir.Write("index/" + std::string(layout::kManifestFile), older.dump());
  for (const Status& status : {ReadIndexManifest(dir / "index", &manifest),
                               CreateOrOpenIndexDirectory(dir / "index", 2, &manifest)}) {
    CHECK_FALSE(status.ok());
    CHECK(status.message().find("built with index layout " + std::to_string(layout::kLayoutVersion - 1)) !=
          std::string::npos);
    CHECK(status.message().find("index the articles again into a new directory") != std::string::npos);
  }
}
