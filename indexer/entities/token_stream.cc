#include "token_stream.h"

#include <memory>
#include <mutex>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "search_folding.h"

namespace newsfacet {
namespace {

constexpr int kLeadSentences = 2;

struct BreakIterators {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
};

// Break iterators are costly to create and not thread-safe: one pair per thread.
BreakIterators& ThreadBreakIterators() {
  thread_local BreakIterators iterators = [] {
    UErrorCode status = U_ZERO_ERROR;
    BreakIterators created;
    created.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    // "ss=standard" adds the English abbreviation exceptions (Mr., Dr., U.S.).
    created.sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status) || !created.words || !created.sentences) {
      throw std::runtime_error(std::string("ICU break iterators unavailable: ") + u_errorName(status));
    }
    return created;
  }();
  return iterators;
}

std::string LowerFolded(std::string_view text) {
  std::string folded = FoldForSearch(text);
  bool ascii = true;
  for (char& c : folded) {
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ascii) return folded;
  std::string lowered;
  icu::UnicodeString::fromUTF8(folded).toLower(icu::Locale::getRoot()).toUTF8String(lowered);
  return lowered;
}

void SetCaseFlags(std::string_view text, Token& token) {
  int letters = 0, lower = 0, index = 0;
  bool first = true;
  const int32_t length = static_cast<int32_t>(text.size());
  while (index < length) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), index, length, c);
    if (c < 0 || !u_isalpha(c)) {
      first = false;
      continue;
    }
    ++letters;
    if (u_islower(c)) ++lower;
    if (first) token.capitalized = u_isupper(c) || u_istitle(c);
    first = false;
  }
  token.all_caps = letters >= 2 && lower == 0;
}

bool IsSpace(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

void TokenizePart(std::string_view text, TextPart part, int& sentence, TokenStream& stream) {
  if (text.empty()) return;
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // UTF-16 index -> UTF-8 byte offset, to hand out offsets into `text`.
  std::vector<uint32_t> byte_offset(static_cast<size_t>(unicode.length()) + 1);
  {
    int32_t utf16 = 0, utf8 = 0;
    const int32_t length = static_cast<int32_t>(text.size());
    while (utf8 < length) {
      int32_t start = utf8;
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), utf8, length, c);
      int32_t units = (c >= 0x10000) ? 2 : 1;
      for (int32_t u = 0; u < units && utf16 < unicode.length(); ++u) byte_offset[static_cast<size_t>(utf16++)] = static_cast<uint32_t>(start);
    }
    byte_offset.back() = static_cast<uint32_t>(text.size());
  }

  BreakIterators& iterators = ThreadBreakIterators();
  iterators.sentences->setText(unicode);
  std::vector<int32_t> sentence_ends;
  for (int32_t end = iterators.sentences->next(); end != icu::BreakIterator::DONE; end = iterators.sentences->next()) {
    sentence_ends.push_back(end);
  }
  size_t sentence_in_part = 0;
  bool next_starts_sentence = true;
  bool space_before = false;

  icu::BreakIterator& words = *iterators.words;
  words.setText(unicode);
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    while (sentence_in_part < sentence_ends.size() && start >= sentence_ends[sentence_in_part]) {
      ++sentence_in_part;
      ++sentence;
      next_starts_sentence = true;
    }
    const uint32_t begin_byte = byte_offset[static_cast<size_t>(start)];
    const uint32_t end_byte = byte_offset[static_cast<size_t>(end)];
    std::string_view piece = text.substr(begin_byte, end_byte - begin_byte);
    if (IsSpace(piece)) {
      space_before = true;
      continue;
    }
    Token token;
    token.text = std::string(piece);
    token.begin = begin_byte;
    token.end = end_byte;
    token.sentence = sentence;
    token.part = part == TextPart::kTitle ? TextPart::kTitle
                 : static_cast<int>(sentence_in_part) < kLeadSentences ? TextPart::kLead
                                                                      : TextPart::kBody;
    token.is_word = words.getRuleStatus() >= UBRK_WORD_NUMBER;
    token.space_before = space_before;
    space_before = false;
    if (token.is_word) {
      SetCaseFlags(piece, token);
      token.folded = LowerFolded(piece);
      token.possessive = token.folded.size() + 2 <= piece.size() &&
                         (piece.substr(piece.size() - 2) == "'s" || piece.substr(piece.size() - 2) == "'S" ||
                          (piece.size() >= 4 && piece.substr(piece.size() - 4) == "\xE2\x80\x99s"));
      token.sentence_start = next_starts_sentence;
      next_starts_sentence = false;
    } else {
      token.folded = token.text;
    }
    stream.tokens.push_back(std::move(token));
  }
  ++sentence;  // the next part starts a new sentence
}

}  // namespace

TokenStream Tokenize(std::string_view title, std::string_view body) {
  TokenStream stream;
  int sentence = 0;
  TokenizePart(title, TextPart::kTitle, sentence, stream);
  int title_letters_words = 0, title_caps_words = 0;
  for (const Token& token : stream.tokens) {
    if (!token.is_word || token.folded.size() < 2) continue;
    ++title_letters_words;
    if (token.all_caps) ++title_caps_words;
  }
  stream.title_all_caps = title_letters_words >= 2 && title_caps_words * 10 >= title_letters_words * 8;
  TokenizePart(body, TextPart::kBody, sentence, stream);
  return stream;
}

}  // namespace newsfacet
