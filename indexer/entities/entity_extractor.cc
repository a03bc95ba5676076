#include "entity_extractor.h"

#include "entities/token_stream.h"

namespace newsfacet {

Status EntityModel::Load(const std::filesystem::path& data_dir, std::unique_ptr<EntityModel>* model) {
  auto loaded = std::make_unique<EntityModel>();
  Status status = NameLexicon::Load(data_dir, &loaded->lexicon_);
  if (status.ok()) status = CountryGazetteer::Load(data_dir, &loaded->countries_);
  if (status.ok()) status = EventDetector::Load(data_dir, &loaded->events_);
  if (!status.ok()) return Status::Error("entity data: " + status.message());
  *model = std::move(loaded);
  return Status::Ok();
}

ArticleEntities EntityExtractor::Extract(const Article& article) const {
  TokenStream stream = Tokenize(article.title, article.body);
  std::vector<PersonSpan> spans = people_.FindSpans(stream);
  ArticlePeople people = ResolvePeople(spans);

  // Tokens inside a person's name are not places: "Michael Jordan".
  std::vector<bool> inside_person(stream.tokens.size(), false);
  for (size_t s = 0; s < spans.size(); ++s) {
    if (!spans[s].accepted && people.span_person[s].empty()) continue;
    for (size_t t = spans[s].begin; t < spans[s].end; ++t) inside_person[t] = true;
  }
  ArticleEntities entities;
  entities.people = std::move(people.people);
  entities.unresolved_surnames = std::move(people.unresolved_surnames);
  entities.countries = model_.countries().Find(stream, inside_person, article.date);
  entities.events = model_.events().Detect(stream, {&entities.organisations, &entities.countries});
  return entities;
}

}  // namespace newsfacet
