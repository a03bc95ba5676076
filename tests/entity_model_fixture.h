// The entity model loaded once for all unit tests of a binary: loading it
// (gazetteers, ICU rules, the tagger) costs far more than any one test.
#pragma once

#include <memory>

#include <doctest/doctest.h>

#include "analysis/data_files.h"
#include "indexer/entities/entity_extractor.h"

namespace newsfacet::testing {

inline const EntityModel& SharedEntityModel(EntityModel::TaggerUse tagger = EntityModel::kWithTagger) {
  auto load = [](EntityModel::TaggerUse use) {
    std::unique_ptr<EntityModel> loaded;
    Status status = EntityModel::Load(DataDirectory(), &loaded, use);
    REQUIRE_MESSAGE(status.ok(), status.message());
    return loaded;
  };
  static const std::unique_ptr<EntityModel> with_tagger = load(EntityModel::kWithTagger);
  if (tagger == EntityModel::kWithTagger) return *with_tagger;
  static const std::unique_ptr<EntityModel> without_tagger = load(EntityModel::kWithoutTagger);
  return *without_tagger;
}

}  // namespace newsfacet::testing
