// Token tests the PersonFinder files share: numbers, initials, quotes,
// contractions. Internal to indexer/entities/person_finder*.cc.
#pragma once

#include <algorithm>
#include <vector>

#include "indexer/entities/token_stream.h"

namespace newsfacet::person_tokens {

inline bool IsNumber(const Token& token) {
  return token.is_word && !token.text.empty() && std::all_of(token.text.begin(), token.text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

inline bool IsQuoteOrComma(const Token& token) {
  return token.text == "," || token.text == "\"" || token.text == "\xE2\x80\x9D" || token.text == "\xE2\x80\x9C" ||
         token.text == "'";
}

inline bool IsDoubleQuote(const Token& token) {
  return token.text == "\"" || token.text == "\xE2\x80\x9D" || token.text == "\xE2\x80\x9C";
}

// "I'm", "We've", "Don't": an apostrophe before lower-case letters other
// than a possessive "s". Names have a capital there ("O'Brien", "D'Alema").
inline bool IsContraction(const Token& token) {
  const std::string& text = token.text;
  const size_t apostrophe = text.find('\'');
  if (apostrophe == std::string::npos || apostrophe + 1 >= text.size()) return false;
  const char next = text[apostrophe + 1];
  return next >= 'a' && next <= 'z' && !(token.possessive && apostrophe + 2 == text.size());
}

inline bool IsInitial(const Token& token) { return token.is_word && token.text.size() == 1 && token.capitalized; }

// "M. Slater", "A. Dale": an initial, its dot, then a name written apart.
inline bool StartsInitials(const std::vector<Token>& tokens, size_t begin, size_t end) {
  return begin + 2 < end && IsInitial(tokens[begin]) && tokens[begin + 1].text == "." && tokens[begin + 2].is_word &&
         tokens[begin + 2].capitalized;
}

// Roberto "Hands of Stone" Duran: after a given name at `k - 1`, a quoted
// nickname of one to four words, the first capitalised, and then the
// surname. Returns the tokens from `k` to the closing
// quote, 0 when there is no such nickname.
inline size_t NicknameAt(const std::vector<Token>& tokens, size_t k) {
  constexpr size_t kLongestNickname = 4;
  if (k == 0 || k + 3 >= tokens.size() || !IsDoubleQuote(tokens[k]) || !tokens[k + 1].is_word ||
      !tokens[k + 1].capitalized) {
    return 0;
  }
  for (size_t close = k + 2; close < tokens.size() && close <= k + 1 + kLongestNickname; ++close) {
    const Token& token = tokens[close];
    if (IsDoubleQuote(token)) {
      const bool surname_after = close + 1 < tokens.size() && tokens[close + 1].is_word &&
                                 tokens[close + 1].capitalized && !tokens[close + 1].all_caps;
      return surname_after ? close - k + 1 : 0;
    }
    if (!token.is_word || token.sentence != tokens[k].sentence) return 0;
  }
  return 0;
}

}  // namespace newsfacet::person_tokens
