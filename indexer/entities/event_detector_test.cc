#include "entities/event_detector.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "data_files.h"

using namespace newsfacet;
using Json = nlohmann::json;

namespace {

EventDetector SmallVocabulary() {
  Json vocabulary = Json::parse(R"json({
    "threshold": 3.0,
    "events": [
      {"id": "assassination", "label": "Assassination", "implies": ["shooting"],
       "triggers": [{"pattern": "assassinat*", "weight": 3}, {"pattern": "(ambassador|envoy) ~3 (shot|killed)", "weight": 2}]},
      {"id": "shooting", "label": "Shooting", "triggers": [{"pattern": "shot ~2 dead", "weight": 3}, {"pattern": "opened fire", "weight": 2}]},
      {"id": "flood", "label": "Flood", "triggers": [{"pattern": "flood*", "weight": 2}]}
    ],
    "guards": [
      {"id": "metaphor", "scope": "sentence", "patterns": ["flood of"], "events": ["flood"]},
      {"id": "sports", "scope": "article", "threshold": 3, "factor": 0, "patterns": ["goal", "striker", "match"],
       "events": ["shooting"]}
    ]})json");
  EventDetector detector;
  REQUIRE(detector.LoadVocabulary(vocabulary).ok());
  return detector;
}

// The events reported: the facet values.
std::set<std::string> Ids(const std::vector<EventMention>& events) {
  std::set<std::string> ids;
  for (const EventMention& event : events) {
    if (event.salient) ids.insert(event.id);
  }
  return ids;
}

}  // namespace

TEST_CASE("events: patterns parse words, prefixes, alternatives and gaps") {
  EventDetector::Pattern pattern;
  std::string error;
  REQUIRE(ParseEventPattern("(shot|gunned) ~2 dead*", &pattern, &error));
  REQUIRE(pattern.words.size() == 2);
  CHECK(pattern.words[0].alternatives == std::vector<std::string>{"shot", "gunned"});
  CHECK(pattern.words[1].gap_before == 2);
  CHECK(pattern.words[1].alternatives == std::vector<std::string>{"dead*"});
  CHECK_FALSE(ParseEventPattern("~2 dead", &pattern, &error));
  CHECK_FALSE(ParseEventPattern("(shot|gunned dead", &pattern, &error));
  CHECK_FALSE(ParseEventPattern("sh*t", &pattern, &error));
  CHECK_FALSE(ParseEventPattern("dead ~2", &pattern, &error));
}

TEST_CASE("events: a title match alone is enough, a body mention alone is not") {
  EventDetector detector = SmallVocabulary();
  CHECK(Ids(detector.Detect(Tokenize("Russian envoy assassinated in Ankara", "Details follow."))) ==
        std::set<std::string>{"assassination", "shooting"});
  CHECK(Ids(detector.Detect(Tokenize("Markets", "One. Two. Police opened fire later."))).empty());
}

TEST_CASE("events: gaps allow a few words between pattern words, within one sentence") {
  EventDetector detector = SmallVocabulary();
  CHECK(Ids(detector.Detect(Tokenize("Guard shot him dead", ""))).count("shooting"));
  CHECK(Ids(detector.Detect(Tokenize("Guard shot at the four men. Dead calm", ""))).empty());
}

TEST_CASE("events: a sentence guard cancels a metaphor, an article guard a match report") {
  EventDetector detector = SmallVocabulary();
  CHECK(Ids(detector.Detect(Tokenize("A flood of orders for the shipyard", ""))).empty());
  CHECK(Ids(detector.Detect(Tokenize("Floods hit the valley", ""))) == std::set<std::string>{"flood"});
  CHECK(Ids(detector.Detect(Tokenize("Striker shot dead", "The goal came late in the match. The striker scored."))).empty());
}

TEST_CASE("events: the shipped vocabulary loads and labels its events") {
  EventDetector detector;
  Status status = EventDetector::Load(DataDirectory(), &detector);
  REQUIRE_MESSAGE(status.ok(), status.message());
  CHECK(detector.LabelOf("assassination") == "Assassination");
}

TEST_CASE("events: the labelled example sentences are mostly classified as a careful reader would") {
  EventDetector detector;
  REQUIRE(EventDetector::Load(DataDirectory(), &detector).ok());
  std::ifstream in(DataDirectory().parent_path() / "tests" / "data" / "event_sentences.jsonl");
  REQUIRE(in);
  int total = 0, exact = 0, false_alarms_on_negatives = 0, negatives = 0;
  for (std::string line; std::getline(in, line);) {
    Json example = Json::parse(line);
    std::string text = example["text"], position = example["position"];
    std::set<std::string> expected = example["events"].get<std::set<std::string>>();
    // Place the text where the example says it stands.
    TokenStream stream = position == "title" ? Tokenize(text, "")
                         : position == "lead" ? Tokenize("", text)
                                              : Tokenize("", "First. Second. " + text);
    std::set<std::string> found = Ids(detector.Detect(stream));
    ++total;
    if (found == expected) ++exact; else MESSAGE("expected " << expected.size() << " events, got " << found.size() << ": " << text);
    if (expected.empty()) {
      ++negatives;
      if (!found.empty()) ++false_alarms_on_negatives;
    }
  }
  REQUIRE(total >= 100);
  MESSAGE("event examples: " << exact << "/" << total << " exact, " << false_alarms_on_negatives << "/" << negatives
                             << " false alarms on negatives");
  CHECK(exact * 100 >= total * 80);
  CHECK(false_alarms_on_negatives * 100 <= negatives * 10);
}
