// Finds the people an article names.
//
// Capitalised word runs are the candidates ("Russian President Vladimir
// Putin", "Bashar al-Assad", "George W. Bush"). Leading titles and
// demonyms are trimmed off and become evidence, as do a known first name,
// an age ("Andrey Karlov, 62,", "22-year-old Mevlut Mert Altintas"), an
// attribution ("Karlov said", "said Putin", "according to ..."), and
// several unknown capitalised words in a row. Organisations and places are
// rejected. Then, within the article, a surname-only mention ("Karlov",
// "Mr Putin") joins the full name given elsewhere in it; what stays
// unresolved is left for the index-wide pass (surname_resolver.h).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "schemas/store/article_entities.h"
#include "indexer/entities/country_gazetteer.h"
#include "indexer/entities/name_lexicon.h"
#include "indexer/entities/name_tagger.h"
#include "indexer/entities/token_stream.h"

namespace newsfacet {

struct PersonSpan {
  size_t begin = 0, end = 0;  // tokens of the name itself, titles excluded
  std::string name;           // as written, possessive dropped
  int name_words = 0;         // words and initials, particles excluded
  double evidence = 0;
  bool title_cue = false;     // a title stands before it ("President Reagan")
  // That title, with the office it names, as written: "Chancellor of the
  // Exchequer", "Federal Reserve Chairman"; "" without one, or for a mere
  // form of address ("Mr.").
  std::string role;
  // An apposition after it gives a person's role: ", leader of the
  // Freedom Front", ", an economist at ..." (a title word in lower case
  // before the next comma or sentence end).
  bool role_after = false;
  bool accepted = false;      // a person on its own evidence
  // The whole span is a place name ("Jordan", "Washington"): a person only
  // when the article names someone so ("Michael Jordan ... Jordan said").
  bool place_name = false;
  // A lone word the article also writes in lower case ("Trade", "Note"):
  // capitalised only by position, so never resolved beyond the article.
  bool common_word = false;
  // An organisation by the name tagger or by its use ("Moody's said"): never a person.
  bool organisation = false;
};

class LowerCaseUse;
class WordTable;

class PersonFinder {
 public:
  PersonFinder(const NameLexicon& lexicon, const CountryGazetteer& countries)
      : lexicon_(lexicon), countries_(countries) {}

  // Every capitalised candidate, with its evidence; `accepted` marks those
  // that are people on their own. `names` are the name tagger's spans (in
  // token order, may be empty): a candidate it tags a person gains
  // evidence, one it tags an organisation is rejected.
  std::vector<PersonSpan> FindSpans(const TokenStream& stream, const std::vector<NameSpan>& names = {}) const;

 private:
  bool StartsChunk(const std::vector<Token>& tokens, size_t i, bool title_all_caps) const;
  size_t ChunkEnd(const std::vector<Token>& tokens, size_t begin) const;
  static constexpr size_t kNoRole = SIZE_MAX;
  // Titles (person_finder_titles.cc).
  size_t TrimLeading(const std::vector<Token>& tokens, size_t begin, size_t end, bool* title_cue,
                     size_t* role_begin) const;
  size_t TrimLeadingWords(const std::vector<Token>& tokens, size_t begin, size_t end, bool* title_cue,
                          size_t* role_begin) const;
  bool OpensSentenceBeforeName(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  size_t TrimInnerTitle(const std::vector<Token>& tokens, size_t begin, size_t end, bool* title_cue,
                        size_t* role_begin) const;
  size_t TrimGluedWord(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  static void NoteRole(size_t start, size_t* role_begin);
  static std::string RoleText(const std::vector<Token>& tokens, size_t begin, size_t end);
  // Evidence (person_finder_evidence.cc).
  bool Assess(const std::vector<Token>& tokens, bool title_cue, PersonSpan* span) const;
  static std::pair<size_t, size_t> NicknameIn(const std::vector<Token>& tokens, size_t begin, size_t end);
  bool GivenNameParticle(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  void WeighUseInArticle(const std::vector<Token>& tokens, const WordTable& lone_words, PersonSpan* span) const;
  static void AcceptListNeighbours(const std::vector<Token>& tokens, std::vector<PersonSpan>& spans);
  double ContextEvidence(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  double InitialsEvidence(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  bool NationalityAfter(const std::vector<Token>& tokens, size_t end) const;
  bool NamedWithNationality(const std::vector<Token>& tokens, const PersonSpan& span) const;
  bool RoleAfter(const std::vector<Token>& tokens, size_t end) const;
  static bool RelativeWhoAfter(const std::vector<Token>& tokens, size_t end);
  bool GoverningWordAfter(const std::vector<Token>& tokens, size_t end) const;
  size_t PortfolioTitleStart(const std::vector<Token>& tokens, size_t begin) const;
  bool InDateline(const std::vector<Token>& tokens, size_t end) const;
  struct Chunk {  // a run of tokens that may name a person
    size_t begin, end;
    bool title_cue;
    size_t role_begin = kNoRole;  // where its title starts, if any
    bool capitals_only = false;   // from a sentence in capitals: someone the article names, or no one
  };
  void AddHeadlineSurnames(const std::vector<Token>& tokens, std::vector<Chunk>& chunks) const;
  void AddCapitalsMentions(const std::vector<Token>& tokens, std::vector<Chunk>& chunks) const;
  bool NextChunk(const std::vector<Token>& tokens, size_t& i, Chunk* chunk) const;
  std::vector<Chunk> FindChunks(const TokenStream& stream, const LowerCaseUse& lower_case, WordTable& lone_words) const;
  size_t TitleStartBefore(const std::vector<Token>& tokens, size_t begin) const;
  bool ContinuesOrganization(const std::vector<Token>& tokens, size_t begin) const;
  // The tagger's word on an all-capitals headline is not taken against a person.
  void WeighTaggedNames(const std::vector<Token>& tokens, const std::vector<NameSpan>& names, bool all_caps_title,
                        std::vector<PersonSpan>& spans) const;
  bool IsHyphenedPair(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  size_t NameWordsIn(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  size_t TitleAt(const std::vector<Token>& tokens, size_t begin, size_t end) const;
  size_t TitleInto(const std::vector<Token>& tokens, size_t begin, size_t end, size_t* title_start) const;

  const NameLexicon& lexicon_;
  const CountryGazetteer& countries_;
};

}  // namespace newsfacet
