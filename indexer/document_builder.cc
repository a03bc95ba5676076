#include "document_builder.h"

#include <nlohmann/json.hpp>

#include "date_normalizer.h"
#include "index_layout.h"
#include "json_text.h"
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
  std::string out;
  out.reserve(article.body.size() + article.title.size() + 512);
  JsonWriter json(out);
  json.BeginObject();
  json.Key("id").String(article.id).Key("title").String(article.title).Key("body").String(article.body);
  json.Key("date").String(article.date).Key("url").String(article.url).Key("source").String(article.source);
  json.Key("authors").BeginArray();
  for (const std::string& author : article.authors) json.String(author);
  json.EndArray();
  json.Key("language").String(article.language).Key("path").String(article.path).Key("line").Int(article.line);
  json.Key("people").BeginArray();
  for (const PersonMention& p : entities.people) {
    json.BeginObject().Key("id").String(p.id).Key("name").String(p.name).Key("mentions").Int(p.mentions).EndObject();
  }
  json.EndArray().Key("countries").BeginArray();
  for (const CountryMention& c : entities.countries) {
    json.BeginObject().Key("code").String(c.code).Key("name").String(c.name).Key("mentions").Int(c.mentions);
    json.Key("salient").Bool(c.salient).EndObject();
  }
  json.EndArray().Key("events").BeginArray();
  for (const EventMention& e : entities.events) {
    json.BeginObject().Key("id").String(e.id).Key("label").String(e.label).Key("mentions").Int(e.mentions).EndObject();
  }
  json.EndArray();
  if (!entities.unresolved_surnames.empty()) {
    json.Key("unresolved_surnames").BeginObject();
    for (const auto& [surname, mentions] : entities.unresolved_surnames) json.Key(surname).Int(mentions);
    json.EndObject();
  }
  json.EndObject();
  return out;
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
