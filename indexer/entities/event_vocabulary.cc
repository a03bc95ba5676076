// Loading the event vocabulary (schemas/events.json) into an EventDetector.
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "indexer/entities/event_detector.h"

namespace newsfacet {

Status EventDetector::Load(const std::filesystem::path& data_dir, EventDetector* detector) {
  const std::filesystem::path path = data_dir / "events.json";
  std::ifstream in(path);
  if (!in) return Status::Error("cannot read " + path.string());
  nlohmann::json vocabulary = nlohmann::json::parse(in, nullptr, false);
  if (vocabulary.is_discarded()) return Status::Error(path.string() + " is not valid JSON");
  Status status = detector->LoadVocabulary(vocabulary);
  if (!status.ok()) return Status::Error(path.string() + ": " + status.message());
  return Status::Ok();
}

Status EventDetector::LoadVocabulary(const nlohmann::json& vocabulary) {
  if (!vocabulary.is_object() || !vocabulary.value("events", nlohmann::json()).is_array()) {
    return Status::Error("expected an object with an \"events\" array");
  }
  threshold_ = vocabulary.value("threshold", 3.0);
  const nlohmann::json positions = vocabulary.value("position_weights", nlohmann::json::object());
  title_weight_ = positions.value("title", 3.0);
  lead_weight_ = positions.value("lead", 2.0);
  body_weight_ = positions.value("body", 1.0);
  const nlohmann::json salience = vocabulary.value("salience", nlohmann::json::object());
  body_min_score_ = salience.value("body_min_score", threshold_);
  body_min_sentences_ = salience.value("body_min_sentences", 1);
  anchor_weight_ = salience.value("anchor_weight", 0.0);
  prominent_min_score_ = salience.value("prominent_min_score", 0.0);
  unanchored_min_score_ = salience.value("unanchored_min_score", 0.0);
  single_sentence_min_anchor_ = salience.value("single_sentence_min_anchor", 0.0);
  long_article_sentences_ = salience.value("long_article_sentences", 0);
  lead_sentences_ = salience.value("lead_sentences", 2);
  if (lead_sentences_ < 0 || lead_sentences_ > 2) return Status::Error("\"lead_sentences\" is from 0 to 2");
  std::map<std::string, int> index_of;
  for (const auto& event : vocabulary["events"]) {
    index_of[event.value("id", "")] = static_cast<int>(events_.size());
    events_.push_back({event.value("id", ""), event.value("label", ""), {}, {}});
  }
  std::string error;
  for (const auto& event : vocabulary["events"]) {
    const int owner = index_of[event.value("id", "")];
    for (const auto& implied : event.value("implies", nlohmann::json::array())) {
      if (implied.is_string() && index_of.count(implied.get<std::string>())) {
        events_[static_cast<size_t>(owner)].implies.push_back(index_of[implied.get<std::string>()]);
      }
    }
    for (const auto& superseded : event.value("supersedes", nlohmann::json::array())) {
      if (superseded.is_string() && index_of.count(superseded.get<std::string>())) {
        events_[static_cast<size_t>(owner)].supersedes.push_back(index_of[superseded.get<std::string>()]);
      }
    }
    for (const auto& trigger : event.value("triggers", nlohmann::json::array())) {
      Pattern pattern;
      if (!ParseEventPattern(trigger.value("pattern", ""), &pattern, &error)) return Status::Error(error);
      pattern.weight = trigger.value("weight", 1.0);
      pattern.owner = owner;
      triggers_.Add(std::move(pattern), first_words_);
    }
  }
  return LoadGuards(vocabulary, index_of);
}

Status EventDetector::LoadGuards(const nlohmann::json& vocabulary, const std::map<std::string, int>& index_of) {
  std::string error;
  auto add_patterns = [&](const nlohmann::json& entries, int owner, PatternSet& set) {
    for (const auto& entry : entries) {
      Pattern pattern;
      std::string text = entry.is_string() ? entry.get<std::string>() : entry.value("pattern", "");
      if (!ParseEventPattern(text, &pattern, &error)) return false;
      pattern.weight = entry.is_object() ? entry.value("weight", 1.0) : 1.0;
      pattern.owner = owner;
      set.Add(std::move(pattern), first_words_);
    }
    return true;
  };
  for (const auto& guard_json : vocabulary.value("guards", nlohmann::json::array())) {
    Guard guard;
    guard.id = guard_json.value("id", "");
    guard.article_scope = guard_json.value("scope", "sentence") == "article";
    guard.background = guard_json.value("kind", "sense") == "background";
    guard.min_score = guard_json.value("min_score", guard_json.value("threshold", 1.0));
    guard.factor = guard_json.value("factor", 0.0);
    guard.organisation_weight = guard_json.value("organisation_weight", 0.0);
    if (guard_json.value("years", "") == "earlier") guard.earlier_year_within = guard_json.value("within", 5);
    if (guard.earlier_year_within > 0 && guard.article_scope) return Status::Error("\"years\" is for sentence guards only");
    const std::string near = guard_json.value("near", "");
    if (near == "before") guard.near_before = guard_json.value("within", 3);
    if (near == "after") guard.near_after = guard_json.value("within", 3);
    if (!near.empty() && near != "before" && near != "after") return Status::Error("\"near\" is \"before\" or \"after\"");
    if (!near.empty() && (guard.article_scope || guard.earlier_year_within > 0)) {
      return Status::Error("\"near\" is for sentence guards without \"years\"");
    }
    if (guard.factor < 0 || guard.factor > 1) return Status::Error("a guard's factor must be from 0 to 1 (guards only discount)");
    for (const auto& event : guard_json.value("events", nlohmann::json::array())) {
      if (event.is_string() && index_of.count(event.get<std::string>())) guard.events.push_back(index_of.at(event.get<std::string>()));
    }
    const int owner = static_cast<int>(guards_.size());
    const nlohmann::json unless = guard_json.value("unless", nlohmann::json::object());
    guard.unless_min_score = unless.value("min_score", 0.0);
    guard.unless_country_weight = unless.value("country_weight", 0.0);
    guards_.push_back(guard);
    if (!add_patterns(guard_json.value("patterns", nlohmann::json::array()), owner, guard_patterns_) ||
        !add_patterns(unless.value("patterns", nlohmann::json::array()), owner, unless_patterns_)) {
      return Status::Error(error);
    }
  }
  return Status::Ok();
}

const std::string& EventDetector::LabelOf(const std::string& id) const {
  static const std::string kUnknown;
  for (const Event& event : events_) {
    if (event.id == id) return event.label;
  }
  return kUnknown;
}

}  // namespace newsfacet
