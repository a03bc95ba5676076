#include "indexer/entities/country_gazetteer.h"

#include <string>

#include <doctest/doctest.h>

#include "tests/entity_model_fixture.h"

#include "indexer/entities/entity_extractor.h"

using namespace newsfacet;

namespace {

// Whether the article is about `code` (a facet value), not just naming it.
bool Salient(const std::string& title, const std::string& body, const std::string& code) {
  Article article;
  article.title = title;
  article.body = body;
  ArticleEntities entities = EntityExtractor(testing::SharedEntityModel()).Extract(article);
  for (const CountryMention& country : entities.countries) {
    if (country.code == code) return country.salient;
  }
  return false;
}

}  // namespace

TEST_CASE("countries: a place in the story's terms after its opening sentence is not what the story is about") {
  const std::string title = "NIPPON STEEL ISSUES YEN BOND";
  // The wire's second sentence gives a bond's terms: where it is listed.
  CHECK_FALSE(Salient(title,
                      "LONDON, March 3 - Nippon Steel Corp is issuing a 10 billion yen bond due 1994 paying five pct "
                      "and priced at 101, lead manager Nomura said. The bonds are in denominations of one mln yen and "
                      "will be listed in Luxembourg. The selling concession is one pct.",
                      "LU"));
  // The opening sentence itself still makes a country the story's subject.
  CHECK(Salient(title,
                "LONDON, March 3 - Luxembourg is issuing a 10 billion yen bond due 1994, lead manager Nomura said. "
                "The bonds are in denominations of one mln yen. The selling concession is one pct.",
                "LU"));
}
