// Finds the organisations an article names: companies, banks, agencies,
// ministries, parties, international bodies.
//
// Two sources, both kept apart from people:
// - structure: a capitalised run that a legal form follows ("Merrill Lynch
//   and Co Inc", "Texaco Inc"), that ends in an organisation's word ("State
//   Department", "Salomon Brothers"), or that a lower-case "agency" follows
//   ("the state-run Anadolu agency");
// - the name tagger's ORG names of two words or more, and its capitalised
//   acronyms ("OPEC", "IMF").
// Places, competitions ("World Cup") and people's titles are not taken. A
// leading country ("U.S. State Department") is dropped when two words or
// more remain, and a shorter spelling ("Merrill Lynch", "Merrill") joins
// the one longer name it starts, so one organisation is one value.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "schemas/store/article_entities.h"
#include "indexer/entities/country_gazetteer.h"
#include "indexer/entities/name_lexicon.h"
#include "indexer/entities/name_tagger.h"
#include "indexer/entities/token_stream.h"

namespace newsfacet {

struct OrganisationSpan {
  size_t begin = 0, end = 0;  // tokens of the name
  std::string name;           // as written, without a leading country or "The"
  bool structural = false;    // found by structure, not only by the tagger
  // "Reagan Administration", "Thatcher Government": one name and a
  // governing word; the name still names the leader.
  bool leader_body = false;
};

class OrganisationFinder {
 public:
  OrganisationFinder(const NameLexicon& lexicon, const CountryGazetteer& countries)
      : lexicon_(lexicon), countries_(countries) {}

  std::vector<OrganisationSpan> Find(const TokenStream& stream, const std::vector<NameSpan>& names) const;

 private:
  bool LinksRun(const Token& before, const Token& link, const Token& last, bool legal_form_after) const;
  size_t ExtendThroughOf(const std::vector<Token>& tokens, size_t end) const;
  size_t RunStart(const std::vector<Token>& tokens, size_t end) const;
  bool IsLegalForm(const Token& token) const;
  bool HeadsOrganisation(const Token& token) const;
  // The names a lower-case outlet word at `i` ("agency", "daily", "newspaper")
  // stands beside, before and after it, as token ranges (empty when none).
  std::array<std::pair<size_t, size_t>, 2> OutletNamesAt(const std::vector<Token>& tokens, size_t i) const;
  void AddSpan(const std::vector<Token>& tokens, size_t begin, size_t end, bool structural,
               std::vector<OrganisationSpan>* spans) const;

  const NameLexicon& lexicon_;
  const CountryGazetteer& countries_;
};

// One mention per organisation, spellings merged (see above), most mentioned first.
std::vector<OrganisationMention> CountOrganisations(const std::vector<OrganisationSpan>& spans);

}  // namespace newsfacet
