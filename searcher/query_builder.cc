#include "query_builder.h"

#include <algorithm>

#include "index_layout.h"
#include "organisation_key.h"
#include "person_key.h"
#include "search_folding.h"
#include "text_analysis.h"

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
        std::string id = ResolvePersonId(value, db_);
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

// The query with everything that makes it syntax turned into spaces or
// lower case, so that it parses as the plain words it contains.
std::string AsPlainWords(std::string text) {
  for (char& c : text) {
    if (c == '"' || c == '(' || c == ')' || c == '*' || c == '+' || c == ':') c = ' ';
  }
  for (const char* op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"}) {
    for (size_t pos = text.find(op); pos != std::string::npos; pos = text.find(op, pos + 1)) {
      text.replace(pos, std::char_traits<char>::length(op), Lower(op));
    }
  }
  return text;
}

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

}  // namespace

namespace {

// True for a value written as an id ("andrei-karlov") that `prefix` + it is
// a term of the index.
bool IsKnownId(const std::string& value, std::string_view prefix, const Xapian::Database& db) {
  const bool id_shaped = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  return id_shaped && db.term_exists(Term(prefix, value));
}

}  // namespace

std::string ResolvePersonId(const std::string& value, const Xapian::Database& db) {
  // PersonKey() of an id is not always the id ("al-gore" would lose "al"),
  // so an id the index holds is taken as it is.
  if (IsKnownId(value, layout::kPersonPrefix, db)) return value;
  return PersonKey(value);
}

std::string ResolveOrganisationId(const std::string& value, const Xapian::Database& db) {
  // Likewise: an id the index holds is taken as it is, whatever
  // OrganisationKey() would make of it.
  if (IsKnownId(value, layout::kOrganisationPrefix, db)) return value;
  return OrganisationKey(value);
}

Xapian::Query PersonQuery(const std::string& id, const SurnameLookup& surnames) {
  Xapian::Query named(Term(layout::kPersonPrefix, id));
  std::optional<std::string> surname = surnames.SurnameFor(id);
  if (!surname) return named;
  return Xapian::Query(Xapian::Query::OP_OR, named, Xapian::Query(Term(layout::kUnresolvedSurnamePrefix, *surname)));
}

Xapian::Query BuiltQuery::Combined(std::optional<Facet> without) const {
  Xapian::Query query = text;
  for (Facet facet : kAllFacets) {
    const Xapian::Query& filter = At(facet_filters, facet);
    if (filter.empty() || facet == without) continue;
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  }
  if (!date_filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, date_filter);
  return query;
}

MaybeError QueryBuilder::Build(const SearchScope& scope, const Xapian::Database& db, BuiltQuery* built) const {
  return Build(scope, db, SurnameLookup::FromIndex(db), built);
}

MaybeError QueryBuilder::Build(const SearchScope& scope, const Xapian::Database& db, const SurnameLookup& surnames,
                               BuiltQuery* built) const {
  if (auto error = ResolveFilters(scope, db, surnames, built)) return error;
  built->text = MatchEverything();
  if (scope.HasQuery()) ParseText(scope.query, db, surnames, built);
  return std::nullopt;
}

MaybeError QueryBuilder::ResolveFilters(const SearchScope& scope, const Xapian::Database& db,
                                        const SurnameLookup& surnames,
                                        BuiltQuery* built) const {
  for (Facet facet : kAllFacets) {
    std::vector<std::string>& ids = At(built->filter_ids, facet);
    const std::string parameter(FacetFilterParameter(facet));
    for (const std::string& value : At(scope.filters, facet)) {
      std::string id;
      switch (facet) {
        case Facet::kPeople:
          id = ResolvePersonId(value, db);
          if (id.empty()) return ApiError::BadParameter("person '" + value + "' has no letters in it; give a name");
          break;
        case Facet::kOrganisations:
          id = ResolveOrganisationId(value, db);
          if (id.empty()) {
            return ApiError::BadParameter("org '" + value + "' has no letters or digits in it; give a name");
          }
          break;
        case Facet::kCountries: {
          std::optional<std::string> code = labels_.CountryCode(value);
          if (!code) {
            return ApiError::BadParameter("unknown country '" + value +
                                          "': give an ISO 3166 code (TR) or an English name (Turkey)");
          }
          id = *code;
          break;
        }
        case Facet::kEvents:
          id = Lower(value);
          if (labels_.HasEventTable() && !labels_.IsKnownEvent(id) && !db.term_exists(Term(layout::kEventPrefix, id))) {
            return ApiError::BadParameter("unknown event '" + value + "': use an id from /api/facets/events");
          }
          break;
      }
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
      ids.push_back(id);
    }
    if (ids.empty()) continue;
    std::vector<Xapian::Query> terms;
    for (const std::string& id : ids) {
      terms.push_back(facet == Facet::kPeople ? PersonQuery(id, surnames) : Xapian::Query(Term(FacetTermPrefix(facet), id)));
    }
    At(built->facet_filters, facet) = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  }
  const std::string& from = scope.from_day;
  const std::string& to = scope.to_day;
  if (!from.empty() && !to.empty()) {
    built->date_filter = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, layout::kDateSlot, from, to);
  } else if (!from.empty()) {
    built->date_filter = Xapian::Query(Xapian::Query::OP_VALUE_GE, layout::kDateSlot, from);
  } else if (!to.empty()) {
    built->date_filter = Xapian::Query(Xapian::Query::OP_VALUE_LE, layout::kDateSlot, to);
  }
  return std::nullopt;
}

void QueryBuilder::ParseText(const std::string& query, const Xapian::Database& db, const SurnameLookup& surnames,
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
                           Xapian::QueryParser::FLAG_WILDCARD);

  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_CJK_NGRAM;

  const std::string folded = FoldForSearch(query);
  if (std::count(folded.begin(), folded.end(), '"') % 2 == 1) {
    built->notes.push_back("a closing quote is missing: the phrase runs to the end of the query");
  }
  std::string parsed = folded;  // what was parsed in the end
  unsigned parsed_flags = flags;
  try {
    built->text = parser.parse_query(parsed, parsed_flags);
  } catch (const Xapian::QueryParserError& error) {
    built->notes.push_back("the query could not be read as search syntax (" + error.get_msg() +
                           "), so it was searched as plain words");
    parsed = AsPlainWords(folded);
    parsed_flags = Xapian::QueryParser::FLAG_CJK_NGRAM;
    try {
      built->text = parser.parse_query(parsed, parsed_flags);
    } catch (const Xapian::QueryParserError&) {
      built->text = NoMatch();
    }
  }
  if (HasUnknownWord(built->text, db) && HasSpellingData(db)) {
    const size_t notes = built->notes.size();  // the second parse would repeat the field notes
    try {
      parser.parse_query(parsed, parsed_flags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
      built->suggestion = parser.get_corrected_query_string();
    } catch (const Xapian::QueryParserError&) {
    }
    built->notes.resize(notes);
  }
  if (built->text.empty()) {
    built->notes.push_back("the query has no words to search for; showing everything that matches the filters");
    built->text = MatchEverything();
  }
}

}  // namespace newsfacet
