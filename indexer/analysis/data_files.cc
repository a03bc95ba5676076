#include "data_files.h"

#include <cstdlib>

namespace newsfacet {

std::filesystem::path DataDirectory() {
  if (const char* from_environment = std::getenv("NEWSFACET_DATA_DIR"); from_environment && *from_environment) {
    return from_environment;
  }
  return NEWSFACET_DEFAULT_DATA_DIR;
}

}  // namespace newsfacet
