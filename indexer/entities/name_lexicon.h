// The word lists person finding leans on: first names, titles that precede
// a name, words that mark organisations, capitalised words that are never
// names, attribution verbs, name particles. Loaded from
// schemas/data/first_names.txt and schemas/data/person_cues.json; all
// lookups take folded, lower-case words (Token::folded).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "status.h"

namespace newsfacet {

class NameLexicon {
 public:
  static Status Load(const std::filesystem::path& data_dir, NameLexicon* lexicon);

  bool IsFirstName(const std::string& word) const { return first_names_.count(word) > 0; }
  // Given names that are also common words or places ("Paris", "Grace"): weaker evidence.
  bool IsAmbiguousFirstName(const std::string& word) const { return ambiguous_first_names_.count(word) > 0; }
  // Words that make a capitalised run an organisation or a facility
  // ("Bank", "Ministry", "Airport", "Park"), not a person.
  bool IsOrganizationWord(const std::string& word) const { return organization_words_.count(word) > 0; }
  bool IsNonNameWord(const std::string& word) const { return non_name_words_.count(word) > 0; }
  bool IsAttributionVerb(const std::string& word) const { return attribution_verbs_.count(word) > 0; }
  bool IsParticle(const std::string& word) const { return particles_.count(word) > 0; }
  bool IsSuffix(const std::string& word) const { return suffixes_.count(word) > 0; }
  // Titles may be several words ("foreign minister"): `words` joined by spaces.
  bool IsTitle(const std::string& words) const { return titles_.count(words) > 0; }
  size_t LongestTitleWords() const { return longest_title_words_; }

  // For tests: add entries by hand.
  void AddFirstName(std::string word) { first_names_.insert(std::move(word)); }
  void AddTitle(const std::string& words);

 private:
  std::unordered_set<std::string> first_names_, ambiguous_first_names_, organization_words_, non_name_words_, attribution_verbs_,
      particles_, suffixes_, titles_;
  size_t longest_title_words_ = 1;
};

}  // namespace newsfacet
