// Reads a plain-text article (.txt): the first non-empty line is the title,
// the rest is the body.
#pragma once

#include <string>
#include <string_view>

#include "indexer/readers/read_result.h"

namespace newsfacet {

// `text` is already decoded to UTF-8 with "\n" line ends. A file with no
// non-blank line is a problem, not an article. The article id is the path.
ReadResult ReadTextArticle(std::string_view text, const std::string& relative_path);

}  // namespace newsfacet
