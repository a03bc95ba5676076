// Named beside the news but not the news: an event that is the occasion of a
// story (after, before, citing it), the topic of a plan, a talk or a fund,
// a deal not made (may, seen, refused, evaded), a report not confirmed.
// Guards that hold for a trigger's own modifiers ("near") discount only the
// match they stand beside. Each class of error is pinned with invented text.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "indexer/entities/event_detector.h"
#include "tests/shipped_events.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

std::set<std::string> ReportedBy(const EventDetector& detector, const char* title, const char* body) {
  std::set<std::string> ids;
  for (const EventMention& event : detector.Detect(Tokenize(title, body))) {
    if (event.salient) ids.insert(event.id);
  }
  return ids;
}

}  // namespace

TEST_CASE("events: a near guard discounts the trigger it stands beside, not the rest of its sentence") {
  EventDetector detector;
  REQUIRE(detector
              .LoadVocabulary(nlohmann::json::parse(R"json({
    "threshold": 3.0,
    "events": [{"id": "flood", "label": "Flood", "triggers": [{"pattern": "(flood|floods)", "weight": 3}]}],
    "guards": [{"id": "modifier", "scope": "sentence", "kind": "background", "near": "after", "within": 1,
                "patterns": ["relief"]}]})json"))
              .ok());
  CHECK_FALSE(ReportedBy(detector, "", "Flood relief was sent.").count("flood"));
  CHECK(ReportedBy(detector, "", "Floods swept the valley and relief was sent.").count("flood"));
  CHECK(ReportedBy(detector, "", "Flood waters rose and relief was sent.").count("flood"));
  nlohmann::json bad = nlohmann::json::parse(R"json({"events": [],
    "guards": [{"id": "g", "scope": "article", "near": "before", "patterns": ["after"]}]})json");
  CHECK_FALSE(EventDetector().LoadVocabulary(bad).ok());
}

TEST_CASE("events: an event that is the occasion of a market or rating story is not reported") {
  CHECK_FALSE(Reported("Asian shares defy post-quake gloom",
                       "Stock markets in the region rose on Wednesday. The government cut its growth forecast, made "
                       "before tsunamis hit the coast.")
                  .count("natural_disaster"));
  CHECK_FALSE(Reported("RATING AGENCY CUTS OILCO DEBT",
                       "The agency said it downgraded 3 billion dlrs of Oilco debt. It cited Oilco's filing under "
                       "Chapter 11 on Sunday.")
                  .count("bankruptcy"));
  CHECK(Reported("OILCO FILES FOR CHAPTER 11", "Oilco said it filed for protection under Chapter 11 on Sunday.")
            .count("bankruptcy"));
  CHECK(Reported("Earthquake kills 200 in the mountains", "A powerful earthquake struck the region on Monday.")
            .count("natural_disaster"));
}

TEST_CASE("events: an event named as the modifier of a plan, a talk, a law or a fund is a topic, not news, but a merger proposal is a bid") {
  CHECK_FALSE(Reported("BANKS IN MERGER TALKS", "The two banks said they were holding merger talks.").count("acquisition"));
  CHECK(Reported("WIDGET CO RECEIVES MERGER PROPOSAL", "Widget Co said it received a merger proposal from Gadget Inc.")
            .count("acquisition"));
  CHECK_FALSE(Reported("CARCO HAS NO COMMENT ON BOND ISSUE PLAN", "Carco said it would not comment on a bond issue plan.")
                  .count("share_offering"));
  CHECK_FALSE(Reported("Tsunami debt deal to be announced",
                       "Ministers hope to announce a freeze on debt repayments by tsunami-hit nations on Friday.")
                  .count("natural_disaster"));
  CHECK(Reported("WIDGET CO AGREES MERGER WITH GADGET INC", "Widget Co said it agreed to a merger with Gadget Inc.")
            .count("acquisition"));
}

TEST_CASE("events: a deal refused, evaded, only possible or still talked over has not been made") {
  CHECK_FALSE(Reported("Carmaker pays $2bn to evade buyout", "The carmaker will pay its partner to evade a buyout.")
                  .count("acquisition"));
  CHECK_FALSE(Reported("Premier presses allies on climate",
                       "The premier is pressing the US to cut emissions despite its unwillingness to sign the Kyoto "
                       "Protocol.")
                  .count("agreement"));
  CHECK_FALSE(Reported("SHIPPING LINE MAY REFLAG TANKERS",
                       "The line may register its tankers abroad to protect them from Iranian missile attacks in the "
                       "Gulf.")
                  .count("military_clash"));
  CHECK_FALSE(Reported("BANK MAY ACQUIRE RIVAL", "The bank may acquire its rival, analysts said.").count("acquisition"));
  CHECK(Reported("BANK TO ACQUIRE RIVAL", "The bank said it agreed to acquire its rival for 40 mln dlrs.")
            .count("acquisition"));
}

TEST_CASE("events: a report a company will not confirm, and an accord named again and again, report nothing") {
  CHECK_FALSE(Reported("CARCO SILENT ON BOND REPORT",
                       "Carco declined to confirm or deny a newspaper report that it was studying the possibility of "
                       "issuing a convertible bond.")
                  .count("share_offering"));
  CHECK_FALSE(Reported("MINISTER BACKS TIN PACT EXTENSION",
                       "The minister said he supported an extension of the tin pact, but a new pact was not "
                       "necessary. The pact runs out in June.")
                  .count("agreement"));
  CHECK(Reported("STATES SIGN TIN PACT", "The producing states signed a new tin pact on Friday.").count("agreement"));
}

TEST_CASE("events: the notes that finance a purchase are part of the deal, and an award is no legal action") {
  const char* title = "WIDGET CO ACQUIRES GADGET INC";
  const char* body = "Widget Co said it acquired Gadget Inc, financed by a private placement of senior subordinated "
                     "notes.";
  CHECK(Reported(title, body).count("acquisition"));
  CHECK_FALSE(Reported(title, body).count("share_offering"));
  CHECK(Mentioned(title, body).count("share_offering"));
  CHECK_FALSE(Reported("Director hails Oscar win", "The director won the best live action short film award on Sunday.")
                  .count("lawsuit"));
  CHECK_FALSE(Reported("BOND MARKET SEEN REVIVING", "Dealers said the eurobond market would revive in June.")
                  .count("share_offering"));
}

TEST_CASE("events: an event told in a relative clause describes a participant, not the news") {
  const char* title = "Former minister criticises budget";
  const char* body = "Ann Lee, who resigned as health minister, criticised the budget plans on Monday.";
  CHECK_FALSE(Reported(title, body).count("resignation"));
  CHECK(Mentioned(title, body).count("resignation"));
  CHECK(Reported("Health minister quits", "Ann Lee resigned as health minister on Monday.").count("resignation"));
}

TEST_CASE("events: a results story tells the results, and the Chapter 11 case it names is its setting") {
  const char* body = "Retailco said it had a net loss of 1.2 mln dlrs in the fourth quarter, its first under Chapter 11 "
                     "protection, against a profit of 500,000 dlrs.";
  CHECK(Reported("RETAILCO 4TH QTR NET LOSS", body).count("earnings"));
  CHECK_FALSE(Reported("RETAILCO 4TH QTR NET LOSS", body).count("bankruptcy"));
  CHECK(Reported("RETAILCO FILES FOR CHAPTER 11, POSTS LOSS", body).count("bankruptcy"));
}
