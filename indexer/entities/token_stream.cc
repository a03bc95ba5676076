#include "indexer/entities/token_stream.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "analysis/search_folding.h"
#include "indexer/entities/word_segmenter.h"

namespace newsfacet {
namespace {

constexpr int kLeadSentences = 2;


// Words after which a full stop does not end the sentence.
// "E.F", "U.S", "W.Va": letters in groups of one or two joined by full stops.
bool IsInitialism(const std::string& text) {
  if (text.find('.') == std::string::npos) return false;
  size_t group = 0;
  for (char c : text) {
    if (c == '.') {
      if (group == 0) return false;
      group = 0;
    } else if (std::isalpha(static_cast<unsigned char>(c)) && ++group <= 2) {
      continue;
    } else {
      return false;
    }
  }
  return group > 0;
}

bool IsAbbreviation(const std::string& folded) {
  static const std::unordered_set<std::string> kAbbreviations = {
      "mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj", "cmdr",
      "adm", "brig", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul",
      "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "hon", "messrs", "gov", "supt", "insp", "det"};
  return kAbbreviations.count(folded) > 0;
}

// These two run for every word, so they test bytes, not strings.
bool EndsSentence(const Token& token) {
  const std::string& t = token.text;
  if (t.size() == 1) return t[0] == '.' || t[0] == '!' || t[0] == '?';
  return t == "\xE2\x80\xA6";  // ellipsis
}

bool IsClosingQuote(const Token& token) {
  const std::string& t = token.text;
  if (t.size() == 1) return t[0] == '"' || t[0] == '\'' || t[0] == ')';
  return t.size() == 3 && (t == "\xE2\x80\x9D" || t == "\xE2\x80\x99");
}

// A byline or a heading: a line this short (in tokens) is not wrapped prose.
constexpr size_t kShortLineTokens = 4;

// Text wrapped at a fixed width, as wire copy and mail are: at least three
// lines, none longer than kWrapWidth bytes, and half of them at least
// kWrappedLine long. Text with a sentence or a paragraph per line has
// longer lines.
constexpr size_t kWrapWidth = 100;
constexpr size_t kWrappedLine = 40;
bool IsHardWrapped(std::string_view text) {
  size_t lines = 0, long_lines = 0;
  while (!text.empty()) {
    size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    if (line.size() > kWrapWidth) return false;
    if (line.find_first_not_of(" \t") != std::string_view::npos) {
      ++lines;
      if (line.size() >= kWrappedLine) ++long_lines;
    }
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines >= 3 && long_lines * 2 >= lines;
}

// Sentences from the tokens themselves: cheaper than a second ICU pass, and
// unlike ICU's it does not end a sentence at every line break, which wire
// copy uses to wrap lines ("shot in the\nback").
void AssignSentences(std::vector<Token>& tokens, size_t first, int& sentence, TextPart part, bool hard_wrapped) {
  int sentence_in_part = 0;
  bool starts = true;
  const Token* last_word = nullptr;
  size_t line_start = first;  // the first token of the current line
  for (size_t i = first; i < tokens.size(); ++i) {
    Token& token = tokens[i];
    if (i > first && token.is_word) {
      const Token& previous = tokens[i - 1];
      bool boundary = token.newlines_before >= 2;
      // A line break ends a sentence when the line before does not run on:
      // it ends in punctuation, a number or a capitalised word ("Nadim
      // Ladki\nAL-AIN"). In hard-wrapped text a long line ending in a
      // capitalised word is prose wrapped in a name ("chairman Paul\nVolcker
      // said"); only a short line (a byline) or capitals that shout (a
      // dateline) end a sentence there.
      if (token.newlines_before == 1 && (token.capitalized || std::isdigit(static_cast<unsigned char>(token.text[0])))) {
        const bool previous_capitalized = previous.is_word && previous.capitalized;
        const bool wrapped_name = hard_wrapped && i - line_start > kShortLineTokens && !token.all_caps;
        boundary = boundary || !previous.is_word || std::isdigit(static_cast<unsigned char>(previous.text[0])) ||
                   (previous_capitalized && !wrapped_name);
        if (previous.text == ",") boundary = false;
      }
      size_t k = i - 1;
      while (k > first && IsClosingQuote(tokens[k])) --k;
      if (EndsSentence(tokens[k]) && token.space_before && (token.capitalized || std::isdigit(static_cast<unsigned char>(token.text[0])))) {
        bool abbreviation = tokens[k].text == "." && last_word && k > first && &tokens[k - 1] == last_word &&
                            (IsAbbreviation(last_word->folded) || IsInitialism(last_word->text) ||
                             (last_word->text.size() == 1 && last_word->capitalized));
        boundary = boundary || !abbreviation;
      }
      if (boundary) {
        ++sentence;
        ++sentence_in_part;
        starts = true;
      }
    }
    if (token.newlines_before > 0) line_start = i;
    token.sentence = sentence;
    token.part = part == TextPart::kTitle ? TextPart::kTitle : sentence_in_part < kLeadSentences ? TextPart::kLead : TextPart::kBody;
    if (token.is_word) {
      token.sentence_start = starts;
      starts = false;
      last_word = &token;
    }
  }
}

std::string LowerFolded(std::string_view text) {
  // Most words are plain ASCII letters: lower-casing is all they need.
  bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && c != '\'';
  });
  if (plain) {
    std::string lowered(text);
    for (char& c : lowered) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lowered;
  }
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


// SetCaseFlags and LowerFolded in one pass, for a word known to be ASCII:
// most words of most news.
void SetAsciiWord(std::string_view piece, Token& token) {
  int letters = 0, lower = 0;
  bool apostrophe = false;
  uint64_t hash = kWordHashStart;
  token.folded.resize(piece.size());
  for (size_t i = 0; i < piece.size(); ++i) {
    char c = piece[i];
    if (c >= 'a' && c <= 'z') {
      ++letters;
      ++lower;
    } else if (c >= 'A' && c <= 'Z') {
      ++letters;
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c == '\'') {
      apostrophe = true;
    }
    token.folded[i] = c;
    hash = AddToWordHash(hash, static_cast<unsigned char>(c));
  }
  token.capitalized = !piece.empty() && piece[0] >= 'A' && piece[0] <= 'Z';
  token.all_caps = letters >= 2 && lower == 0;
  if (apostrophe) {
    token.folded = DropPossessives(std::move(token.folded));  // as search folding does
    token.folded_hash = HashWord(token.folded);
  } else {
    token.folded_hash = FinishWordHash(hash);
  }
}

void SetCaseFlags(std::string_view text, Token& token) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    int letters = 0, lower = 0;
    for (char c : text) {
      if (c >= 'a' && c <= 'z') ++lower;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    }
    token.capitalized = !text.empty() && text[0] >= 'A' && text[0] <= 'Z';
    token.all_caps = letters >= 2 && lower == 0;
    return;
  }
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
  std::vector<WordSegment> segments;
  segments.reserve(text.size() / 3);
  SegmentWords(text, segments);
  stream.tokens.reserve(stream.tokens.size() + segments.size());
  const size_t first_token = stream.tokens.size();
  int newlines = 0;
  bool space_before = false;
  for (const WordSegment& segment : segments) {
    const uint32_t begin_byte = segment.begin, end_byte = segment.end;
    std::string_view piece = text.substr(begin_byte, end_byte - begin_byte);
    if (segment.ascii ? !segment.is_word && IsSpace(piece.substr(0, 1)) : IsSpace(piece)) {
      space_before = true;
      newlines += static_cast<int>(std::count(piece.begin(), piece.end(), '\n'));
      continue;
    }
    Token& token = stream.tokens.emplace_back();
    token.text = std::string(piece);
    token.begin = begin_byte;
    token.end = end_byte;
    token.is_word = segment.is_word;
    token.space_before = space_before;
    token.newlines_before = static_cast<uint8_t>(std::min(newlines, 2));
    space_before = false;
    newlines = 0;
    if (!token.is_word) {
      token.folded = token.text;
      token.folded_hash = HashWord(token.folded);
      continue;
    }
    if (segment.ascii) {
      SetAsciiWord(piece, token);  // sets folded_hash too
    } else {
      SetCaseFlags(piece, token);
      token.folded = LowerFolded(piece);
      token.folded_hash = HashWord(token.folded);
    }
    token.possessive = token.folded.size() + 2 <= piece.size() &&
                       (piece.substr(piece.size() - 2) == "'s" || piece.substr(piece.size() - 2) == "'S" ||
                        (piece.size() >= 4 && piece.substr(piece.size() - 4) == "\xE2\x80\x99s"));
  }
  AssignSentences(stream.tokens, first_token, sentence, part, IsHardWrapped(text));
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

std::string SpanText(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string text;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && tokens[i].space_before) text.push_back(' ');
    text += (i + 1 == end) ? tokens[i].TextWithoutPossessive() : std::string_view(tokens[i].text);
  }
  return text;
}

}  // namespace newsfacet
