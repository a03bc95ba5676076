// Writes the searcher tests' facet index (facet_test_index.h) into a
// directory: articles with hand-made entities, organisations under several
// spellings among them, for the browser tests of the organisations panel
// (tests/web/organisations.test.mjs).
#include <cstdio>
#include <exception>

#include "tests/facet_test_index.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_facet_test_index INDEX_DIR\n");
    return 2;
  }
  try {
    newsfacet::testing::BuildFacetTestIndex(argv[1]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "write_facet_test_index: %s\n", e.what());
    return 1;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "write_facet_test_index: %s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
