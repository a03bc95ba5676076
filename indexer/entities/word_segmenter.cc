#include "indexer/entities/word_segmenter.h"

#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace newsfacet {
namespace {

// Break iterators are costly to create and not thread-safe: one per thread.
icu::BreakIterator& ThreadWordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status) || !created) {
      throw std::runtime_error(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
    }
    return created;
  }();
  return *words;
}

// Classes of bytes, looked up once per byte by the segmenters below, which
// run over every byte of every article.
enum ByteClass : uint8_t { kLetterByte = 1, kDigitByte = 2, kSpaceByte = 4, kWordByte = 8 /* letter, digit, '_' */ };
constexpr std::array<uint8_t, 256> kByteClasses = [] {
  std::array<uint8_t, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = classes[c - 'a' + 'A'] = kLetterByte | kWordByte;
  for (int c = '0'; c <= '9'; ++c) classes[c] = kDigitByte | kWordByte;
  classes['_'] = kWordByte;
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) classes[static_cast<unsigned char>(c)] = kSpaceByte;
  return classes;
}();

bool HasClass(char c, uint8_t byte_class) { return (kByteClasses[static_cast<unsigned char>(c)] & byte_class) != 0; }
bool IsAsciiLetter(char c) { return HasClass(c, kLetterByte); }
bool IsAsciiDigit(char c) { return HasClass(c, kDigitByte); }
bool IsAsciiSpace(char c) { return HasClass(c, kSpaceByte); }


// UAX #29 word segmentation by ICU, as byte ranges of `text`.
void SegmentWithIcu(std::string_view text, std::vector<WordSegment>& segments) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // UTF-16 index -> UTF-8 byte offset, to hand out offsets into `text`.
  std::vector<uint32_t> byte_offset(static_cast<size_t>(unicode.length()) + 1);
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
  icu::BreakIterator& words = ThreadWordBreaker();
  words.setText(unicode);
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    segments.push_back({byte_offset[static_cast<size_t>(start)], byte_offset[static_cast<size_t>(end)],
                        words.getRuleStatus() >= UBRK_WORD_NUMBER});
  }
}


// The same UAX #29 rules restricted to ASCII, where they are simple: runs of
// letters and digits, joined across "." and "'" between letters ("U.S",
// "Kremlin's") and "." "," "'" ";" between digits ("120,000"), "_" joining
// both. ICU costs most of entity extraction's time, and most news is ASCII.
void SegmentAscii(std::string_view text, std::vector<WordSegment>& segments) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t begin = i;
    const char c = text[i];
    if (HasClass(c, kWordByte)) {
      ++i;
      while (i < text.size()) {
        char here = text[i];
        if (HasClass(here, kWordByte)) {
          ++i;
          continue;
        }
        if (i + 1 < text.size()) {
          char before = text[i - 1], after = text[i + 1];
          bool letters = IsAsciiLetter(before) && IsAsciiLetter(after) && (here == '.' || here == '\'');
          bool digits = IsAsciiDigit(before) && IsAsciiDigit(after) && (here == '.' || here == ',' || here == '\'' || here == ';');
          if (letters || digits) {
            i += 2;
            continue;
          }
        }
        break;
      }
      segments.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(i), true, true});
    } else if (IsAsciiSpace(c)) {
      while (i < text.size() && IsAsciiSpace(text[i])) ++i;
      segments.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(i), false, true});
    } else {
      ++i;
      if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
      segments.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(i), false, true});
    }
  }
}


// The end of the white space, or of the other characters, from `i`; sets
// `ascii` when the stretch is all ASCII.
size_t StretchEnd(std::string_view text, size_t i, bool* ascii) {
  *ascii = true;
  const bool space = IsAsciiSpace(text[i]);
  for (; i < text.size() && IsAsciiSpace(text[i]) == space; ++i) {
    *ascii = *ascii && static_cast<unsigned char>(text[i]) < 0x80;
  }
  return i;
}

// Where the first byte of a non-ASCII character is, from `from`; text.size()
// if there is none. Eight bytes at a time: most text is ASCII.
size_t FirstNonAscii(std::string_view text, size_t from) {
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t eight;
    std::memcpy(&eight, text.data() + i, sizeof eight);
    if (eight & 0x8080808080808080ULL) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

// Segments text[begin, end) with `segment`, at offsets into `text`.
template <typename Segmenter>
void SegmentRange(std::string_view text, size_t begin, size_t end, Segmenter segment, std::vector<WordSegment>& segments) {
  const size_t first = segments.size();
  segment(text.substr(begin, end - begin), segments);
  for (size_t k = first; k < segments.size(); ++k) {
    segments[k].begin += static_cast<uint32_t>(begin);
    segments[k].end += static_cast<uint32_t>(begin);
  }
}

}  // namespace

// UAX #29 never joins across white space, so each white-space-delimited
// stretch can be segmented on its own: ASCII ones by SegmentAscii, others
// ("£5m", "Altıntaş,", a Russian sentence) by ICU, neighbouring ones in one
// call, so that one "£" does not send a whole article through ICU.
void SegmentWords(std::string_view text, std::vector<WordSegment>& segments) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t non_ascii = FirstNonAscii(text, i);
    if (non_ascii == text.size()) {
      SegmentRange(text, i, text.size(), SegmentAscii, segments);
      return;
    }
    // ASCII up to the stretch that holds the non-ASCII byte...
    size_t begin = non_ascii;
    while (begin > i && !IsAsciiSpace(text[begin - 1])) --begin;
    if (begin > i) SegmentRange(text, i, begin, SegmentAscii, segments);
    // ...then that stretch and the next ones while they need ICU too.
    bool ascii = true;
    size_t end = StretchEnd(text, begin, &ascii);
    while (end < text.size()) {
      bool next_ascii = true;
      size_t word_end = StretchEnd(text, end, &next_ascii);  // white space
      if (word_end >= text.size()) break;
      word_end = StretchEnd(text, word_end, &next_ascii);
      if (next_ascii) break;
      end = word_end;
    }
    SegmentRange(text, begin, end, SegmentWithIcu, segments);
    i = end;
  }
}

}  // namespace newsfacet
