#include "text_reader.h"

namespace newsfacet {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\f\v\r\n") == std::string_view::npos;
}

std::string_view Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\f\v\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\f\v\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace

ReadResult ReadTextArticle(std::string_view text, const std::string& relative_path) {
  ReadResult result;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!IsBlank(line)) {
      Article article;
      article.id = relative_path;
      article.path = relative_path;
      article.title = std::string(Trim(line));
      article.body = std::string(Trim(text.substr(end)));
      result.articles.push_back(std::move(article));
      return result;
    }
    pos = end + 1;
  }
  result.problems.push_back({relative_path, 0, "empty file: no title line"});
  return result;
}

}  // namespace newsfacet
