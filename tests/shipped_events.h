// The event detector with the shipped rules (schemas/events.json), and the
// events it finds in a title and body: what the event tests check against.
#pragma once

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>

#include "analysis/data_files.h"
#include "indexer/entities/event_detector.h"

namespace newsfacet::testing {

inline const EventDetector& ShippedEventDetector() {
  static const EventDetector detector = [] {
    EventDetector loaded;
    REQUIRE(EventDetector::Load(DataDirectory(), &loaded).ok());
    return loaded;
  }();
  return detector;
}

// The events the article reports (its facet values).
inline std::set<std::string> Reported(std::string_view title, std::string_view body) {
  std::set<std::string> ids;
  for (const EventMention& event : ShippedEventDetector().Detect(Tokenize(title, body))) {
    if (event.salient) ids.insert(event.id);
  }
  return ids;
}

// Every event it names, reported or mentioned in passing.
inline std::set<std::string> Mentioned(std::string_view title, std::string_view body) {
  std::set<std::string> ids;
  for (const EventMention& event : ShippedEventDetector().Detect(Tokenize(title, body))) ids.insert(event.id);
  return ids;
}

}  // namespace newsfacet::testing
