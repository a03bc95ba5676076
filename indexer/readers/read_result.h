// What reading one file yields: the articles it holds, and the problems met
// on the way. A file can yield both (a JSON-lines file with one broken line).
#pragma once

#include <string>
#include <vector>

#include "schemas/store/article.h"

namespace newsfacet {

struct ReadProblem {
  std::string path;  // relative to the indexed directory
  int line = 0;      // 1-based; 0 when the problem is the whole file
  std::string message;
};

struct ReadResult {
  std::vector<Article> articles;
  std::vector<ReadProblem> problems;
};

}  // namespace newsfacet
