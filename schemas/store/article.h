// Article: one news article as a reader found it, before analysis.
// Every reader produces these; the document builder turns them into
// Xapian documents. Text fields are valid UTF-8 (readers decode first).
#pragma once

#include <string>
#include <vector>

namespace newsfacet {

struct Article {
  std::string id;        // stable: relative path, a JSON record's "id", or "path:line"
  std::string title;
  std::string body;      // paragraphs separated by "\n\n"
  std::string date;      // ISO 8601 ("2016-12-19" or "2016-12-19T17:05:00Z"); empty when unknown
  std::string url;
  std::string source;    // outlet or site, e.g. "reuters.com"
  std::vector<std::string> authors;
  std::string language;  // as the input says ("en"); empty when unknown
  std::string path;      // source file, relative to the indexed directory
  int line = 0;          // 1-based line in a JSON-lines file; 0 otherwise
};

}  // namespace newsfacet
