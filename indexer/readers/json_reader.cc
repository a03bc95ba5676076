#include "indexer/readers/json_reader.h"

#include <initializer_list>

#include <nlohmann/json.hpp>

#include "indexer/readers/date_normalizer.h"

namespace newsfacet {
namespace {

using Json = nlohmann::json;

// Deeper than any article record needs; nesting is what a hostile or broken
// file uses to exhaust the stack of whatever walks the tree recursively
// (nlohmann's dump(), its comparisons, our field lookups).
constexpr int kMaxJsonDepth = 64;

// True when objects and arrays in `text` nest deeper than kMaxJsonDepth.
// Checked before parsing, so a hostile file costs one pass and no tree.
bool NestsTooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

std::string TooDeepMessage() {
  return "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels; skipped";
}

// A string field under the first of `names` that holds a non-empty string
// (or a number, for ids and timestamps). Scrapers leave nulls and empty
// strings in fields they failed to fill, so those fall through to the next name.
// Only one level of nesting is looked into: {"source": {"name": "Reuters"}}.
std::string FirstString(const Json& record, std::initializer_list<const char*> names,
                        bool look_inside_objects = true) {
  for (const char* name : names) {
    auto it = record.find(name);
    if (it == record.end()) continue;
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    if (look_inside_objects && it->is_object()) {
      std::string nested = FirstString(*it, {"name", "title", "id"}, /*look_inside_objects=*/false);
      if (!nested.empty()) return nested;
    }
  }
  return "";
}

std::vector<std::string> Authors(const Json& record) {
  std::vector<std::string> authors;
  for (const char* name : {"authors", "author", "byline"}) {
    auto it = record.find(name);
    if (it == record.end()) continue;
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) {
      authors.push_back(it->get<std::string>());
    } else if (it->is_array()) {
      for (const Json& author : *it) {
        std::string one = author.is_object() ? FirstString(author, {"name"}, false)
                          : author.is_string() ? author.get<std::string>()
                                               : "";
        if (!one.empty()) authors.push_back(std::move(one));
      }
    }
    if (!authors.empty()) break;
  }
  return authors;
}

// nlohmann's messages start with "[json.exception.parse_error.101] ": keep
// only the part a person can act on ("parse error at line 1, column 12: ...").
std::string ParseErrorMessage(std::string_view text, bool single_line) {
  try {
    [[maybe_unused]] const Json parsed = Json::parse(text);  // parsed again only for its error
  } catch (const Json::parse_error& e) {
    std::string message = e.what();
    size_t bracket = message.find("] ");
    if (bracket != std::string::npos) message = message.substr(bracket + 2);
    // A JSON-lines record is one line: its problem already names the line.
    if (single_line && message.rfind("parse error at line 1, ", 0) == 0) {
      message = "parse error at " + message.substr(23);
    }
    return "invalid JSON: " + message;
  }
  return "invalid JSON";
}

std::string Trimmed(std::string text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

RecordResult ArticleFromJsonRecord(const Json& record, const std::string& relative_path, int line,
                                   const std::string& fallback_id) {
  RecordResult result;
  if (!record.is_object()) {
    result.problem = "expected a JSON object for an article, found " + std::string(record.type_name());
    return result;
  }
  Article& article = result.article;
  article.title = Trimmed(FirstString(record, {"title", "headline", "name"}));
  article.body = Trimmed(FirstString(record, {"maintext", "text", "body", "content", "article",
                                              "description", "summary"}));
  if (article.title.empty() && article.body.empty()) {
    result.problem = "article has neither a title nor text";
    return result;
  }
  article.id = FirstString(record, {"id", "_id", "guid"});
  if (article.id.empty()) article.id = fallback_id;
  std::string raw_date = FirstString(record, {"date_publish", "date", "published", "published_at",
                                              "pubDate", "datePublished", "publish_date",
                                              "publishedAt", "date_published"});
  article.date = NormalizeDate(raw_date);
  article.url = FirstString(record, {"url", "link", "canonical_url"});
  article.source = FirstString(record, {"source_domain", "source", "site", "publisher", "site_name"});
  article.authors = Authors(record);
  article.language = FirstString(record, {"language", "lang"});
  article.path = relative_path;
  article.line = line;
  result.ok = true;
  return result;
}

ReadResult ReadJsonArticles(std::string_view utf8, const std::string& relative_path) {
  ReadResult result;
  if (NestsTooDeep(utf8)) {
    result.problems.push_back({relative_path, 0, TooDeepMessage()});
    return result;
  }
  Json parsed = Json::parse(utf8, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    result.problems.push_back({relative_path, 0, ParseErrorMessage(utf8, false)});
    return result;
  }
  auto add = [&](const Json& record, const std::string& fallback_id) {
    RecordResult one = ArticleFromJsonRecord(record, relative_path, 0, fallback_id);
    if (one.ok) {
      result.articles.push_back(std::move(one.article));
    } else {
      result.problems.push_back({relative_path, 0, one.problem + " (" + fallback_id + ")"});
    }
  };
  if (parsed.is_array()) {
    for (size_t i = 0; i < parsed.size(); ++i) {
      add(parsed[i], relative_path + "#" + std::to_string(i + 1));
    }
  } else {
    add(parsed, relative_path);
  }
  return result;
}

ReadResult ReadJsonLine(std::string_view line_text, const std::string& relative_path, int line) {
  ReadResult result;
  if (line_text.find_first_not_of(" \t\r") == std::string_view::npos) return result;
  if (NestsTooDeep(line_text)) {
    result.problems.push_back({relative_path, line, TooDeepMessage()});
    return result;
  }
  Json parsed = Json::parse(line_text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    result.problems.push_back({relative_path, line, ParseErrorMessage(line_text, true)});
    return result;
  }
  RecordResult one = ArticleFromJsonRecord(parsed, relative_path, line,
                                           relative_path + ":" + std::to_string(line));
  if (one.ok) {
    result.articles.push_back(std::move(one.article));
  } else {
    result.problems.push_back({relative_path, line, one.problem});
  }
  return result;
}

}  // namespace newsfacet
