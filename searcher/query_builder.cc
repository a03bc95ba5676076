#include "searcher/query_builder.h"

#include <algorithm>

#include "schemas/index_layout.h"
#include "analysis/organisation_key.h"
#include "analysis/person_key.h"
#include "searcher/query_entities.h"
#include "searcher/query_words.h"
#include "analysis/search_folding.h"
#include "analysis/text_analysis.h"

namespace newsfacet {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string Term(std::string_view prefix, const std::string& id) { return layout::KeyOf(prefix, id); }

// A query that matches nothing but is not empty: Xapian's MatchNothing is
// the empty Query, which reads as "no query at all" once combined. A bare
// facet prefix is a term no document has, since every id is non-empty.
Xapian::Query NoMatch() { return Xapian::Query(std::string(layout::kPersonPrefix)); }

// Every document. Not Xapian::Query::MatchAll: that is one static object
// whose reference count is not atomic, and copying it from several request
// threads at once corrupts it (and then the heap).
Xapian::Query MatchEverything() { return Xapian::Query(std::string()); }

// person:, org: (organisation:), country: and event: inside the query text. They filter like the
// facet parameters, except that country: means any mention of the country
// (layout::kCountryMentionPrefix), not only articles about it.
class EntityField : public Xapian::FieldProcessor {
 public:
  EntityField(Facet facet, const FacetLabels& labels, const Xapian::Database& db, const SurnameLookup& surnames,
              std::vector<std::string>* notes)
      : facet_(facet), labels_(labels), db_(db), surnames_(surnames), notes_(notes) {}

  Xapian::Query operator()(const std::string& value) override {
    switch (facet_) {
      case Facet::kPeople: {
        std::string id = ResolvePersonId(value, db_, surnames_);
        if (!id.empty()) return PersonQuery(id, surnames_);
        break;
      }
      case Facet::kOrganisations: {
        std::string id = ResolveOrganisationId(value, db_);
        if (!id.empty()) return Xapian::Query(Term(layout::kOrganisationPrefix, id));
        break;
      }
      case Facet::kCountries: {
        if (auto code = labels_.CountryCode(value)) return Xapian::Query(Term(layout::kCountryMentionPrefix, *code));
        break;
      }
      case Facet::kEvents:
        return Xapian::Query(Term(layout::kEventPrefix, Lower(value)));
    }
    notes_->push_back(std::string(FacetFilterParameter(facet_)) + ":" + value + " names no known " +
                      std::string(FacetFilterParameter(facet_)) + "; it matches nothing");
    return NoMatch();
  }

 private:
  Facet facet_;
  const FacetLabels& labels_;
  const Xapian::Database& db_;
  const SurnameLookup& surnames_;
  std::vector<std::string>* notes_;
};

bool HasSpellingData(const Xapian::Database& db) { return db.spellings_begin() != db.spellings_end(); }

// True when a word of `query` is in no article: the likely misspelling a
// "did you mean" is for. Asking Xapian for corrections costs a fuzzy
// look-up per word, more than the search itself, so it is asked only then.
bool HasUnknownWord(const Xapian::Query& query, const Xapian::Database& db) {
  if (query.get_type() == Xapian::Query::LEAF_TERM) {
    for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
      const std::string& term = *it;
      const bool word = !term.empty() && (!(term[0] >= 'A' && term[0] <= 'Z') ||
                                          term.rfind(layout::kStemmedPrefix, 0) == 0);
      if (word && !db.term_exists(term)) return true;
    }
    return false;
  }
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (HasUnknownWord(query.get_subquery(i), db)) return true;
  }
  return false;
}

// Whether some word of the index starts with the query's last word.
bool LastWordStartsATerm(const std::string& folded, const Xapian::Database& db) {
  const std::vector<std::string> words = SplitOnSpace(NormalizeLabel(folded));
  if (words.empty()) return false;
  return db.allterms_begin(words.back()) != db.allterms_end(words.back());
}

// True for a value written as an id ("andrei-karlov") that `prefix` + it is
// a term of the index.
bool IsKnownId(const std::string& value, std::string_view prefix, const Xapian::Database& db) {
  const bool id_shaped = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  return id_shaped && db.term_exists(Term(prefix, value));
}

}  // namespace

std::string ResolvePersonId(const std::string& value, const Xapian::Database& db, const SurnameLookup& surnames) {
  // PersonKey() of an id is not always the id ("al-gore" would lose "al"),
  // so an id the index holds is taken as it is.
  if (IsKnownId(value, layout::kPersonPrefix, db)) return value;
  std::string key = PersonKeyUncached(value);
  if (key.empty() || db.term_exists(Term(layout::kPersonPrefix, key))) return key;
  const std::string& resolved = surnames.PersonOf(key);
  if (!resolved.empty()) return resolved;
  std::string only = key.find('-') == std::string::npos ? PersonWithSurname(key, db) : "";
  return only.empty() ? key : only;
}

std::string ResolveOrganisationId(const std::string& value, const Xapian::Database& db) {
  // Likewise: an id the index holds is taken as it is, whatever
  // OrganisationKey() would make of it.
  if (IsKnownId(value, layout::kOrganisationPrefix, db)) return value;
  return OrganisationKey(value);
}

Xapian::Query PersonQuery(const std::string& id, const SurnameLookup& surnames) {
  return EntityFacetQuery(Facet::kPeople, id, surnames);
}

Xapian::Query BuiltQuery::Combined(std::optional<Facet> without) const {
  Xapian::Query query = text;
  for (Facet facet : kAllFacets) {
    const Xapian::Query& filter = At(facet_filters, facet);
    if (filter.empty() || (facet == without && !At(all_of, facet))) continue;
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  }
  for (const Xapian::Query* filter : {&date_filter, &near_duplicate_filter}) {
    if (!filter->empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, *filter);
  }
  return query;
}

MaybeError QueryBuilder::Build(const SearchScope& scope, const Xapian::Database& db, BuiltQuery* built) const {
  return Build(scope, db, SurnameLookup::FromIndex(db), built);
}

MaybeError QueryBuilder::Build(const SearchScope& scope, const Xapian::Database& db, const SurnameLookup& surnames,
                               BuiltQuery* built) const {
  if (auto error = ResolveFilters(scope, db, surnames, built)) return error;
  built->text = MatchEverything();
  if (scope.HasQuery()) ParseText(scope, db, surnames, built);
  return std::nullopt;
}

namespace {

// The id a filter value names in `facet`, or the error that tells the caller
// what to give instead.
MaybeError ResolveFilterId(Facet facet, const std::string& value, const FacetLabels& labels,
                           const Xapian::Database& db, const SurnameLookup& surnames, std::string* id) {
  switch (facet) {
    case Facet::kPeople:
      *id = ResolvePersonId(value, db, surnames);
      if (id->empty()) return ApiError::BadParameter("person '" + value + "' has no letters in it; give a name");
      break;
    case Facet::kOrganisations:
      *id = ResolveOrganisationId(value, db);
      if (id->empty()) {
        return ApiError::BadParameter("org '" + value + "' has no letters or digits in it; give a name");
      }
      break;
    case Facet::kCountries: {
      std::optional<std::string> code = labels.CountryCode(value);
      if (!code) {
        return ApiError::BadParameter("unknown country '" + value +
                                      "': give an ISO 3166 code (TR) or an English name (Turkey)");
      }
      *id = *code;
      break;
    }
    case Facet::kEvents:
      *id = Lower(value);
      if (labels.HasEventTable() && !labels.IsKnownEvent(*id) && !db.term_exists(Term(layout::kEventPrefix, *id))) {
        return ApiError::BadParameter("unknown event '" + value + "': use an id from /api/facets/events");
      }
      break;
  }
  return std::nullopt;
}

// The scope's date range as a filter on layout::kDateSlot; empty when it has none.
Xapian::Query DateFilter(const SearchScope& scope) {
  const std::string& from = scope.from_day;
  const std::string& to = scope.to_day;
  if (!from.empty() && !to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, layout::kDateSlot, from, to);
  if (!from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, layout::kDateSlot, from);
  if (!to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, layout::kDateSlot, to);
  return Xapian::Query();
}

// `folded` through `parser`; text it cannot read as search syntax is
// searched as plain words, with a note saying so. `parsed` and
// `parsed_flags` are what was parsed in the end.
Xapian::Query ParseOrPlainWords(Xapian::QueryParser& parser, const std::string& folded, unsigned flags, bool partial,
                                std::vector<std::string>* notes, std::string* parsed, unsigned* parsed_flags) {
  *parsed = folded;
  *parsed_flags = flags;
  try {
    return parser.parse_query(*parsed, *parsed_flags);
  } catch (const Xapian::QueryParserError& error) {
    notes->push_back("the query could not be read as search syntax (" + error.get_msg() +
                     "), so it was searched as plain words");
  }
  *parsed = AsPlainWords(folded);
  *parsed_flags = Xapian::QueryParser::FLAG_CJK_NGRAM;
  if (partial) *parsed_flags |= Xapian::QueryParser::FLAG_PARTIAL;
  try {
    return parser.parse_query(*parsed, *parsed_flags);
  } catch (const Xapian::QueryParserError&) {
    return NoMatch();
  }
}

// Xapian's spelling correction of what was parsed; none when the
// correction cannot be parsed.
std::optional<std::string> SpellingSuggestion(Xapian::QueryParser& parser, const std::string& parsed,
                                              unsigned parsed_flags, std::vector<std::string>* notes) {
  const size_t notes_before = notes->size();  // the second parse would repeat the field notes
  std::optional<std::string> suggestion;
  try {
    parser.parse_query(parsed, parsed_flags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    suggestion = parser.get_corrected_query_string();
  } catch (const Xapian::QueryParserError&) {
  }
  notes->resize(notes_before);
  return suggestion;
}

}  // namespace

MaybeError QueryBuilder::ResolveFilters(const SearchScope& scope, const Xapian::Database& db,
                                        const SurnameLookup& surnames,
                                        BuiltQuery* built) const {
  for (Facet facet : kAllFacets) {
    std::vector<std::string>& ids = At(built->filter_ids, facet);
    for (const std::string& value : At(scope.filters, facet)) {
      std::string id;
      if (auto error = ResolveFilterId(facet, value, labels_, db, surnames, &id)) return error;
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
      ids.push_back(id);
    }
    if (ids.empty()) continue;
    std::vector<Xapian::Query> terms;
    for (const std::string& id : ids) {
      terms.push_back(facet == Facet::kPeople ? PersonQuery(id, surnames) : Xapian::Query(Term(FacetTermPrefix(facet), id)));
    }
    At(built->all_of, facet) = At(scope.all_of, facet);
    At(built->facet_filters, facet) =
        Xapian::Query(At(scope.all_of, facet) ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  if (!scope.near_duplicate_key.empty()) {
    built->near_duplicate_filter = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, layout::kNearDuplicateSlot,
                                                 scope.near_duplicate_key, scope.near_duplicate_key);
  }
  built->date_filter = DateFilter(scope);
  return std::nullopt;
}

void QueryBuilder::ParseText(const SearchScope& scope, const Xapian::Database& db, const SurnameLookup& surnames,
                             BuiltQuery* built) const {
  EntityField person(Facet::kPeople, labels_, db, surnames, &built->notes);
  EntityField organisation(Facet::kOrganisations, labels_, db, surnames, &built->notes);
  EntityField country(Facet::kCountries, labels_, db, surnames, &built->notes);
  EntityField event(Facet::kEvents, labels_, db, surnames, &built->notes);
  Xapian::QueryParser parser;
  ConfigureQueryParser(parser);
  parser.set_database(db);
  parser.set_default_op(Xapian::Query::OP_AND);
  parser.add_boolean_prefix("person", &person);
  parser.add_boolean_prefix("org", &organisation);
  parser.add_boolean_prefix("organisation", &organisation);
  parser.add_boolean_prefix("country", &country);
  parser.add_boolean_prefix("event", &event);
  parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                           Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PARTIAL);

  const std::string folded = FoldForSearch(scope.query);
  // While typing, the last word may be the start of one ("volc"); once a
  // space follows it, it is whole.
  const bool partial = scope.partial && !folded.empty() && !IsQuerySpace(folded.back());
  unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                   Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;
  if (partial) flags |= Xapian::QueryParser::FLAG_PARTIAL;

  if (std::count(folded.begin(), folded.end(), '"') % 2 == 1) {
    built->notes.push_back("a closing quote is missing: the phrase runs to the end of the query");
  }
  std::string parsed;
  unsigned parsed_flags = 0;
  built->text = ParseOrPlainWords(parser, folded, flags, partial, &built->notes, &parsed, &parsed_flags);
  if (std::optional<std::vector<std::string>> excluded = OnlyExclusions(folded)) {
    // Xapian reads a query of nothing but -words as those words wanted.
    built->text = Xapian::Query(Xapian::Query::OP_AND_NOT, MatchEverything(),
                                parser.parse_query(JoinWords(*excluded), Xapian::QueryParser::FLAG_CJK_NGRAM));
    built->notes.push_back("the query only excludes words: showing every article without them");
  }
  // A word still being typed is not misspelt while some word starts with it.
  if (HasUnknownWord(built->text, db) && HasSpellingData(db) && !(partial && LastWordStartsATerm(folded, db))) {
    if (auto suggestion = SpellingSuggestion(parser, parsed, parsed_flags, &built->notes)) {
      built->suggestion = *suggestion;
    }
  }
  if (built->text.empty()) {
    built->notes.push_back("the query has no words to search for; showing everything that matches the filters");
    built->text = MatchEverything();
    return;
  }
  AddNamedEntities(folded, partial, parser, flags, db, surnames, built);
}

void QueryBuilder::AddNamedEntities(const std::string& folded, bool partial, Xapian::QueryParser& parser,
                                    unsigned flags, const Xapian::Database& db, const SurnameLookup& surnames,
                                    BuiltQuery* built) const {
  std::optional<std::vector<std::string>> words = PlainWords(folded);
  if (!words || words->empty()) return;
  // A last word still being typed is looked up whole too: "andrei karlov"
  // names Andrey Karlov whether or not a space follows, "andrei karl" no one.
  const std::vector<EntityWords> found = FindEntityWords(*words, words->size(), labels_, db, surnames);
  if (found.empty()) return;
  if (partial && found.back().first + found.back().count == words->size()) {
    flags &= ~static_cast<unsigned>(Xapian::QueryParser::FLAG_PARTIAL);  // the last word was a whole name
  }
  std::vector<bool> named(words->size(), false);
  std::vector<Xapian::Query> entities;
  for (const EntityWords& entity : found) {
    std::fill(named.begin() + entity.first, named.begin() + entity.first + entity.count, true);
    // The entity's own name as words too, so that articles spelling it
    // another way rank by how much they say of it.
    const std::string label = labels_.Label(entity.facet, db, entity.id);
    Xapian::Query spelled;
    try {
      spelled = parser.parse_query(NormalizeLabel(label), Xapian::QueryParser::FLAG_CJK_NGRAM);
    } catch (const Xapian::QueryParserError&) {
    }
    Xapian::Query carrying = EntityFacetQuery(entity.facet, entity.id, surnames);
    entities.push_back(spelled.empty() ? carrying : Xapian::Query(Xapian::Query::OP_OR, carrying, spelled));
    const std::vector<std::string>& selected = At(built->filter_ids, entity.facet);
    if (std::find(selected.begin(), selected.end(), entity.id) == selected.end()) {
      built->named_entities.push_back(
          {entity.facet, entity.id, label, EntityArticleCount(entity.facet, entity.id, db, surnames)});
    }
  }
  std::vector<std::string> rest;
  for (size_t i = 0; i < words->size(); ++i) {
    if (!named[i]) rest.push_back((*words)[i]);
  }
  Xapian::Query others = rest.empty() ? MatchEverything() : Xapian::Query();
  if (!rest.empty()) {
    try {
      others = parser.parse_query(JoinWords(rest), flags);
    } catch (const Xapian::QueryParserError&) {
      return;
    }
  }
  Xapian::Query by_entity(Xapian::Query::OP_AND, entities.begin(), entities.end());
  if (!others.empty()) by_entity = Xapian::Query(Xapian::Query::OP_AND, others, by_entity);
  built->text = Xapian::Query(Xapian::Query::OP_OR, built->text, by_entity);
}

}  // namespace newsfacet
