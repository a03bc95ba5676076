#include "indexer/readers/html_reader.h"

#include <utility>

#include "indexer/readers/html_dom.h"
#include "indexer/readers/html_metadata.h"
#include "indexer/readers/main_text_extractor.h"
#include "indexer/readers/text_language.h"

namespace newsfacet {

ReadResult ReadHtmlArticle(std::string_view html, const std::string& relative_path) {
  ReadResult result;
  const html::DocPtr doc = html::ParseHtml(html);
  xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr;
  Article article;
  if (root != nullptr) {
    MainText main_text = ExtractMainText(root);
    HtmlMetadata metadata = ReadHtmlMetadata(root, main_text.container);
    article.title = std::move(metadata.title);
    article.body = std::move(main_text.text);
    article.date = std::move(metadata.date);
    article.url = std::move(metadata.url);
    article.source = std::move(metadata.source);
    article.authors = std::move(metadata.authors);
    article.language = std::move(metadata.language);
    if (article.language.empty()) article.language = GuessLanguage(article.title + "\n" + article.body);
  }
  if (article.title.empty() && article.body.empty()) {
    result.problems.push_back({relative_path, 0, "no article text found in HTML page"});
    return result;
  }
  article.id = article.path = relative_path;
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsfacet
