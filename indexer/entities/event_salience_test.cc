// Reported or only mentioned: the classes of error that made the event facet
// report what a story names in passing, each pinned with invented text.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "indexer/entities/event_detector.h"
#include "tests/shipped_events.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

// Sentences about something else, to make a story long.
std::string Filler(int sentences) {
  std::string text;
  for (int s = 0; s < sentences; ++s) {
    text += " The carmaker's new model goes on show in the spring, and dealers say early orders look healthy.";
  }
  return text;
}

}  // namespace

TEST_CASE("events: a long story's lead that names a deal once, never to come back to it, only mentions it") {
  const std::string lead = "Analysts said the group's deal to acquire a regional rival had not changed its plans.";
  const std::string story = lead + Filler(12);
  CHECK_FALSE(Reported("Carmaker shows its new model", story).count("acquisition"));
  CHECK(Mentioned("Carmaker shows its new model", story).count("acquisition"));
  // A brief's lead is the whole story.
  CHECK(Reported("PACIFIC FOODS TO BUY BAKERY", "Pacific Foods Inc said it agreed to acquire Coastal Bakery Co for 20 mln dlrs.")
            .count("acquisition"));
}

TEST_CASE("events: a bankruptcy named only in the body of a story about something else is background") {
  const std::string body = "The airline's pilots agreed new rosters on Tuesday." + Filler(3) +
                           " The carrier filed for Chapter 11 bankruptcy protection with large debts." + Filler(3) +
                           " It has operated under Chapter 11 since then." + Filler(3) +
                           " Its lenders have backed the airline through the Chapter 11 case." + Filler(2);
  CHECK_FALSE(Reported("Pilots agree new rosters", body).count("bankruptcy"));
  CHECK(Mentioned("Pilots agree new rosters", body).count("bankruptcy"));
}

TEST_CASE("events: monthly sales, a listing and national bankruptcy figures are no results, offering or bankruptcy") {
  CHECK_FALSE(Reported("CAR SALES RISE IN MARCH", "Sales of new cars rose 4.1 pct in March from a year earlier, the trade association said.")
                  .count("earnings"));
  CHECK(Reported("DELTA PAPER PROFITS RISE", "Delta Paper Co said its first quarter net profit rose 12 pct.").count("earnings"));
  CHECK_FALSE(Reported("HARBOUR BANK SHARES TO TRADE IN LONDON",
                       "Harbour Bank said its shares will be listed on the London stock exchange from Monday.")
                  .count("share_offering"));
  CHECK_FALSE(Reported("BUSINESS BANKRUPTCIES FALL", "Business bankruptcies fell 8 pct in the year, the statistics office said.")
                  .count("bankruptcy"));
}

TEST_CASE("events: hijacked computers are no kidnapping, and hackers named as a threat are no attack") {
  const std::set<std::string> found =
      Reported("Security report warns home users",
               "Hackers hijacked thousands of home computers to send spam, a security firm said in its yearly report.");
  CHECK_FALSE(found.count("kidnapping"));
  CHECK_FALSE(Reported("Security report warns small firms", "Hackers remain a threat to small firms, the report said.")
                  .count("cyberattack"));
  CHECK(Reported("Bank website hacked", "The bank's website was hacked on Monday and customer data stolen, police said.").count("cyberattack"));
}

TEST_CASE("events: a suit about surety bonds reports the suit, not an offering, and a trade dispute is no lawsuit") {
  const std::set<std::string> suit =
      Reported("HARBOUR ENERGY NAMED IN LAWSUIT",
               "Harbour Energy Inc said an insurer sued it, claiming it was induced to issue surety bonds for a former unit.");
  CHECK(suit.count("lawsuit"));
  CHECK_FALSE(suit.count("share_offering"));
  CHECK_FALSE(Reported("MINISTER SEES END OF TRADE ROW",
                       "The commerce minister said the two countries would settle their trade dispute within weeks.")
                  .count("lawsuit"));
}

TEST_CASE("events: selling notes is an offering, not an acquisition") {
  const std::set<std::string> found = Reported(
      "ORION TECHNOLOGIES TO RAISE FUNDS", "Orion Technologies Inc said it plans to sell 20 mln dlrs of convertible subordinated notes.");
  CHECK_FALSE(found.count("acquisition"));
  CHECK(found.count("share_offering"));
}

TEST_CASE("events: a predecessor's resignation of an earlier month is background to an appointment") {
  const std::set<std::string> found =
      Reported("PERRY FOODS NAMES NEW PRESIDENT",
               "Perry Foods Inc said it appointed John Smith president, replacing Tom Brown, who resigned January 12.");
  CHECK(found.count("appointment"));
  CHECK_FALSE(found.count("resignation"));
}

TEST_CASE("events: an election campaign before any vote is called is not an election reported") {
  CHECK_FALSE(Reported("Party leader faces questions on trust",
                       "The party leader will take on questions of trust during the election campaign, aides said. Voters "
                       "want answers.")
                  .count("election"));
  CHECK(Reported("Voters go to the polls in the capital", "Voters went to the polls on Sunday in a parliamentary election.")
            .count("election"));
}

TEST_CASE("events: a unit that purchased a privately held firm, or a group buying a company, reports an acquisition") {
  CHECK(Reported("ACME UNIT TO BUY ICE MOULDERS",
                 "Acme Corp said its moulding unit has purchased privately held Ice Moulders for an undisclosed amount.")
            .count("acquisition"));
  CHECK(Reported("AGENCY BUYS CLEVELAND CONSULTANTS",
                 "The advertising agency said it was buying Cleveland Consulting Associates Inc for 2.0 mln dlrs.")
            .count("acquisition"));
}

TEST_CASE("events: a headline's new chief, with the lead naming the appointment, reports it in a long story") {
  const std::string story = "Ann Lee, the new chief executive of Acme Inc, said she planned no changes." + Filler(12);
  CHECK(Reported("NEW ACME CHIEF PLANS NO CHANGES", story).count("appointment"));
}

TEST_CASE("events: shares being offered, a cash offer a share, a stake taken and a dividend being raised are reported") {
  CHECK(Reported("WIDGET CO OFFERING 2.5 MLN SHARES", "Widget Co said it is offering 2.5 mln shares of its common stock at "
                                                      "20 dlrs a share.")
            .count("share_offering"));
  CHECK(Reported("GADGET INC REFERS OFFER TO COMMITTEE", "Gadget Inc said Widget Co's proposed offer of 70 dlrs a share for "
                                                         "the 45 pct it does not hold was referred to a committee.")
            .count("acquisition"));
  CHECK(Reported("AIRLINE TO TAKE 15 PCT STAKE IN CARRIER",
                 "The airline said it agreed to take a 15 pct stake in the carrier for two mln stg.")
            .count("acquisition"));
  CHECK(Reported("Oil major's profits surge", "The oil major said annual profits rose 26% and it was increasing its "
                                              "fourth-quarter dividend by 26% to 8.5 cents.")
            .count("dividend"));
  // The same raise told in a second sentence stands outside the lead (the
  // first sentence): the recall the lead rule gives up for its precision.
  CHECK(Mentioned("Oil major's profits surge", "The oil major said annual profits rose 26%. It said it was increasing its "
                                               "fourth-quarter dividend by 26% to 8.5 cents.")
            .count("dividend"));
}

TEST_CASE("events: a percentage of a company bought, an acquisition made and a pact extended are reported") {
  CHECK(Reported("INVESTOR BUYS 5.2 PCT OF WIDGET CO", "An investor group said it bought 5.2 pct of Widget Co's stock.")
            .count("acquisition"));
  CHECK(Reported("GADGET INC MAKES ACQUISITION", "Gadget Inc said it made an acquisition in the plastics business.")
            .count("acquisition"));
  CHECK(Reported("COCOA PACT EXTENDED FOR TWO YEARS", "The producing and consuming members said the cocoa pact was "
                                                      "extended for two years.")
            .count("agreement"));
}

TEST_CASE("events: a resignation announced for a date, and directors who resign, are reported") {
  CHECK(Reported("WIDGET CO PRESIDENT TO RESIGN", "Ann Lee will resign on May one as president of Widget Co, the "
                                                  "company said.")
            .count("resignation"));
  CHECK(Reported("FIVE DIRECTORS OF GADGET INC RESIGN", "Gadget Inc said five directors resigned because they could not "
                                                        "obtain liability insurance.")
            .count("resignation"));
  CHECK(Reported("WIDGET CO TO RETIRE DEBT", "Widget Co said it will retire 50 mln dlrs of notes.").empty());
}

TEST_CASE("events: a bid submitted or raised, a letter of intent signed and a sale completed are acquisitions") {
  CHECK(Reported("GUNMAKER SUBMITS BID FOR RIVAL", "The gunmaker said it submitted a bid for its rival's business.")
            .count("acquisition"));
  CHECK(Reported("WIDGET CO SIGNS LETTER OF INTENT FOR GADGET", "Widget Co said it signed a letter of intent for Gadget "
                                                                "Inc.")
            .count("acquisition"));
  CHECK(Reported("TRIBUNE CO COMPLETES CABLE SYSTEM SALE", "Tribune Co said it completed the sale of its cable system.")
            .count("acquisition"));
}

TEST_CASE("events: a share offer named in the title is not superseded by the purchase it pays for") {
  const char* body = "Widget Co said it agreed to acquire Gadget Inc and filed for an initial public offering of two "
                     "mln shares to pay for it.";
  CHECK(Reported("WIDGET CO SETS INITIAL STOCK OFFER", body).count("share_offering"));
}

TEST_CASE("events: the lead is the first sentence, and an event a second sentence names is only mentioned") {
  // Reported where the story says what it is about: the title, or the first sentence.
  CHECK(Reported("Harbour Foods names new chief", "Harbour Foods chief executive John Hale resigned on Monday, the company said.")
            .count("resignation"));
  CHECK(Reported("Harbour Foods opens bakery",
                 "Harbour Foods chief executive John Hale resigned on Monday, the company said. The firm opened its new "
                 "bakery in Portland.")
            .count("resignation"));
  // The same clue a sentence later tells what else happened, not what the story reports.
  const std::string second = "Harbour Foods opened its new bakery in Portland on Monday, the company said. Its chief "
                             "executive John Hale resigned.";
  CHECK_FALSE(Reported("Harbour Foods opens bakery", second).count("resignation"));
  CHECK(Mentioned("Harbour Foods opens bakery", second).count("resignation"));
}
