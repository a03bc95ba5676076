#include "indexer/entities/lower_case_use.h"

#include <doctest/doctest.h>

using namespace newsfacet;

namespace {

const Token& Find(const TokenStream& stream, const std::string& text) {
  for (const Token& token : stream.tokens) {
    if (token.text == text) return token;
  }
  FAIL("no token " << text);
  static Token none;
  return none;
}

}  // namespace

TEST_CASE("a capitalised word the article also writes in lower case is capitalised by position") {
  const TokenStream stream = Tokenize("", "Trade talks resumed. The trade deficit narrowed, Baker said.");
  const LowerCaseUse lower_case(stream.tokens);
  CHECK(lower_case.WrittenInLowerCase(Find(stream, "Trade")));
  CHECK_FALSE(lower_case.WrittenInLowerCase(Find(stream, "Baker")));
  CHECK(lower_case.WrittenInLowerCase(Find(stream, "talks")));  // lower case itself
}

TEST_CASE("lower-case use is judged on the folded word, whatever its accents") {
  const TokenStream stream = Tokenize("", "Élite troops arrived; the elite unit left.");
  const LowerCaseUse lower_case(stream.tokens);
  CHECK(lower_case.WrittenInLowerCase(Find(stream, "Élite")));
}
