// Which capitalised words an article also writes in lower case ("Trade"
// and "trade"): such a word is capitalised by its position, not because it
// names someone. Only capitalised words are asked about, and they are few.
#pragma once

#include <vector>

#include "analysis/word_table.h"
#include "indexer/entities/token_stream.h"

namespace newsfacet {

class LowerCaseUse {
 public:
  explicit LowerCaseUse(const std::vector<Token>& tokens);
  // True for a word written in lower case, or capitalised here and in
  // lower case somewhere in `tokens` (folded forms compared).
  bool WrittenInLowerCase(const Token& token) const;

 private:
  WordTable capitalized_;
  std::vector<bool> also_lower_case_;
};

}  // namespace newsfacet
