// The word lists person finding leans on: first names, titles that precede
// a name, words that mark organisations, capitalised words that are never
// names, attribution verbs, name particles. Loaded from
// schemas/data/first_names.txt and schemas/data/person_cues.json; all
// lookups take folded, lower-case words (Token::folded).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/word_table.h"
#include "common/status.h"

namespace newsfacet {

class NameLexicon {
 public:
  static Status Load(const std::filesystem::path& data_dir, NameLexicon* lexicon);

  bool IsFirstName(HashedWord word) const { return first_names_.Contains(word); }
  // Given names that are also common words or places ("Paris", "Grace"): weaker evidence.
  bool IsAmbiguousFirstName(HashedWord word) const { return ambiguous_first_names_.Contains(word); }
  // Words that make a capitalised run an organisation or a facility
  // ("Bank", "Ministry", "Airport", "Park"), not a person. Also true of the
  // rule_organization_words ("Empresa", "Usines", "System"), which the
  // tagger's features do not read (ListsOf gives them kRuleOrganizationWords),
  // so that the shipped model stays what its script makes.
  bool IsOrganizationWord(HashedWord word) const { return organization_words_.Contains(word); }
  bool IsNonNameWord(HashedWord word) const { return non_name_words_.Contains(word); }
  bool IsAttributionVerb(HashedWord word) const { return attribution_verbs_.Contains(word); }
  bool IsParticle(HashedWord word) const { return particles_.Contains(word); }
  bool IsSuffix(HashedWord word) const { return suffixes_.Contains(word); }
  // Words that, after a lone surname, name that person's government or
  // circle: "the Reagan administration", "a Thatcher aide".
  bool IsGoverningWord(HashedWord word) const { return governing_words_.Contains(word); }
  // Present-tense verbs a headline speaks with ("VOLCKER SEES ..."), besides
  // the attribution verbs. Kept apart from those: the tagger's features use them.
  bool IsHeadlineVerb(HashedWord word) const { return headline_verbs_.Contains(word) || IsAttributionVerb(word); }
  // Religious and honorific titles ("Prophet", "Caliph") that only the
  // person rules read as titles: kept apart from the tagger's features, like
  // the headline verbs, so the shipped model stays what its script makes.
  bool IsHonorific(HashedWord word) const { return honorifics_.Contains(word); }
  // Adverbs and conjunctions that open a sentence and never a name
  // ("Neither Lebed nor ..."): trimmed from a name found at a sentence's
  // start. Kept apart from the tagger's features, like the honorifics.
  bool IsSentenceOpener(HashedWord word) const { return sentence_openers_.Contains(word); }
  // Words that make a capitalised run a treaty or a law ("Multi-Fibre Agreement").
  bool IsDocumentWord(HashedWord word) const { return document_words_.Contains(word); }
  // Titles may be several words ("foreign minister"): `words` joined by spaces.
  bool IsTitle(HashedWord words) const { return titles_.Contains(words); }
  size_t LongestTitleWords() const { return longest_title_words_; }
  // Whether some title starts / ends with this word: one lookup that spares
  // building and looking up the word runs around most words.
  bool StartsTitle(HashedWord word) const { return title_first_words_.Contains(word); }
  bool EndsTitle(HashedWord word) const { return title_last_words_.Contains(word); }

  // Every list above that holds `word`, as List bits, in one lookup: the
  // name tagger asks ten of them of each word it looks at.
  enum List : uint32_t {
    kFirstNames = 1u << 0,
    kAmbiguousFirstNames = 1u << 1,
    kOrganizationWords = 1u << 2,
    kNonNameWords = 1u << 3,
    kAttributionVerbs = 1u << 4,
    kParticles = 1u << 5,
    kSuffixes = 1u << 6,
    kGoverningWords = 1u << 7,
    kHeadlineVerbs = 1u << 8,  // the list alone, without the attribution verbs
    kHonorifics = 1u << 9,
    kDocumentWords = 1u << 10,
    kTitles = 1u << 11,
    kTitleFirstWords = 1u << 12,
    kTitleLastWords = 1u << 13,
    kSentenceOpeners = 1u << 14,
    kRuleOrganizationWords = 1u << 15,
  };
  uint32_t ListsOf(HashedWord word) const {
    const uint32_t entry = lists_of_.Find(word);
    return entry == WordTable::kMissing ? 0 : list_bits_[entry];
  }

  // For tests: add entries by hand.
  void AddFirstName(const std::string& word) { Add(word, first_names_, kFirstNames); }
  void AddTitle(const std::string& words);

 private:
  // Puts `words` on `list`, and records that in ListsOf.
  void Add(const std::string& words, WordTable& list, List bit);

  WordTable first_names_, ambiguous_first_names_, organization_words_, non_name_words_, attribution_verbs_,
      particles_, suffixes_, governing_words_, headline_verbs_, honorifics_, sentence_openers_, document_words_, titles_,
      title_first_words_, title_last_words_;
  WordTable lists_of_;               // every word of every list -> its index in list_bits_
  std::vector<uint32_t> list_bits_;  // List bits
  size_t longest_title_words_ = 1;
};

}  // namespace newsfacet
