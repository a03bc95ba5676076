// Turns an Article and its entities into the Xapian document the index
// stores, following schemas/index_layout.h.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "schemas/store/article.h"
#include "schemas/store/article_entities.h"
#include "analysis/term_writer.h"

namespace newsfacet {

class DocumentBuilder {
 public:
  // Not thread-safe: each indexing thread owns one builder.
  Xapian::Document Build(const Article& article, const ArticleEntities& entities, std::string_view run_stamp);

 private:
  TermWriter terms_;
};

// Adds the facet terms and counting slots of `entities` to `doc`, which has
// none yet. (Surname-only mentions are resolved when read, never by
// rewriting documents: see surname_resolver.h.)
void AddEntityTerms(const ArticleEntities& entities, Xapian::Document& doc);

}  // namespace newsfacet
