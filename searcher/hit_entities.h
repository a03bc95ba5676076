// The entities shown with an article: one list per facet, in the order the
// index lists the article's facet values, each with its label, its mentions
// in the article and, for a person, the title the article gives them.
#pragma once

#include <xapian.h>

#include "schemas/store/article_entities.h"
#include "searcher/facet.h"
#include "searcher/facet_labels.h"
#include "searcher/search_response.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

// Ids come from `doc`'s facet values, names and mention counts from
// `stored`, its stored copy. A lone surname is shown as the person
// `surnames` resolves it to, its mentions added to theirs, or not at all;
// a person id the index holds as an organisation is left out.
PerFacet<std::vector<EntityRef>> EntitiesOfArticle(const FacetLabels& labels, const Xapian::Database& db,
                                                   const Xapian::Document& doc, const ArticleEntities& stored,
                                                   const SurnameLookup& surnames);

}  // namespace newsfacet
