// The people of one article, from the name spans PersonFinder found: the
// spellings and partial names of one person merged, lone surnames resolved
// to the full name the article gives, mentions counted.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "indexer/entities/person_finder.h"

namespace newsfacet {

struct ArticlePeople {
  std::vector<PersonMention> people;
  std::vector<std::pair<std::string, int>> unresolved_surnames;  // PersonKey of lone surnames, mentions
  // For each span: the person id it was resolved to, or "" (same order as spans).
  std::vector<std::string> span_person;
};

// Within one article: merges spellings and partial names, resolves surname
// mentions to the full names the article gives, counts mentions.
ArticlePeople ResolvePeople(const std::vector<PersonSpan>& spans);

}  // namespace newsfacet
