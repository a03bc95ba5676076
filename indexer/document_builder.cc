#include "document_builder.h"

#include <nlohmann/json.hpp>

#include "date_normalizer.h"
#include "index_layout.h"
#include "search_folding.h"
#include "stable_hash.h"
#include "text_analysis.h"

namespace newsfacet {
namespace {

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Prefixed(std::string_view prefix, std::string_view value) {
  return layout::KeyOf(prefix, value);
}

void AddDate(Xapian::Document& doc, std::string_view date) {
  std::string day = SortableDay(date);
  if (day.empty()) return;
  doc.add_value(layout::kDateSlot, day);
  doc.add_boolean_term(Prefixed(layout::kYearPrefix, day.substr(0, 4)));
  doc.add_boolean_term(Prefixed(layout::kMonthPrefix, day.substr(0, 6)));
  doc.add_boolean_term(Prefixed(layout::kDayPrefix, day));
}

}  // namespace

DocumentBuilder::DocumentBuilder() { ConfigureTermGenerator(generator_); }

Xapian::Document DocumentBuilder::Build(const Article& article, std::string_view run_stamp) {
  Xapian::Document doc;
  generator_.set_document(doc);

  std::string title = FoldForSearch(article.title);
  generator_.index_text(title, layout::kTitleWeight);
  generator_.index_text(title, 1, std::string(layout::kTitlePrefix));
  generator_.increase_termpos();  // no phrase spans title and body
  generator_.index_text(FoldForSearch(article.body));

  doc.add_boolean_term(Prefixed(layout::kIdPrefix, article.id));
  doc.add_boolean_term(Prefixed(layout::kSourceFilePrefix, article.path));
  if (!article.source.empty()) {
    doc.add_boolean_term(Prefixed(layout::kSourcePrefix, Lowercase(article.source)));
  }
  if (!article.language.empty()) {
    doc.add_boolean_term(Prefixed(layout::kLanguagePrefix, Lowercase(article.language)));
  }
  AddDate(doc, article.date);
  doc.add_value(layout::kSourcePathSlot, article.path);
  doc.add_value(layout::kRunStampSlot, std::string(run_stamp));
  std::string data = SerializeArticle(article);
  doc.add_value(layout::kContentHashSlot, HashHex(StableHash(data)));
  doc.set_data(std::move(data));
  return doc;
}

std::string SerializeArticle(const Article& article) {
  nlohmann::json json = {
      {"id", article.id},         {"title", article.title},   {"body", article.body},
      {"date", article.date},     {"url", article.url},       {"source", article.source},
      {"authors", article.authors}, {"language", article.language}, {"path", article.path},
      {"line", article.line},
  };
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Article DeserializeArticle(std::string_view data) {
  nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  Article article;
  if (!json.is_object()) return article;
  article.id = json.value("id", "");
  article.title = json.value("title", "");
  article.body = json.value("body", "");
  article.date = json.value("date", "");
  article.url = json.value("url", "");
  article.source = json.value("source", "");
  article.authors = json.value("authors", std::vector<std::string>{});
  article.language = json.value("language", "");
  article.path = json.value("path", "");
  article.line = json.value("line", 0);
  return article;
}

}  // namespace newsfacet
