// Reads articles saved as JSON: one object per .json file (or an array of
// them), or one object per line in .jsonl / .ndjson files.
//
// Field names are those news scrapers write (news-please: title, maintext,
// description, date_publish, url, authors, source_domain, language) and
// their common aliases (headline; text/body/content; date/published/
// published_at/pubDate/datePublished; link; author; source).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "indexer/readers/read_result.h"

namespace newsfacet {

// Maps one JSON record to an article. `fallback_id` is used when the record
// has no "id". A record that is not an object, or has neither title nor
// text, gives a problem message instead.
struct RecordResult {
  bool ok = false;
  Article article;
  std::string problem;
};
RecordResult ArticleFromJsonRecord(const nlohmann::json& record, const std::string& relative_path,
                                   int line, const std::string& fallback_id);

// A whole .json file: an object, or an array of objects (ids fall back to
// "path#index" for array elements, to the path for a single object).
ReadResult ReadJsonArticles(std::string_view utf8, const std::string& relative_path);

// One line of a .jsonl file (1-based `line`); id falls back to "path:line".
// Blank lines yield nothing. A broken line yields a problem naming the line.
ReadResult ReadJsonLine(std::string_view line_text, const std::string& relative_path, int line);

}  // namespace newsfacet
