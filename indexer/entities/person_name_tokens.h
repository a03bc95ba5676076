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

}  // namespace newsfacet::person_tokens
