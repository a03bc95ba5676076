// What `xapian-check` says of a database: its tables' block sizes and item
// counts ("blocksize=32K items=..."), for tests of how an index is written.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

namespace newsfacet::testing {

inline std::string XapianCheckReport(const std::filesystem::path& database) {
  std::string report;
  FILE* check = ::popen(("xapian-check '" + database.string() + "' 2>&1").c_str(), "r");
  REQUIRE(check != nullptr);
  char buffer[4096];
  for (size_t got; (got = std::fread(buffer, 1, sizeof buffer, check)) > 0;) report.append(buffer, got);
  REQUIRE(::pclose(check) == 0);
  return report;
}

}  // namespace newsfacet::testing
