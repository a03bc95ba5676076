#include "searcher/query_entities.h"

#include "schemas/index_layout.h"
#include "analysis/organisation_key.h"
#include "analysis/person_key.h"

namespace newsfacet {
namespace {

std::string Joined(const std::vector<std::string>& words, size_t first, size_t count) {
  std::string text;
  for (size_t i = first; i < first + count; ++i) text += (text.empty() ? "" : " ") + words[i];
  return text;
}

// A lone word stands for an entity only when the entity is what most of
// the word's uses are about, not a namesake mentioned in passing.
bool WordMostlyMeans(Facet facet, const std::string& id, const std::string& word, const Xapian::Database& db,
                     const SurnameLookup& surnames) {
  const Xapian::doccount entity = EntityArticleCount(facet, id, db, surnames);
  return entity > 0 && uint64_t{entity} * 4 >= db.get_termfreq(word);
}

std::optional<EntityWords> EntityNamedBy(const std::vector<std::string>& words, size_t first, size_t count,
                                         const FacetLabels& labels, const Xapian::Database& db,
                                         const SurnameLookup& surnames) {
  const std::string text = Joined(words, first, count);
  if (std::optional<std::string> code = labels.CountryNamedBy(text)) {
    return EntityWords{first, count, Facet::kCountries, *code};
  }
  const std::string person = PersonKeyUncached(text);
  if (count > 1 && !person.empty() && db.term_exists(layout::KeyOf(layout::kPersonPrefix, person)) &&
      !surnames.NamesOrganisation(person)) {
    return EntityWords{first, count, Facet::kPeople, person};
  }
  if (count == 1 && !person.empty()) {
    const std::string& resolved = surnames.PersonOf(person);
    if (!resolved.empty() && WordMostlyMeans(Facet::kPeople, resolved, text, db, surnames)) {
      return EntityWords{first, count, Facet::kPeople, resolved};
    }
  }
  const std::string organisation = OrganisationKey(text);
  if (!organisation.empty() && db.term_exists(layout::KeyOf(layout::kOrganisationPrefix, organisation)) &&
      (count > 1 || WordMostlyMeans(Facet::kOrganisations, organisation, text, db, surnames))) {
    return EntityWords{first, count, Facet::kOrganisations, organisation};
  }
  return std::nullopt;
}

}  // namespace

std::vector<EntityWords> FindEntityWords(const std::vector<std::string>& words, size_t usable,
                                         const FacetLabels& labels, const Xapian::Database& db,
                                         const SurnameLookup& surnames) {
  std::vector<EntityWords> found;
  usable = std::min(usable, words.size());
  for (size_t first = 0; first < usable;) {
    std::optional<EntityWords> entity;
    for (size_t count = std::min(kMaxEntityWords, usable - first); count >= 1 && !entity; --count) {
      entity = EntityNamedBy(words, first, count, labels, db, surnames);
    }
    if (!entity) {
      ++first;
      continue;
    }
    first += entity->count;
    found.push_back(std::move(*entity));
  }
  return found;
}

Xapian::Query EntityFacetQuery(Facet facet, const std::string& id, const SurnameLookup& surnames) {
  Xapian::Query term(layout::KeyOf(FacetTermPrefix(facet), id));
  if (facet != Facet::kPeople) return term;
  std::optional<std::string> surname = surnames.SurnameFor(id);
  if (!surname) return term;
  return Xapian::Query(Xapian::Query::OP_OR, term,
                       Xapian::Query(layout::KeyOf(layout::kUnresolvedSurnamePrefix, *surname)));
}

std::string PersonWithSurname(const std::string& surname_key, const Xapian::Database& db) {
  if (surname_key.empty()) return "";
  const std::string prefix(layout::kPersonPrefix);
  const std::string ending = "-" + surname_key;
  std::string best;
  Xapian::doccount best_count = 0, all = 0;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string& term = *it;
    if (term.size() <= prefix.size() + ending.size() || term.compare(term.size() - ending.size(), ending.size(), ending) != 0) {
      continue;
    }
    const Xapian::doccount count = it.get_termfreq();
    all += count;
    if (count > best_count) best = term.substr(prefix.size()), best_count = count;
  }
  return uint64_t{best_count} * 5 >= uint64_t{all} * 4 ? best : "";
}

Xapian::doccount EntityArticleCount(Facet facet, const std::string& id, const Xapian::Database& db,
                                    const SurnameLookup& surnames) {
  Xapian::doccount count = db.get_termfreq(layout::KeyOf(FacetTermPrefix(facet), id));
  if (facet == Facet::kPeople) {
    // The indexer never records a full name and a lone surname of one
    // person in the same article, so the two counts add up.
    if (std::optional<std::string> surname = surnames.SurnameFor(id)) {
      count += db.get_termfreq(layout::KeyOf(layout::kUnresolvedSurnamePrefix, *surname));
    }
  }
  return count;
}

}  // namespace newsfacet
