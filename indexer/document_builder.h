// Turns an Article into the Xapian document the index stores, following
// schemas/index_layout.h. Entity facets (people, countries, events) are
// added by later steps of the same pipeline, through `AddFacetTerms`-style
// extensions of this class, not in the reader or the writer.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "article.h"

namespace newsfacet {

class DocumentBuilder {
 public:
  DocumentBuilder();

  // Not thread-safe: each indexing thread owns one builder.
  Xapian::Document Build(const Article& article, std::string_view run_stamp);

 private:
  Xapian::TermGenerator generator_;
};

// The stored JSON of a document (its `get_data()`), and back.
std::string SerializeArticle(const Article& article);
Article DeserializeArticle(std::string_view data);

}  // namespace newsfacet
