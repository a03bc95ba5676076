// Where newsfacet finds its data files (schemas/: events.json, data/*.json):
// $NEWSFACET_DATA_DIR when set, else the source tree's schemas/ directory
// compiled in at build time.
#pragma once

#include <filesystem>

namespace newsfacet {

std::filesystem::path DataDirectory();

}  // namespace newsfacet
