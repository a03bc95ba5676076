// Named but not reported: elections no one has voted in, threats and
// warnings, and events that are the setting or the history of a story about
// something else. Each class of error is pinned with invented text.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "indexer/entities/event_detector.h"
#include "tests/shipped_events.h"

using namespace newsfacet;
using namespace newsfacet::testing;

TEST_CASE("events: an election no one has voted in, counted or set a day for is politics, not the event") {
  const char* title = "Donor's election gift to the party";
  const char* body = "A businessman has given the party two million pounds to fight the general election. The party said "
                     "the money would pay for posters and leaflets.";
  CHECK_FALSE(Reported(title, body).count("election"));
  CHECK(Mentioned(title, body).count("election"));
  CHECK(Reported("Ruling party wins the election", "The ruling party won 200 seats in the general election, official "
                                                   "results showed on Monday.")
            .count("election"));
  CHECK(Reported("Voters choose a new parliament", "Voters went to the polls on Sunday in a parliamentary election.")
            .count("election"));
  CHECK(Reported("Markets cheer the president's victory",
                 "Stocks closed higher in response to the president's victory in the presidential elections.")
            .count("election"));
}

TEST_CASE("events: a strike threatened and job losses warned of are not reported") {
  const char* title = "Strike threat over pension plans";
  const char* body = "Union leaders have warned that teachers will take strike action over the pension changes.";
  CHECK_FALSE(Reported(title, body).count("strike"));
  CHECK(Mentioned(title, body).count("strike"));
  CHECK_FALSE(Reported("Thousands 'to lose textile jobs'",
                       "Thousands of textile workers will lose their jobs when the quotas end, a charity has warned.")
                  .count("layoffs"));
  CHECK(Reported("CARMAKER CUTS 2,000 JOBS", "The carmaker said it had cut 2,000 jobs at its northern plant.")
            .count("layoffs"));
  CHECK(Reported("Teachers strike over pay", "Teachers went on strike on Monday, closing schools across the city.")
            .count("strike"));
}

TEST_CASE("events: an accident recalled, a dated summit and a benefit show are the setting of the story") {
  CHECK_FALSE(Reported("Walker aims for a comeback next year",
                       "The walker recalls the car accident that ended his season as he plans his return. He is "
                       "training again.")
                  .count("accident"));
  CHECK_FALSE(Reported("Premier sets a date for the Africa report",
                       "The report will be published in March, and July's G8 summit will use it as the basis for talks.")
                  .count("summit"));
  CHECK_FALSE(Reported("Stars join a tsunami TV show", "Film stars will appear in a tsunami TV show next week.")
                  .count("natural_disaster"));
  CHECK_FALSE(Reported("Volcano drama erupts on TV", "A volcano drama about an eruption near Naples is shown tonight.")
                  .count("natural_disaster"));
  CHECK_FALSE(Reported("INDIA SETS GRAIN TARGET", "India set a grain target of 160 mln tonnes, assuming normal monsoon rains.")
                  .count("natural_disaster"));
  CHECK(Reported("Tsunami kills thousands", "A tsunami struck the coast on Sunday, killing thousands.")
            .count("natural_disaster"));
  CHECK(Reported("Leaders meet at G8 summit", "The G8 summit opened in Scotland on Wednesday with talks on Africa.")
            .count("summit"));
}

TEST_CASE("events: merger rules and a flotation of another month are no deal and no offering") {
  CHECK_FALSE(Reported("SENATOR WANTS TIGHTER MERGER RULES",
                       "A senator said regulators were allowing too many airline mergers and proposed a bill to tighten "
                       "merger rules.")
                  .count("acquisition"));
  CHECK(Reported("ACME TO MERGE WITH BETA", "Acme Inc said it agreed to merge with Beta Corp in a stock swap.")
            .count("acquisition"));
  CHECK_FALSE(Reported("Shares fall as staff sell",
                       "Restrictions were imposed ahead of its flotation in August, to stop shares being dumped.")
                  .count("share_offering"));
}

TEST_CASE("events: a company's supply contract with a state is no agreement between states") {
  CHECK_FALSE(Reported("Emirate and oil group in $4bn gas deal",
                       "The oil group has signed a $4bn deal with the emirate to supply liquefied gas to Europe.")
                  .count("agreement"));
  CHECK(Reported("Russia and Ukraine strike gas deal", "Russia and Ukraine struck a deal on gas transit, ending their dispute.")
            .count("agreement"));
}

TEST_CASE("events: a stake sold down, cuts a strike opposes and the crash a trial is about are not reported") {
  CHECK_FALSE(Reported("INVESTORS DUMP ACME STAKE",
                       "A group of investors told the SEC it sold its entire stake in Acme Inc, 6.0 pct of the shares.")
                  .count("acquisition"));
  CHECK_FALSE(Reported("MINERS CALL STRIKES OVER RESTRUCTURING",
                       "Miners have called a 72-hour strike to protest against a restructuring plan that entails "
                       "layoffs, union sources said.")
                  .count("layoffs"));
  const std::set<std::string> trial = Reported("Rail executives go on trial",
                                               "Five rail executives went on trial on Monday. Four people died when a "
                                               "train derailed at speed near the station.");
  CHECK(trial.count("trial"));
  CHECK_FALSE(trial.count("accident"));
  CHECK(Reported("Train derails, killing four", "A train derailed on Sunday, killing four people.").count("accident"));
}

TEST_CASE("events: a rights plan is no dividend and a bankruptcy trustee takes no office") {
  CHECK_FALSE(Reported("ACME ADOPTS DIVIDEND RIGHTS PLAN",
                       "Acme Inc said its board declared a dividend of one preferred stock purchase right on each share.")
                  .count("dividend"));
  CHECK(Reported("ACME RAISES QUARTERLY DIVIDEND", "Acme Inc said its board declared a quarterly dividend of 25 cts a share.")
            .count("dividend"));
  const std::set<std::string> trustee =
      Reported("COURT TO APPOINT TRUSTEE FOR ACME", "A bankruptcy court said it will appoint a trustee for Acme Inc, which "
                                                    "filed for bankruptcy under Chapter 11 last week.");
  CHECK_FALSE(trustee.count("appointment"));
}

TEST_CASE("events: convictions called wrongful, and a bombing dated a few words on, are the history of an apology") {
  const char* title = "Premier apologises over old jailings";
  const char* body = "The premier apologised to families who suffered a miscarriage of justice.\n\n"
                     "He spoke of the wrongful jailing of six people for bomb attacks on two pubs in the city in 1975. "
                     "The six were wrongly convicted of planting the bombs. Each was wrongly convicted, a court found. "
                     "Two more were wrongly convicted. A seventh was wrongly convicted as well.";
  CHECK_FALSE(Reported(title, body).count("conviction"));
  CHECK_FALSE(Reported(title, body).count("bombing"));
  CHECK(Mentioned(title, body).count("bombing"));
  CHECK(Reported("Bombers jailed for pub attacks", "Six men were convicted on Monday of planting bombs in two pubs.")
            .count("conviction"));
}
