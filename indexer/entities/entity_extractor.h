// Who, where and what: the entities of one article, for its facets.
#pragma once

#include <filesystem>
#include <memory>

#include "schemas/store/article.h"
#include "schemas/store/article_entities.h"
#include "indexer/entities/country_gazetteer.h"
#include "indexer/entities/event_detector.h"
#include "indexer/entities/name_lexicon.h"
#include "indexer/entities/name_tagger.h"
#include "indexer/entities/organisation_finder.h"
#include "indexer/entities/article_people.h"
#include "indexer/entities/person_finder.h"
#include "indexer/entities/tagger_features.h"
#include "indexer/entities/tagger_model.h"
#include "common/status.h"

namespace newsfacet {

// The data entity extraction needs, loaded once and shared, read-only, by
// every indexing thread.
class EntityModel {
 public:
  enum TaggerUse { kWithTagger, kWithoutTagger };  // without: for training the tagger itself
  // Reads schemas/data/*.{json,txt,bin} and schemas/events.json under data_dir.
  static Status Load(const std::filesystem::path& data_dir, std::unique_ptr<EntityModel>* model,
                     TaggerUse tagger = kWithTagger);
  // The tagger's weights, under the data directory.
  static constexpr const char* kTaggerFile = "data/name_tagger.bin";

  const NameLexicon& lexicon() const { return lexicon_; }
  // Null when loaded kWithoutTagger.
  const NameTagger* tagger() const { return tagger_.get(); }
  const CountryGazetteer& countries() const { return countries_; }
  const EventDetector& events() const { return events_; }

  NameLexicon& mutable_lexicon() { return lexicon_; }
  CountryGazetteer& mutable_countries() { return countries_; }
  EventDetector& mutable_events() { return events_; }

 private:
  NameLexicon lexicon_;
  CountryGazetteer countries_;
  EventDetector events_;
  TaggerModel tagger_model_;
  std::unique_ptr<TaggerFeatures> tagger_features_;
  std::unique_ptr<NameTagger> tagger_;
};

// The name spans of one text: people candidates, those that name an
// organisation marked so, and the organisations.
struct PeopleAndOrganisations {
  std::vector<PersonSpan> people;
  std::vector<OrganisationSpan> organisations;
};

// Thread-compatible: one per thread, or guarded.
class EntityExtractor {
 public:
  explicit EntityExtractor(const EntityModel& model)
      : model_(model), people_(model.lexicon(), model.countries()), organisations_(model.lexicon(), model.countries()) {}

  ArticleEntities Extract(const Article& article) const;
  // The spans Extract takes its people and organisations from (no person
  // candidates unless `english`); for scoring spans against a gold standard.
  PeopleAndOrganisations FindNames(const TokenStream& stream, bool english = true) const;

 private:
  const EntityModel& model_;
  PersonFinder people_;
  OrganisationFinder organisations_;
};

}  // namespace newsfacet
