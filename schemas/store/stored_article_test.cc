#include "schemas/store/stored_article.h"

#include <doctest/doctest.h>

#include "schemas/index_layout.h"

using namespace newsfacet;

TEST_CASE("stored article: JSON goes in compressed and comes back unchanged") {
  Article article;
  article.id = "a";
  article.body = std::string(5000, 'x') + " Altıntaş";
  const std::string json = ArticleJson(article, {});
  Xapian::Document doc;
  StoreArticleJson(json, doc);
  CHECK(doc.get_value(layout::kArticleSlot).size() < json.size() / 10);
  CHECK(doc.get_data().empty());
  CHECK(LoadArticleJson(doc) == json);
  CHECK(LoadStoredArticle(doc).article.body == article.body);
}

TEST_CASE("stored article: plain, damaged and missing values") {
  Xapian::Document plain;
  plain.add_value(layout::kArticleSlot, R"({"id":"p","title":"T"})");
  CHECK(LoadStoredArticle(plain).article.title == "T");

  Article article;
  article.id = "d";
  article.body = std::string(3000, 'y');
  Xapian::Document doc;
  StoreArticleJson(ArticleJson(article, {}), doc);
  std::string damaged = doc.get_value(layout::kArticleSlot);
  damaged.resize(damaged.size() / 2);
  doc.add_value(layout::kArticleSlot, damaged);
  CHECK(LoadArticleJson(doc).empty());
  CHECK(LoadStoredArticle(doc).article.id.empty());

  // Cut inside zstd's frame header: not mistaken for plain JSON.
  doc.add_value(layout::kArticleSlot, damaged.substr(0, 5));
  CHECK(LoadArticleJson(doc).empty());
  // One flipped byte in the compressed text: the checksum refuses it.
  for (int i = 0; i < 500; ++i) article.body.append(" ").append(std::to_string(i * 7919 % 1000));
  StoreArticleJson(ArticleJson(article, {}), doc);
  std::string flipped = doc.get_value(layout::kArticleSlot);
  flipped[flipped.size() / 2] ^= 0x20;
  doc.add_value(layout::kArticleSlot, flipped);
  CHECK(LoadArticleJson(doc).empty());

  CHECK(LoadArticleJson(Xapian::Document()).empty());
  CHECK(ParseArticleJson("not json").article.id.empty());
}
