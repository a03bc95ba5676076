#include "indexer/entities/name_lexicon.h"

#include <algorithm>
#include <bit>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "tests/entity_model_fixture.h"

using namespace newsfacet;

namespace {

// Each list's own lookup beside the bit ListsOf gives for it.
void CheckListsAgree(const NameLexicon& lexicon, const std::string& word) {
  CAPTURE(word);
  const uint32_t lists = lexicon.ListsOf(word);
  CHECK(lexicon.IsFirstName(word) == ((lists & NameLexicon::kFirstNames) != 0));
  CHECK(lexicon.IsAmbiguousFirstName(word) == ((lists & NameLexicon::kAmbiguousFirstNames) != 0));
  CHECK(lexicon.IsOrganizationWord(word) ==
        ((lists & (NameLexicon::kOrganizationWords | NameLexicon::kRuleOrganizationWords)) != 0));
  CHECK(lexicon.IsNonNameWord(word) == ((lists & NameLexicon::kNonNameWords) != 0));
  CHECK(lexicon.IsAttributionVerb(word) == ((lists & NameLexicon::kAttributionVerbs) != 0));
  CHECK(lexicon.IsParticle(word) == ((lists & NameLexicon::kParticles) != 0));
  CHECK(lexicon.IsSuffix(word) == ((lists & NameLexicon::kSuffixes) != 0));
  CHECK(lexicon.IsGoverningWord(word) == ((lists & NameLexicon::kGoverningWords) != 0));
  CHECK(lexicon.IsHeadlineVerb(word) ==
        ((lists & (NameLexicon::kHeadlineVerbs | NameLexicon::kAttributionVerbs)) != 0));
  CHECK(lexicon.IsHonorific(word) == ((lists & NameLexicon::kHonorifics) != 0));
  CHECK(lexicon.IsDocumentWord(word) == ((lists & NameLexicon::kDocumentWords) != 0));
  CHECK(lexicon.IsTitle(word) == ((lists & NameLexicon::kTitles) != 0));
  CHECK(lexicon.StartsTitle(word) == ((lists & NameLexicon::kTitleFirstWords) != 0));
  CHECK(lexicon.EndsTitle(word) == ((lists & NameLexicon::kTitleLastWords) != 0));
}

}  // namespace

TEST_CASE("name lexicon: one ListsOf lookup names every list a word is on, as each list's own lookup does") {
  const NameLexicon& lexicon = testing::SharedEntityModel().lexicon();
  const std::vector<std::string> words = {
      "john",   "paris",  "grace",     "minister", "foreign minister", "foreign", "president", "bank",
      "said",   "says",   "van",       "al",       "jr",               "prophet", "agreement", "administration",
      "the",    "oil",    "reuters",   "corp",     "secretary",        "state",   "chairman",  "",
      "kremlin", "xyzzy", "vladimir",  "mr",       "of",               "de",      "inc",       "airport",
      "empresa", "usines"};
  for (const std::string& word : words) CheckListsAgree(lexicon, word);
  // A word on several lists carries all their bits.
  int most_lists = 0;
  for (const std::string& word : words) most_lists = std::max(most_lists, std::popcount(lexicon.ListsOf(word)));
  CHECK(most_lists >= 2);
}

TEST_CASE("name lexicon: names and titles added by hand are found by ListsOf too") {
  NameLexicon lexicon;
  CHECK(lexicon.ListsOf("zebedee") == 0);
  lexicon.AddFirstName("zebedee");
  lexicon.AddTitle("Deputy Harbour Master");
  CHECK(lexicon.ListsOf("zebedee") == NameLexicon::kFirstNames);
  CHECK(lexicon.ListsOf("deputy") == NameLexicon::kTitleFirstWords);
  CHECK(lexicon.ListsOf("master") == NameLexicon::kTitleLastWords);
  CHECK(lexicon.ListsOf("deputy harbour master") == NameLexicon::kTitles);
  CHECK(lexicon.ListsOf("harbour") == 0);
  for (const std::string word : {"zebedee", "deputy", "master", "deputy harbour master", "harbour"}) {
    CheckListsAgree(lexicon, word);
  }
}

TEST_CASE("name lexicon: organisation words only the rules read are organisation words, but not to the tagger") {
  const NameLexicon& lexicon = testing::SharedEntityModel().lexicon();
  for (const std::string word : {"empresa", "sociedad", "usines", "gesellschaft", "system", "development"}) {
    CAPTURE(word);
    CHECK(lexicon.IsOrganizationWord(word));
    CHECK((lexicon.ListsOf(word) & NameLexicon::kOrganizationWords) == 0);
  }
}
