#include "document_builder.h"

#include <nlohmann/json.hpp>

#include "date_normalizer.h"
#include "index_layout.h"
#include "search_folding.h"
#include "stable_hash.h"
#include "text_analysis.h"

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
}

}  // namespace

DocumentBuilder::DocumentBuilder() { ConfigureTermGenerator(generator_); }

Xapian::Document DocumentBuilder::Build(const Article& article, const ArticleEntities& entities,
                                        std::string_view run_stamp) {
  Xapian::Document doc;
  generator_.set_document(doc);

  std::string title = FoldForSearch(article.title);
  generator_.index_text(title, layout::kTitleWeight);
  generator_.index_text(title, 1, std::string(layout::kTitlePrefix));
  generator_.increase_termpos();  // no phrase spans title and body
  generator_.index_text(FoldForSearch(article.body));

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
  std::string data = SerializeArticle(article, entities);
  doc.add_value(layout::kContentHashSlot, HashHex(StableHash(data)));
  doc.set_data(std::move(data));
  return doc;
}

void AddEntityTerms(const ArticleEntities& entities, Xapian::Document& doc) {
  std::string people, countries, events;
  auto append = [](std::string& list, const std::string& id) {
    if (!list.empty()) list.push_back(layout::kFacetValueSeparator);
    list += id;
  };
  for (const PersonMention& person : entities.people) {
    doc.add_boolean_term(Prefixed(layout::kPersonPrefix, person.id));
    doc.add_boolean_term(Prefixed(layout::kPersonSpellingPrefix, person.id + layout::kSpellingSeparator + person.name));
    append(people, person.id);
  }
  for (const CountryMention& country : entities.countries) {
    doc.add_boolean_term(Prefixed(layout::kCountryMentionPrefix, country.code));
    if (!country.salient) continue;
    doc.add_boolean_term(Prefixed(layout::kCountryPrefix, country.code));
    append(countries, country.code);
  }
  for (const EventMention& event : entities.events) {
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
}

std::string SerializeArticle(const Article& article, const ArticleEntities& entities) {
  nlohmann::json people = nlohmann::json::array(), countries = nlohmann::json::array(),
                 events = nlohmann::json::array();
  for (const PersonMention& p : entities.people) people.push_back({{"id", p.id}, {"name", p.name}, {"mentions", p.mentions}});
  for (const CountryMention& c : entities.countries) {
    countries.push_back({{"code", c.code}, {"name", c.name}, {"mentions", c.mentions}, {"salient", c.salient}});
  }
  for (const EventMention& e : entities.events) events.push_back({{"id", e.id}, {"label", e.label}, {"mentions", e.mentions}});
  nlohmann::json json = {
      {"id", article.id},         {"title", article.title},   {"body", article.body},
      {"date", article.date},     {"url", article.url},       {"source", article.source},
      {"authors", article.authors}, {"language", article.language}, {"path", article.path},
      {"line", article.line},     {"people", people},         {"countries", countries},
      {"events", events},
  };
  if (!entities.unresolved_surnames.empty()) {
    nlohmann::json unresolved = nlohmann::json::object();
    for (const auto& [surname, mentions] : entities.unresolved_surnames) unresolved[surname] = mentions;
    json["unresolved_surnames"] = unresolved;
  }
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredArticle DeserializeArticle(std::string_view data) {
  nlohmann::json json = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  StoredArticle stored;
  if (!json.is_object()) return stored;
  Article& article = stored.article;
  article.id = json.value("id", "");
  article.title = json.value("title", "");
  article.body = json.value("body", "");
  article.date = json.value("date", "");
  article.url = json.value("url", "");
  article.source = json.value("source", "");
  article.authors = json.value("authors", std::vector<std::string>{});
  article.language = json.value("language", "");
  article.path = json.value("path", "");
  article.line = json.value("line", 0);
  ArticleEntities& entities = stored.entities;
  for (const auto& p : json.value("people", nlohmann::json::array())) {
    entities.people.push_back({p.value("id", ""), p.value("name", ""), p.value("mentions", 0)});
  }
  for (const auto& c : json.value("countries", nlohmann::json::array())) {
    entities.countries.push_back({c.value("code", ""), c.value("name", ""), c.value("mentions", 0), c.value("salient", false)});
  }
  for (const auto& e : json.value("events", nlohmann::json::array())) {
    entities.events.push_back({e.value("id", ""), e.value("label", ""), e.value("mentions", 0)});
  }
  const nlohmann::json unresolved = json.value("unresolved_surnames", nlohmann::json::object());
  for (const auto& [surname, mentions] : unresolved.items()) {
    if (mentions.is_number_integer()) entities.unresolved_surnames.emplace_back(surname, mentions.get<int>());
  }
  return stored;
}

}  // namespace newsfacet
