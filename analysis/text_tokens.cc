#include "analysis/text_tokens.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <xapian.h>

#include "analysis/search_folding.h"
#include "analysis/utf8.h"

namespace newsfacet {
namespace {

enum class CharKind { kOther, kWord, kCjk };

CharKind Classify(char32_t c) {
  if (c < 0x80) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return word ? CharKind::kWord : CharKind::kOther;
  }
  const int32_t mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  if (!(mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_PC_MASK))) return CharKind::kOther;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL) {
    return CharKind::kCjk;
  }
  return CharKind::kWord;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsUpperAscii(char32_t c) { return c >= 'A' && c <= 'Z'; }

// Walks the text one code point at a time, counting code points; ASCII,
// most of any news text, is decoded inline.
struct Cursor {
  std::string_view text;
  size_t pos = 0;
  size_t chars = 0;

  bool done() const { return pos >= text.size(); }
  // The code point at `at`, and where the next one starts.
  char32_t At(size_t at, size_t* next) const {
    const unsigned char byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      *next = at + 1;
      return byte;
    }
    *next = at;
    return DecodeUtf8(text, next);
  }
  char32_t Peek(size_t* next) const { return At(pos, next); }
  char32_t Next() {
    ++chars;
    return At(pos, &pos);
  }
  void AdvanceTo(size_t next) {
    ++chars;
    pos = next;
  }
};

}  // namespace

std::string TokenKey(std::string_view word) {
  bool plain = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\'' || c == '.') plain = false;
  }
  std::string key;
  if (plain) {
    key.assign(word);
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
  }
  std::string acronym;  // "U.S." -> "US": Xapian indexes dotted acronyms without the dots
  bool dotted = word.size() >= 3 && word[1] == '.';
  for (char c : word) {
    if (c != '.' || !dotted) acronym.push_back(c);
  }
  return Xapian::Unicode::tolower(FoldForSearch(acronym));
}

std::vector<TextToken> TokenizeText(std::string_view text) {
  std::vector<TextToken> tokens;
  tokens.reserve(text.size() / 6);  // English averages about one word per six bytes
  Cursor cursor{text};
  while (!cursor.done()) {
    const size_t begin = cursor.pos, char_begin = cursor.chars;
    const char32_t first = cursor.Next();
    const CharKind kind = Classify(first);
    if (kind == CharKind::kOther) continue;
    if (kind == CharKind::kWord) {
      char32_t previous = first;
      bool acronym = IsUpperAscii(first);
      while (!cursor.done()) {
        size_t after = 0;
        const char32_t c = cursor.Peek(&after);
        if (Classify(c) == CharKind::kWord) {
          if (acronym && !IsUpperAscii(c)) acronym = false;
          previous = c;
          cursor.AdvanceTo(after);
          continue;
        }
        // A joiner stays in the word only with a word character after it.
        size_t after_next = after;
        const char32_t next = after < text.size() ? cursor.At(after, &after_next) : 0;
        const bool letters_around = Classify(previous) == CharKind::kWord && Classify(next) == CharKind::kWord;
        const bool joins = ((c == '\'' || c == 0x2019 || c == '&') && letters_around && !IsDigit(next)) ||
                           ((c == '.' || c == ',') && IsDigit(previous) && IsDigit(next)) ||
                           (c == '.' && acronym && IsUpperAscii(previous) && IsUpperAscii(next));
        if (!joins) break;
        cursor.AdvanceTo(after);
      }
      // "U.S." keeps its final dot, as the acronym's last letter has one.
      std::string_view word = text.substr(begin, cursor.pos - begin);
      if (acronym && word.size() >= 3 && word[1] == '.' && cursor.pos < text.size() && text[cursor.pos] == '.') {
        cursor.Next();
        word = text.substr(begin, cursor.pos - begin);
      }
      tokens.push_back({begin, cursor.pos, char_begin, cursor.chars, TokenKey(word)});
      continue;
    }
    tokens.push_back({begin, cursor.pos, char_begin, cursor.chars, TokenKey(text.substr(begin, cursor.pos - begin))});
  }
  return tokens;
}

}  // namespace newsfacet
