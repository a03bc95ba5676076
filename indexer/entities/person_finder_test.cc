#include "indexer/entities/person_finder.h"

#include <map>
#include <memory>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "tests/entity_model_fixture.h"

#include "analysis/data_files.h"
#include "indexer/entities/entity_extractor.h"
#include "indexer/entities/surname_resolver.h"
#include "analysis/person_key.h"

using namespace newsfacet;

namespace {

const EntityModel& Model() { return testing::SharedEntityModel(); }

struct Found {
  std::set<std::string> people;      // display spellings
  std::set<std::string> unresolved;  // surname keys left for the index-wide step
};

Found Extract(const std::string& body, const std::string& title = "") {
  Article article;
  article.title = title;
  article.body = body;
  ArticleEntities entities = EntityExtractor(Model()).Extract(article);
  Found found;
  for (const PersonMention& person : entities.people) found.people.insert(person.name);
  for (const auto& [surname, mentions] : entities.unresolved_surnames) found.unresolved.insert(surname);
  return found;
}

}  // namespace

TEST_CASE("people: an organisation's name after \"of\" or \"for\" is not a person") {
  CHECK(Extract("Maria Gomez, who leads the South American Network for Epidemic Response, said cases rose.").people ==
        std::set<std::string>{"Maria Gomez"});
  // Trimmed to the name before the check: the first name keeps it a person.
  CHECK(Extract("Bank of England Governor Mark Carney said rates would hold.").people.count("Mark Carney"));
}

TEST_CASE("people: contractions and continents do not start names") {
  Found found = Extract("\"I'm not worried,\" he said. Europe agreed, and We've heard it all before, Africa said.");
  CHECK(found.people.empty());
  CHECK(found.unresolved.empty());
}

TEST_CASE("people: a lone surname leaves the article only with a cue that it is a person") {
  CHECK(Extract("Erdogan claims the plot failed.").unresolved == std::set<std::string>{PersonKey("Erdogan")});
  CHECK(Extract("Shares of Apple rose, and Oscar season began.").unresolved.empty());
}

TEST_CASE("people: a leader's government or circle names the leader by surname") {
  CHECK(Extract("Congress opposed a plan of the Reagan administration on fees.").unresolved ==
        std::set<std::string>{PersonKey("Reagan")});
  CHECK(Extract("In March the Reagan Administration cut the quota.").unresolved ==
        std::set<std::string>{PersonKey("Reagan")});
  Found found = Extract("A senior Thatcher aide said the vote would be close.");
  CHECK(found.unresolved == std::set<std::string>{PersonKey("Thatcher")});
  CHECK(found.people.empty());
  // Never a person by itself, nor a place's government.
  CHECK(Extract("The Ontario government said it would appeal.").people.empty());
  CHECK(Extract("The Jordan government said it would appeal.").unresolved.empty());
  CHECK(Extract("In March the Federal Aviation Administration grounded the jets.").unresolved.empty());
}

TEST_CASE("surname resolution: the only full name, or one holding 80% of the articles, and never a tie") {
  CHECK(DominantFullName({}) == "");
  CHECK(DominantFullName({{"andrey-karlov", 1}}) == "andrey-karlov");
  CHECK(DominantFullName({{"nancy-reagan", 2}, {"ronald-reagan", 23}, {"reagan-adminstration", 1}}) == "ronald-reagan");
  CHECK(DominantFullName({{"james-baker", 31}, {"howard-baker", 12}}) == "");
  CHECK(DominantFullName({{"john-smith", 4}, {"jane-smith", 1}}) == "john-smith");
  CHECK(DominantFullName({{"jane-smith", 3}, {"john-smith", 3}}) == "");
}

TEST_CASE("people: titles and glued words are stripped from a name") {
  CHECK(Extract("Chancellor of the Exchequer Nigel Lawson said sterling was stable.").people ==
        std::set<std::string>{"Nigel Lawson"});
  CHECK(Extract("Federal Reserve Chairman Paul Volcker told Congress rates would hold.").people ==
        std::set<std::string>{"Paul Volcker"});
  CHECK(Extract("Agriculture Secretary Richard Lyng said the plan would stand.").people ==
        std::set<std::string>{"Richard Lyng"});
  CHECK(Extract("Unlike Paul Volcker, the new chairman said little.").people == std::set<std::string>{"Paul Volcker"});
  CHECK(Extract("White House Chief of Staff Howard Baker said the talks went well.").people ==
        std::set<std::string>{"Howard Baker"});
}

TEST_CASE("people: two names joined by a hyphen are two parties, not one person") {
  Found found = Extract("Ronald Reagan met Mikhail Gorbachev. The Reagan-Gorbachev summit ended, Reagan said.");
  CHECK(found.people == std::set<std::string>{"Ronald Reagan", "Mikhail Gorbachev"});
  // A double-barrelled surname after a first name stays whole.
  CHECK(Extract("Bank of England Governor Robin Leigh-Pemberton said rates would hold.").people ==
        std::set<std::string>{"Robin Leigh-Pemberton"});
}

TEST_CASE("people: an all-capitals headline names a surname after a title or speaking first") {
  CHECK(Extract("", "PRESIDENT REAGAN VOWS NO TAX RATE INCREASE").unresolved == std::set<std::string>{PersonKey("Reagan")});
  CHECK(Extract("", "VOLCKER SAYS FED POLICY NOT RESPONSIBLE FOR PRIME RATE RISE").unresolved ==
        std::set<std::string>{PersonKey("Volcker")});
  CHECK(Extract("", "U.K.'S LAWSON SEES STERLING STABLE").unresolved == std::set<std::string>{PersonKey("Lawson")});
  // The body's full name takes the headline's surname.
  CHECK(Extract("Paul Volcker told Congress rates would hold.", "VOLCKER SAYS RATES TO HOLD").people ==
        std::set<std::string>{"Paul Volcker"});
  CHECK(Extract("", "JAPAN SAYS TRADE SURPLUS FELL").unresolved.empty());
  CHECK(Extract("", "BANK SAYS PROFIT ROSE").unresolved.empty());
  CHECK(Extract("", "HOUSE PASSES TRADE BILL, REAGAN SAYS VETO LIKELY").unresolved ==
        std::set<std::string>{PersonKey("Reagan")});
  CHECK(Extract("", "DOLLAR FALLS AS TRADERS SEE NO END").unresolved.empty());
}

TEST_CASE("people: an office's portfolio and a dateline's state are not part of a name") {
  Found found = Extract("Indonesia's Minister of Energy and Mines Subroto said prices would hold.");
  CHECK(found.people.empty());
  CHECK(found.unresolved == std::set<std::string>{PersonKey("Subroto")});
  CHECK(Extract("CHARLESTON, W. Va., March 2 - The company said profit rose, Va. Smith said.").people.empty());
}

TEST_CASE("people: words quoted whole are no one") {
  Found found = Extract("An officer who shouted \u201cDon\u2019t forget Aleppo\u201d and \u201cAllahu Akbar\u201d opened fire, "
                        "and Altintas was heard yelling \"Allahu Akbar\" as Andrey Karlov fell.");
  CHECK(found.people == std::set<std::string>{"Andrey Karlov"});
}

namespace {

// Each person's role in the article, by display name.
std::map<std::string, std::string> Roles(const std::string& body) {
  Article article;
  article.body = body;
  std::map<std::string, std::string> roles;
  for (const PersonMention& person : EntityExtractor(Model()).Extract(article).people) roles[person.name] = person.role;
  return roles;
}

}  // namespace

TEST_CASE("people: a title stripped from a name becomes the person's role, and is not part of the name") {
  CHECK(Roles("Chancellor of the Exchequer Nigel Lawson said sterling was stable.") ==
        std::map<std::string, std::string>{{"Nigel Lawson", "Chancellor of the Exchequer"}});
  CHECK(Roles("Federal Reserve Chairman Paul Volcker told Congress rates would hold. Volcker said little else.") ==
        std::map<std::string, std::string>{{"Paul Volcker", "Federal Reserve Chairman"}});
  CHECK(Roles("Russian President Vladimir Putin met Turkish Foreign Minister Mevlut Cavusoglu.") ==
        std::map<std::string, std::string>{{"Vladimir Putin", "President"}, {"Mevlut Cavusoglu", "Foreign Minister"}});
  // A form of address is no role; a name given without a title has none.
  CHECK(Roles("Mr. John Smith said the talks went well, and Jane Doe, 45, agreed.") ==
        std::map<std::string, std::string>{{"John Smith", ""}, {"Jane Doe", ""}});
}

namespace {

// Mentions per person id: how often the article names each.
std::map<std::string, int> Mentions(const std::string& body) {
  Article article;
  article.body = body;
  std::map<std::string, int> mentions;
  for (const PersonMention& person : EntityExtractor(Model()).Extract(article).people) mentions[person.id] = person.mentions;
  return mentions;
}

}  // namespace

TEST_CASE("people: an initial and a surname written apart, as scorecards write players, is a person") {
  Found found = Extract("Glamorgan 259 and 207 (A. Dale 69, H. Morris 69; D. Blenkiron 4-43).");
  CHECK(found.people.count("A. Dale"));
  CHECK(found.people.count("H. Morris"));
  CHECK(found.people.count("D. Blenkiron"));
  // A place after the initial is no surname.
  CHECK(Extract("Exports to W. Germany and E. Europe rose sharply in the year.").people.empty());
  Found found_places = Extract("N. Korea urges S. Korea to return war veteran.");
  CHECK(found_places.people.empty());
  CHECK(found_places.unresolved.empty());
}

TEST_CASE("people: a given name after a list number or before a month's name keeps its place in the name") {
  CHECK(Extract("Results:\n7. Rohan Robinson (Australia) 49.36\n8. Jearl Miles (U.S.) 50.42").people ==
        std::set<std::string>{"Rohan Robinson", "Jearl Miles"});
  CHECK(Extract("Andrei Medvedev (Ukraine) beat Jan Kroslak (Slovakia) 6-4 6-3.").people ==
        std::set<std::string>{"Andrei Medvedev", "Jan Kroslak"});
}

TEST_CASE("people: a results table's full name with its country is a person, whatever the tagger makes of the table") {
  Found found = Extract(
      "Women's singles, third round\nSandrine Testud (France) beat Ines Gorrochategui (Argentina) 4-6 6-2 6-1\n"
      "Dally Randriantefy (Madagascar) beat Asa Carlsson (Sweden) 6-4 6-3");
  CHECK(found.people.count("Sandrine Testud"));
  CHECK(found.people.count("Dally Randriantefy"));
}

TEST_CASE("people: a results table's lone word with its country is a club or a ground, not a person on that alone") {
  Found found = Extract(
      "European Cup basketball results\nBenetton (Italy) 92 Dinamo (Russia) 81\n"
      "At The Oval (London): Surrey beat Warwickshire by an innings.");
  CHECK(found.people.empty());
  // A scorer's minute still makes a lone surname a player.
  CHECK(Extract("Canada - Aunger (41st min, pen), Paul Peschisolido (42nd)").unresolved.count(PersonKey("Aunger")));
}

TEST_CASE("people: a sentence in capitals names the people the article names in full, and no one else") {
  std::map<std::string, int> mentions = Mentions(
      "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN .\n"
      "LONDON 1996-08-30\nThe world's costliest footballer Alan Shearer was named England captain on Friday.");
  CHECK(mentions[PersonKey("Alan Shearer")] == 2);
  CHECK(mentions.size() == 1);
  Found found = Extract("GOLF - HENKE TAKES LEAD IN MILWAUKEE .\nNolan Henke shot a 65 on Thursday.");
  CHECK(found.people == std::set<std::string>{"Nolan Henke"});
  // A capitals word the article does not write in a full name stays no one's.
  found = Extract("GOLF - HENKE TAKES LEAD IN MILWAUKEE .\nThe leader shot a 65 on Thursday, said Tom Lehman.");
  CHECK(found.people == std::set<std::string>{"Tom Lehman"});
  CHECK(found.unresolved.empty());
}

TEST_CASE("people: a numbered team sheet is a list of people, as far as it runs") {
  Found found = Extract(
      "South Africa - 15 - Andre Joubert, 14 - Justin Swart, 13 - Japie Mulder, 12 - Olo Brown, 11 - Walter Little.");
  CHECK(found.people.count("Japie Mulder"));
  CHECK(found.people.count("Olo Brown"));
  CHECK(found.people.count("Walter Little"));
}

TEST_CASE("people: a scorer written with the minute is a person") {
  CHECK(Extract("Israel 2, Bulgaria 0. Scorers: Haim Hajaj (47th), Nir Sivilia (57th).").people ==
        std::set<std::string>{"Haim Hajaj", "Nir Sivilia"});
}

TEST_CASE("people: two particles between a given name and a surname stay in the name") {
  CHECK(Extract("Springbok scrum-half Joost van der Westhuizen, 25, scored two tries.").people ==
        std::set<std::string>{"Joost van der Westhuizen"});
}

TEST_CASE("people: a name later shortened to its last word is a person, the short form opening a sentence too") {
  CHECK(Extract("Guerrillas met Faik Nerweyi of the Kurdistan Democratic Party in Chuman. "
                "Nerweyi spoke of the talks at length.")
            .people == std::set<std::string>{"Faik Nerweyi"});
}

TEST_CASE("people: \", who\" after a name is a person's cue, even for a lone surname") {
  // Without a cue a lone surname is left alone; with one it goes to the index-wide step.
  CHECK(Extract("The bank hired Kaplan last year.").unresolved.empty());
  CHECK(Extract("The bank hired Kaplan, who ran its oil desk, last year.").unresolved.count("kaplan"));
}

TEST_CASE("people: an apposition giving a role makes the name before it a person") {
  CHECK(Extract("Delegates cheered Constand Viljoen, leader of the Freedom Front party, at the congress.").people ==
        std::set<std::string>{"Constand Viljoen"});
}

TEST_CASE("people: a regnal number is part of the name") {
  CHECK(Extract("She was the daughter of Henry VIII and his second wife Anne Boleyn.").people ==
        std::set<std::string>{"Henry VIII", "Anne Boleyn"});
}

TEST_CASE("people: a weekday after a name dates the sentence and is no part of the name") {
  CHECK(Extract("Albright will meet Foreign Minister Jose Miguel Insulza Monday for talks.").people ==
        std::set<std::string>{"Jose Miguel Insulza"});
}

TEST_CASE("people: \"Al\" written apart from a surname is a given name (Al Jolson), \"El Nino\" no one") {
  CHECK(Extract("Actors that failed to win for their iconic roles included Al Jolson in the Jazz Singer (1927) "
                "and Cary Grant.")
            .people == std::set<std::string>{"Al Jolson", "Cary Grant"});
  CHECK(Extract("Al Kaplan, another former Phibro Energy executive, will join the new company.").people ==
        std::set<std::string>{"Al Kaplan"});
  CHECK(Extract("Forecasters said El Nino would bring rain. El Nino's role is being closely studied.").people.empty());
  // Told, it is an outlet: no one.
  CHECK(Extract("The minister told Al Jazeera the talks would resume.").people.empty());
}

TEST_CASE("people: an adverb or conjunction opening the sentence is no part of the name after it") {
  CHECK(Extract("Chechen rebel chief Aslan Maskhadov met Alexander Lebed in Dagestan. Neither Lebed nor Maskhadov "
                "made any statement before the talks.")
            .people == std::set<std::string>{"Aslan Maskhadov", "Alexander Lebed"});
  CHECK(Extract("Instead Joubert asked the court for more time.").people.count("Instead Joubert") == 0);
}

TEST_CASE("people: a quoted nickname inside a name is no part of the person's name") {
  std::map<std::string, int> mentions = Mentions(
      "Panamanian boxing legend Roberto \"Hands of Stone\" Duran climbs into the ring on Saturday. "
      "Duran, 45, takes on a little-known Mexican.");
  CHECK(mentions[PersonKey("Roberto Duran")] == 2);
  CHECK_FALSE(mentions.count(PersonKey("Roberto Hands of Stone Duran")));
}
