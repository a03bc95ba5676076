// Facet values' labels for matching a typed prefix (/api/suggest, the facet
// filter boxes), kept until the index's names change.
//
// Matching a prefix names every value of a facet: tens of thousands of
// people and organisations on Reuters. Each of their names is a metadata
// lookup in the index (FacetLabels::Label: a B-tree descent, a few preads)
// and each label is then normalised for matching (NormalizeLabel); done per
// value and request, that made a suggestion cost hundreds of milliseconds.
// The cache keeps, per value, its label and the normalised words of label
// and id, for as long as the index's surname map is the same one: the map
// and the names are both written at the end of an index run, and the
// engine reads the map again when the first shard changes
// (SurnameMapCache). Thread-safe.
#pragma once

#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "searcher/facet.h"
#include "searcher/facet_labels.h"
#include "searcher/surname_lookup.h"

namespace newsfacet {

class LabelCache {
 public:
  explicit LabelCache(const FacetLabels& labels) : labels_(labels) {}

  // Of `ids`, the values of `facet` whose label, id or (for a country) other
  // names have a word starting with `prefix`, with their labels, in the
  // order of `ids`. `generation` is the surname map the caller reads the
  // index with; what was cached under another is dropped.
  std::vector<std::pair<std::string, std::string>> Matching(const Xapian::Database& db, Facet facet,
                                                           const std::vector<std::string>& ids,
                                                           std::string_view prefix,
                                                           const std::shared_ptr<const SurnameMap>& generation);

 private:
  struct Entry {
    std::string label;
    std::string label_words;  // NormalizeLabel(label)
    std::string id_words;     // NormalizeLabel(id)
  };
  bool SameGeneration(const std::shared_ptr<const SurnameMap>& generation) const;

  const FacetLabels& labels_;
  mutable std::shared_mutex mutex_;
  // A weak pointer: the map's memory cannot be reused for another while it
  // is held, so comparing owners never mistakes a new map for this one.
  std::weak_ptr<const SurnameMap> generation_;
  PerFacet<std::unordered_map<std::string, Entry>> entries_;
};

}  // namespace newsfacet
