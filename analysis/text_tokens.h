// Words of an article's original text, with where they are and the term
// each one became in the index.
//
// The index holds folded text (FoldForSearch), but snippets show the text
// as written: "Altıntaş" must be found by its term "altintas". So the
// original is split into words the way Xapian's TermGenerator splits, each
// word is folded and lower-cased on its own, and marks go back on the
// original bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

struct TextToken {
  size_t begin = 0;       // byte offsets in the text
  size_t end = 0;
  size_t char_begin = 0;  // code point offsets, for measuring snippets
  size_t char_end = 0;
  std::string key;        // folded, lower-case: the word's exact term in the index
};

// Words as Xapian's TermGenerator finds them, closely enough to mark:
// letters, marks, digits and '_'; an apostrophe or '&' between letters
// ("don't", "AT&T"), '.' or ',' between digits ("1,000.5"), dotted
// acronyms ("U.S." -> "us"); each CJK character is a word of its own.
// `text` should be valid UTF-8; invalid bytes separate words.
std::vector<TextToken> TokenizeText(std::string_view text);

// The lower-cased, folded form of one word (what TokenizeText puts in `key`).
std::string TokenKey(std::string_view word);

}  // namespace newsfacet
