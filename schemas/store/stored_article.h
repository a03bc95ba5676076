// What the index keeps of each article so the searcher and `export` can show
// it without the original files: the article and its entities, as one JSON
// object, zstd-compressed, in value slot kArticleSlot (schemas/index_layout.h).
//
// Why a value slot and our own compression, not the document data: Xapian
// deflates document data with settings meant for big records, which cost
// about a tenth of all indexing CPU (most of it clearing zlib's tables for
// every article). Values are stored as given; zstd's fast level keeps the
// index the same size for a fraction of that.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "schemas/store/article.h"
#include "schemas/store/article_entities.h"

namespace newsfacet {

struct StoredArticle {
  Article article;
  ArticleEntities entities;
};

// The JSON object (fields in schemas/index_layout.h); invalid UTF-8 in the
// article becomes U+FFFD.
std::string ArticleJson(const Article& article, const ArticleEntities& entities);
// Tolerates damaged JSON: missing fields stay empty.
StoredArticle ParseArticleJson(std::string_view json);

// Puts `json` (from ArticleJson) into `doc`, compressed.
void StoreArticleJson(std::string_view json, Xapian::Document& doc);
// The JSON stored in `doc`; empty when there is none or it is damaged.
std::string LoadArticleJson(const Xapian::Document& doc);
// ParseArticleJson(LoadArticleJson(doc)).
StoredArticle LoadStoredArticle(const Xapian::Document& doc);
// The same, false when what is stored is missing or damaged (not zstd or
// JSON, cut short, no id): such an article must not be shown as a blank one.
bool TryLoadStoredArticle(const Xapian::Document& doc, StoredArticle* stored);

}  // namespace newsfacet
