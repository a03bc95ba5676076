#include "indexer/entities/organisation_finder.h"

#include <memory>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "tests/entity_model_fixture.h"

#include "analysis/data_files.h"
#include "indexer/entities/entity_extractor.h"
#include "analysis/person_key.h"

using namespace newsfacet;

namespace {

const EntityModel& Model() { return testing::SharedEntityModel(); }

struct Found {
  std::set<std::string> organisations;  // ids
  std::set<std::string> people;         // ids
};

Found Extract(const std::string& body) {
  Article article;
  article.body = body;
  ArticleEntities entities = EntityExtractor(Model()).Extract(article);
  Found found;
  for (const OrganisationMention& organisation : entities.organisations) found.organisations.insert(organisation.id);
  for (const PersonMention& person : entities.people) found.people.insert(person.id);
  return found;
}

}  // namespace

TEST_CASE("organisations: a firm named after its founders is an organisation, never a person") {
  Found found = Extract(
      "Merrill Lynch and Co Inc said its profit rose. Analysts at Merrill Lynch expect more, "
      "said John Smith of Morgan Stanley and Co.");
  CHECK(found.organisations.count("merrill-lynch"));
  CHECK(found.organisations.count("morgan-stanley"));
  CHECK(found.people == std::set<std::string>{"john-smith"});
}

TEST_CASE("organisations: a leading country, a short form and a unit join one value") {
  Found found = Extract(
      "The U.S. State Department said on Monday the embassy was closed. The State Department later "
      "clarified its warning.");
  CHECK(found.organisations == std::set<std::string>{"state-department"});
  found = Extract("Merrill Lynch Capital Markets led the issue for Merrill Lynch and Co Inc.");
  CHECK(found.organisations == std::set<std::string>{"merrill-lynch"});
  found = Extract("Standard and Poor's Corp cut the rating, said Goldman, Sachs and Co and British Petroleum Co Plc.");
  CHECK(found.organisations == std::set<std::string>{"standard-and-poor", "goldman-sachs", "british-petroleum"});
  CHECK(Extract("Shares of General Motors Corp rose.").organisations == std::set<std::string>{"general-motors"});
}

TEST_CASE("organisations: agencies, banks and ministries, not competitions or places") {
  CHECK(Extract("The state-run Anadolu agency said the attacker was a police officer.").organisations.count("anadolu"));
  CHECK(Extract("The Bank of England held rates, and the Finance Ministry agreed.").organisations ==
        std::set<std::string>{"bank-of-england", "finance-ministry"});
  CHECK(Extract("Brazil won the World Cup in Mexico City.").organisations.empty());
  CHECK(Extract("Ships crossed the Black Sea, and voters in Niger State went to the polls.").organisations.empty());
  CHECK(Extract("Maria Gomez leads the South American Network for Epidemic Response.").organisations ==
        std::set<std::string>{"south-american-network-for-epidemic-response"});
}

TEST_CASE("organisations: a person the rules find on their own evidence is not the tagger's organisation") {
  Found found = Extract("Governor Aminu Lawal said 11 people had died in the floods.");
  CHECK(found.people == std::set<std::string>{"aminu-lawal"});
  CHECK(found.organisations.empty());
}

TEST_CASE("organisations: an Arabic article and one word that names no one in the article is an organisation") {
  Found found = Extract(
      "Diego Cupolo, a photojournalist in Ankara, told Al Jazeera there were about 100 armed soldiers at the scene.");
  CHECK(found.organisations.count("al-jazeera"));
  CHECK(found.people == std::set<std::string>{"diego-cupolo"});
  // A role after it, or the person's full name in the article, makes it someone's.
  CHECK_FALSE(Extract("\"It is understandable,\" said Al Breach, an economist at UBS Brunswick.")
                  .organisations.count("al-breach"));
  found = Extract(
      "Hicham El Guerrouj won the 1,500 metres in Rome. El Guerrouj said the race was the best of his life.");
  CHECK(found.organisations.empty());
}

TEST_CASE("organisations: a lone surname of someone the article names in full is that person, not the tagger's organisation") {
  Found found = Extract(
      "Oil prices must stay at 18 dlrs a barrel, OAPEC Assistant General Secretary Abdelaziz Al-Wattari said today. "
      "Al-Wattari said OPEC output was still under pressure. Cutbacks had left too little gas, Al-Wattari added.");
  CHECK(found.people.count(PersonKey("Abdelaziz Al-Wattari")));
  for (const std::string& organisation : found.organisations) CHECK(organisation.find("wattari") == std::string::npos);
}

TEST_CASE("organisations: a religious title before a name makes it a person's, not the tagger's organisation") {
  Found found = Extract(
      "He then continued in Arabic, saying: \"We are the descendants of those who supported the Prophet Muhammad, "
      "for jihad.\"");
  CHECK(found.organisations.empty());
}

TEST_CASE("organisations: \"Al\" or \"El\" written apart from one word is an organisation only as a news source") {
  // "Al" is a given name, "El" a Spanish article.
  Found found = Extract("Al Kaplan, another former Phibro Energy executive, will join the new company.");
  CHECK_FALSE(found.organisations.count("al-kaplan"));
  found = Extract(
      "Actors that failed to win for their iconic roles included Al Jolson in the Jazz Singer (1927) and Cary Grant.");
  CHECK_FALSE(found.organisations.count("al-jolson"));
  found = Extract("Forecasters said El Nino would bring rain. El Nino's role is being closely studied.");
  CHECK(found.organisations.empty());
  // Told, or reporting, it is an outlet.
  CHECK(Extract("The minister told Al Jazeera the talks would resume.").organisations.count("al-jazeera"));
  CHECK(Extract("The Algerian daily El Watan reported that the strike had ended.").organisations.count("el-watan"));
}


TEST_CASE("organisations: a name a lower-case outlet word stands beside is a news outlet, not a person") {
  Found found = Extract(
      "One of Cuba's most acclaimed authors died at the age of 79, the official newspaper Granma reported on "
      "Saturday. Zycie Warszawy daily said on Saturday the bid was too low.");
  CHECK(found.organisations.count("granma"));
  CHECK(found.organisations.count("zycie-warszawy"));
  CHECK(found.people.empty());
  // A title or a given name after the outlet word opens a person's name.
  found = Extract("The agency's Director John Smith said the figures were revised, the newspaper Monday reported.");
  CHECK(found.people == std::set<std::string>{"john-smith"});
  CHECK(found.organisations.empty());
}

TEST_CASE("organisations: company words of other languages and a utility's last word make no person's name") {
  Found found = Extract(
      "PARIS, March 9 - Regie Nationale des Usines Renault said it plans to cut 1,300 jobs. A grain import monopoly "
      "held by EPAC (Empresa Publica de Abastecimento de Cereais) is being reduced, said Finance Minister Miguel "
      "Cadilhe. The SEC plans to recommend that the Washington Public Power Supply System (WPPSS) be charged.");
  CHECK(found.people == std::set<std::string>{PersonKey("Miguel Cadilhe")});
  // Nor do they cut a firm's name short.
  const std::set<std::string> firm = Extract("American Telephone and Telegraph Co said profits rose.").organisations;
  REQUIRE(firm.size() == 1);
  CHECK(firm.begin()->find("telegraph") != std::string::npos);
}
