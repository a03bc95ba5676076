#include "indexer/entities/lower_case_use.h"

namespace newsfacet {

LowerCaseUse::LowerCaseUse(const std::vector<Token>& tokens) {
  for (const Token& token : tokens) {
    if (token.is_word && token.capitalized) capitalized_.Insert(token.word(), static_cast<uint32_t>(capitalized_.size()));
  }
  also_lower_case_.assign(capitalized_.size(), false);
  for (const Token& token : tokens) {
    if (!token.is_word || token.capitalized) continue;
    if (uint32_t n = capitalized_.Find(token.word()); n != WordTable::kMissing) also_lower_case_[n] = true;
  }
}

bool LowerCaseUse::WrittenInLowerCase(const Token& token) const {
  if (!token.capitalized) return true;
  const uint32_t n = capitalized_.Find(token.word());
  return n != WordTable::kMissing && also_lower_case_[n];
}

}  // namespace newsfacet
