#include "indexer/readers/text_reader.h"

#include <algorithm>

#include "indexer/readers/date_normalizer.h"

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

// Wire copy opens with a dateline: "ISTANBUL, November 17, 2022 – ..." or
// "GDYNIA, Poland, March 6, 2018 — ...". Its date is the article's date
// when the text carries no other. Only a dateline with a full date counts.
std::string DatelineDate(std::string_view body) {
  std::string_view head = body.substr(0, 120);
  size_t dash = std::string_view::npos;
  for (std::string_view separator : {" - ", " \u2013 ", " \u2014 "}) {
    dash = std::min(dash, head.find(separator));
  }
  if (dash == std::string_view::npos) return "";
  std::string_view dateline = head.substr(0, dash);
  // Try each comma-separated tail: "November 17, 2022", "Poland, March 6, 2018"...
  for (size_t comma = dateline.find(','); comma != std::string_view::npos; comma = dateline.find(',', comma + 1)) {
    std::string date = NormalizeDate(dateline.substr(comma + 1));
    if (!date.empty()) return date;
  }
  return "";
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
      article.date = DatelineDate(article.body);
      result.articles.push_back(std::move(article));
      return result;
    }
    pos = end + 1;
  }
  result.problems.push_back({relative_path, 0, "empty file: no title line"});
  return result;
}

}  // namespace newsfacet
