#include "indexer/document_builder.h"

#include "indexer/readers/date_normalizer.h"
#include "schemas/index_layout.h"
#include "indexer/near_duplicate.h"
#include "analysis/search_folding.h"
#include "common/stable_hash.h"
#include "schemas/store/stored_article.h"

namespace newsfacet {
namespace {

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Prefixed(std::string_view prefix, std::string_view value) {
  return layout::KeyOf(prefix, value);
}

void AddDate(Xapian::Document& doc, std::string_view date) {
  std::string day = SortableDay(date);
  if (day.empty()) return;
  doc.add_value(layout::kDateSlot, day);
  doc.add_boolean_term(Prefixed(layout::kYearPrefix, day.substr(0, 4)));
  doc.add_boolean_term(Prefixed(layout::kMonthPrefix, day.substr(0, 6)));
  doc.add_boolean_term(Prefixed(layout::kDayPrefix, day));
  std::string time = SortableTime(date);
  if (!time.empty()) doc.add_value(layout::kTimeSlot, time);
}

}  // namespace

Xapian::Document DocumentBuilder::Build(const Article& article, const ArticleEntities& entities,
                                        std::string_view run_stamp) {
  Xapian::Document doc;
  terms_.SetDocument(doc);

  const std::string title = FoldForSearch(article.title);
  terms_.IndexText(title, layout::kTitleWeight);
  terms_.IndexText(title, 1, layout::kTitlePrefix);
  terms_.IncreaseTermpos();  // no phrase spans title and body
  terms_.IndexText(FoldForSearch(article.body));

  doc.add_boolean_term(Prefixed(layout::kIdPrefix, article.id));
  doc.add_boolean_term(Prefixed(layout::kSourceFilePrefix, article.path));
  if (!article.source.empty()) {
    doc.add_boolean_term(Prefixed(layout::kSourcePrefix, Lowercase(article.source)));
  }
  if (!article.language.empty()) {
    doc.add_boolean_term(Prefixed(layout::kLanguagePrefix, Lowercase(article.language)));
  }
  AddDate(doc, article.date);
  doc.add_value(layout::kSourcePathSlot, article.path);
  doc.add_value(layout::kRunStampSlot, std::string(run_stamp));
  AddEntityTerms(entities, doc);
  const std::string json = ArticleJson(article, entities);
  doc.add_value(layout::kContentHashSlot, HashHex(StableHash(layout::kDocumentFormat, StableHash(json))));
  doc.add_value(layout::kNearDuplicateSlot, NearDuplicateKey(article.title, article.body));
  StoreArticleJson(json, doc);
  return doc;
}

void AddEntityTerms(const ArticleEntities& entities, Xapian::Document& doc) {
  std::string people, organisations, countries, events;
  auto append = [](std::string& list, const std::string& id) {
    if (!list.empty()) list.push_back(layout::kFacetValueSeparator);
    list += id;
  };
  for (const PersonMention& person : entities.people) {
    doc.add_boolean_term(Prefixed(layout::kPersonPrefix, person.id));
    doc.add_boolean_term(Prefixed(layout::kPersonSpellingPrefix, person.id + layout::kSpellingSeparator + person.name));
    append(people, person.id);
  }
  for (const OrganisationMention& organisation : entities.organisations) {
    doc.add_boolean_term(Prefixed(layout::kOrganisationPrefix, organisation.id));
    doc.add_boolean_term(Prefixed(layout::kOrganisationSpellingPrefix,
                                  organisation.id + layout::kSpellingSeparator + organisation.name));
    append(organisations, organisation.id);
  }
  for (const CountryMention& country : entities.countries) {
    doc.add_boolean_term(Prefixed(layout::kCountryMentionPrefix, country.code));
    if (!country.salient) continue;
    doc.add_boolean_term(Prefixed(layout::kCountryPrefix, country.code));
    append(countries, country.code);
  }
  for (const EventMention& event : entities.events) {
    doc.add_boolean_term(Prefixed(layout::kEventMentionPrefix, event.id));
    if (!event.salient) continue;
    doc.add_boolean_term(Prefixed(layout::kEventPrefix, event.id));
    append(events, event.id);
  }
  for (const auto& [surname, mentions] : entities.unresolved_surnames) {
    doc.add_term(Prefixed(layout::kUnresolvedSurnamePrefix, surname), static_cast<Xapian::termcount>(mentions));
    append(people, layout::kUnresolvedMarker + surname);
  }
  doc.add_value(layout::kPeopleSlot, people);
  doc.add_value(layout::kCountriesSlot, countries);
  doc.add_value(layout::kEventsSlot, events);
  doc.add_value(layout::kOrganisationsSlot, organisations);
}

}  // namespace newsfacet
