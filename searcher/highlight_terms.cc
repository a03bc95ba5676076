#include "searcher/highlight_terms.h"

#include <algorithm>

#include "schemas/index_layout.h"

namespace newsfacet {
namespace {

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

bool IsPrefixed(const std::string& term) { return !term.empty() && term[0] >= 'A' && term[0] <= 'Z'; }

// Words of a name as the tokenizer will see them: folded lower case.
HighlightTerms::Phrase NamePhrase(std::string_view name) {
  HighlightTerms::Phrase phrase;
  std::string words = NormalizeLabel(name);
  size_t start = 0;
  while (start < words.size()) {
    size_t space = std::min(words.find(' ', start), words.size());
    phrase.words.push_back(words.substr(start, space - start));
    start = space + 1;
  }
  return phrase;
}

class TermCollector {
 public:
  TermCollector(const FacetLabels& labels, HighlightTerms* terms) : labels_(labels), terms_(terms) {}

  void Walk(const Xapian::Query& query) {
    switch (query.get_type()) {
      case Xapian::Query::LEAF_TERM:
        for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) AddTerm(*it);
        return;
      case Xapian::Query::OP_AND_NOT:
        // What is excluded never shows in a hit.
        if (query.get_num_subqueries() > 0) Walk(query.get_subquery(0));
        return;
      case Xapian::Query::OP_PHRASE:
        if (AddPhrase(query)) return;
        break;
      case Xapian::Query::OP_WILDCARD:
        AddWildcard(query);
        return;
      case Xapian::Query::OP_VALUE_RANGE:
      case Xapian::Query::OP_VALUE_GE:
      case Xapian::Query::OP_VALUE_LE:
        return;
      default:
        break;
    }
    for (size_t i = 0; i < query.get_num_subqueries(); ++i) Walk(query.get_subquery(i));
  }

  void AddPerson(const std::string& id) {
    if (std::find(terms_->person_ids.begin(), terms_->person_ids.end(), id) == terms_->person_ids.end()) {
      terms_->person_ids.push_back(id);
    }
  }

  void AddOrganisation(const std::string& id) {
    auto& ids = terms_->organisation_ids;
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }

  void AddCountry(const std::string& code) {
    for (const std::string& name : labels_.CountryNames(code)) {
      HighlightTerms::Phrase phrase = NamePhrase(name);
      if (!phrase.words.empty()) terms_->country_names.push_back(std::move(phrase));
    }
  }

 private:
  void AddTerm(const std::string& term) {
    const std::string stemmed(layout::kStemmedPrefix), title(layout::kTitlePrefix);
    if (StartsWith(term, stemmed + title)) {
      terms_->title_stems.insert(term.substr(stemmed.size() + title.size()));
    } else if (StartsWith(term, stemmed)) {
      terms_->stems.insert(term.substr(stemmed.size()));
    } else if (StartsWith(term, title)) {
      terms_->title_exact.insert(term.substr(title.size()));
    } else if (StartsWith(term, layout::kPersonPrefix)) {
      AddPerson(term.substr(layout::kPersonPrefix.size()));
    } else if (StartsWith(term, layout::kOrganisationPrefix)) {
      AddOrganisation(term.substr(layout::kOrganisationPrefix.size()));
    } else if (StartsWith(term, layout::kCountryPrefix)) {
      AddCountry(term.substr(layout::kCountryPrefix.size()));
    } else if (StartsWith(term, layout::kCountryMentionPrefix)) {
      AddCountry(term.substr(layout::kCountryMentionPrefix.size()));
    } else if (!IsPrefixed(term)) {
      terms_->exact.insert(term);
    }
  }

  // True when every part of the phrase is a plain term.
  bool AddPhrase(const Xapian::Query& query) {
    HighlightTerms::Phrase phrase;
    const std::string title(layout::kTitlePrefix);
    for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
      Xapian::Query part = query.get_subquery(i);
      if (part.get_type() != Xapian::Query::LEAF_TERM) return false;
      std::string term = *part.get_terms_begin();
      if (StartsWith(term, title)) {
        phrase.title_only = true;
        term.erase(0, title.size());
      } else if (IsPrefixed(term)) {
        return false;
      }
      phrase.words.push_back(std::move(term));
    }
    if (!phrase.words.empty()) terms_->phrases.push_back(std::move(phrase));
    return true;
  }

  // Xapian 1.4 exposes a wildcard's pattern only through its description,
  // "Query(WILDCARD SYNONYM kremli)": the pattern is the last word.
  void AddWildcard(const Xapian::Query& query) {
    std::string description = query.get_description();
    if (!description.empty() && description.back() == ')') description.pop_back();
    std::string pattern = description.substr(description.rfind(' ') + 1);
    const std::string title(layout::kTitlePrefix);
    if (StartsWith(pattern, title)) {
      terms_->title_prefixes.insert(pattern.substr(title.size()));
    } else if (!pattern.empty() && !IsPrefixed(pattern)) {
      terms_->prefixes.insert(pattern);
    }
  }

  const FacetLabels& labels_;
  HighlightTerms* terms_;
};

}  // namespace

bool HighlightTerms::empty() const {
  return exact.empty() && title_exact.empty() && stems.empty() && title_stems.empty() && prefixes.empty() &&
         title_prefixes.empty() && phrases.empty() && person_ids.empty() && country_names.empty() &&
         organisation_names.empty();
}

HighlightTerms CollectHighlightTerms(const BuiltQuery& built, const FacetLabels& labels) {
  HighlightTerms terms;
  TermCollector collector(labels, &terms);
  collector.Walk(built.text);
  for (const std::string& id : At(built.filter_ids, Facet::kPeople)) collector.AddPerson(id);
  for (const std::string& code : At(built.filter_ids, Facet::kCountries)) collector.AddCountry(code);
  for (const std::string& id : At(built.filter_ids, Facet::kOrganisations)) collector.AddOrganisation(id);
  return terms;
}

void AddOrganisationName(std::string_view name, HighlightTerms* terms) {
  HighlightTerms::Phrase phrase = NamePhrase(name);
  if (phrase.words.empty()) return;
  for (const HighlightTerms::Phrase& known : terms->organisation_names) {
    if (known.words == phrase.words) return;
  }
  terms->organisation_names.push_back(std::move(phrase));
}

void NameOrganisations(const FacetLabels& labels, const Xapian::Database& db, const ArticleEntities* shown,
                       HighlightTerms* terms) {
  for (const std::string& id : terms->organisation_ids) {
    AddOrganisationName(labels.Label(Facet::kOrganisations, db, id), terms);
    AddOrganisationName(id, terms);
    if (!shown) continue;
    for (const OrganisationMention& organisation : shown->organisations) {
      if (organisation.id == id) AddOrganisationName(organisation.name, terms);
    }
  }
}

}  // namespace newsfacet
