// What to mark in an article's text for a query: the words and phrases the
// query matched on, and the entities its filters named.
//
// Terms are read back from the parsed Xapian::Query rather than from the
// query text, so marking agrees with matching: "altintas" marks what the
// stemmed term Zaltinta matched, a -excluded word marks nothing, and
// title:word marks titles only.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "schemas/store/article_entities.h"
#include "searcher/facet_labels.h"
#include "searcher/query_builder.h"

namespace newsfacet {

struct HighlightTerms {
  struct Phrase {
    std::vector<std::string> words;  // folded, lower case, in order
    bool title_only = false;
  };
  // Folded lower-case words, matched as they are.
  std::set<std::string> exact;
  std::set<std::string> title_exact;
  // Stems (NewsStemmer): a word matches when its stem is one of these.
  std::set<std::string> stems;
  std::set<std::string> title_stems;
  // Wildcard prefixes: a word matches when it starts with one.
  std::set<std::string> prefixes;
  std::set<std::string> title_prefixes;
  std::vector<Phrase> phrases;
  // Person ids (PersonKey): every spelling of the person is marked, and the
  // surname alone.
  std::vector<std::string> person_ids;
  // Names of countries filtered on, as phrases: "United States" marks "United States".
  std::vector<Phrase> country_names;
  // Organisations filtered on (org=, org:). Only the engine, which reads the
  // index, knows their names: it adds them with AddOrganisationName.
  std::vector<std::string> organisation_ids;
  std::vector<Phrase> organisation_names;

  bool empty() const;
};

// The marks for `built`: its query's terms, plus its person and country
// filters (and person:/country: fields) as entity mentions.
HighlightTerms CollectHighlightTerms(const BuiltQuery& built, const FacetLabels& labels);

// Marks `name` ("Merrill Lynch & Co Inc", or an id "merrill-lynch") as an
// organisation's mention, once.
void AddOrganisationName(std::string_view name, HighlightTerms* terms);

// Adds the names that mark the organisations filtered on: the index's
// display name and the id's words ("merrill lynch" also finds the name
// without "& Co Inc"), and, in an article shown whole (`shown`, else
// null), the article's own spelling.
void NameOrganisations(const FacetLabels& labels, const Xapian::Database& db, const ArticleEntities* shown,
                       HighlightTerms* terms);

}  // namespace newsfacet
