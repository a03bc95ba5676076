#include "analysis/text_decoding.h"

#include <doctest/doctest.h>

#include <string>

using namespace std::string_literals;
using newsfacet::DecodeToUtf8;
using newsfacet::IsValidUtf8;
using newsfacet::LooksBinary;
using newsfacet::SourceEncoding;

TEST_CASE("decoding: UTF-8 text is kept as it is") {
  const auto decoded = DecodeToUtf8("Don\u2019t stop");
  CHECK(decoded.text == "Don\u2019t stop");
  CHECK(decoded.encoding == SourceEncoding::kUtf8);
}

TEST_CASE("decoding: a UTF-8 byte order mark is stripped") {
  const auto decoded = DecodeToUtf8("\xEF\xBB\xBFHeadline");
  CHECK(decoded.text == "Headline");
  CHECK(decoded.encoding == SourceEncoding::kUtf8);
}

TEST_CASE("decoding: a Latin-1 accent becomes UTF-8") {
  const auto decoded = DecodeToUtf8("Caf\xe9");
  CHECK(decoded.text == "Caf\u00e9");
  CHECK(decoded.encoding == SourceEncoding::kWindows1252);
}

TEST_CASE("decoding: a Windows-1252 file becomes UTF-8 with its curly quotes") {
  CHECK(DecodeToUtf8("\x93quoted\x94").text == "\u201cquoted\u201d");
  CHECK(DecodeToUtf8("it\x92s \x80 5 \x96 6").text == "it\u2019s \u20ac 5 \u2013 6");
}

TEST_CASE("decoding: bytes Windows-1252 leaves undefined are dropped") {
  CHECK(DecodeToUtf8("a\x81"
                     "b\x8d\x8f\x90\x9d"
                     "c\xe9")
            .text == "abc\u00e9");
}

TEST_CASE("decoding: CRLF and lone CR line ends become LF") {
  CHECK(DecodeToUtf8("one\r\ntwo\r\n").text == "one\ntwo\n");
  CHECK(DecodeToUtf8("one\rtwo\r").text == "one\ntwo\n");
  CHECK(DecodeToUtf8("a\r\n\r\nb\rc\n\rd").text == "a\n\nb\nc\n\nd");
  CHECK(DecodeToUtf8("Caf\xe9\r\n").text == "Caf\u00e9\n");
}

TEST_CASE("decoding: empty input decodes to empty UTF-8 text") {
  const auto decoded = DecodeToUtf8("");
  CHECK(decoded.text.empty());
  CHECK(decoded.encoding == SourceEncoding::kUtf8);
}

TEST_CASE("decoding: well-formed UTF-8 of every length is valid") {
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("plain ASCII text longer than one eight-byte word"));
  CHECK(IsValidUtf8("caf\u00e9 \u2019 \U0001F600"));
  CHECK(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  CHECK(IsValidUtf8("\xEF\xBF\xBD"));      // U+FFFD
  CHECK(IsValidUtf8("\0"s));
}

TEST_CASE("decoding: malformed UTF-8 is not valid") {
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong, 3 bytes
  CHECK_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));  // overlong, 4 bytes
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  CHECK_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  CHECK_FALSE(IsValidUtf8("\xE2\x80"));  // truncated
  CHECK_FALSE(IsValidUtf8("abc\xE2"));   // truncated at the end
  CHECK_FALSE(IsValidUtf8("\x80"));      // lone continuation
  CHECK_FALSE(IsValidUtf8("\xC3(x"));    // lead without continuation
  CHECK_FALSE(IsValidUtf8("Caf\xe9"));
}

TEST_CASE("decoding: malformed UTF-8 is found on either side of an ASCII run") {
  CHECK_FALSE(IsValidUtf8("abcdefgh\xC0\xAF"));
  CHECK_FALSE(
      IsValidUtf8("abcdefg\xC0\xAF"
                  "abcdefgh"));
  CHECK_FALSE(
      IsValidUtf8("\xC3\xA9"
                  "abcdefghijklmnop\xE2\x80"));
  CHECK(
      IsValidUtf8("abcdefg\xC3\xA9"
                  "abcdefghijklmnop\xE2\x80\x99"));
}

TEST_CASE("decoding: a PNG header looks binary") {
  CHECK(LooksBinary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"s));
}

TEST_CASE("decoding: text full of control bytes looks binary even without NUL") {
  std::string noise;
  for (int i = 0; i < 200; ++i) noise += static_cast<char>(1 + i % 8) + "abc"s;
  CHECK(LooksBinary(noise));
  CHECK(LooksBinary("\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1bword"));
}

TEST_CASE("decoding: plain text does not look binary") {
  CHECK_FALSE(LooksBinary(""));
  CHECK_FALSE(LooksBinary("Headline\r\n\tBody text.\f\nMore text, caf\xe9.\n"));
  CHECK_FALSE(LooksBinary("a few \x1b[1mbold\x1b[0m words in a long enough line of text"));
}

TEST_CASE("decoding: only the first 8 KiB are inspected for binary content") {
  CHECK_FALSE(LooksBinary(std::string(9000, 'a') + "\0\x01\x02"s));
}

TEST_CASE("decoding: UTF-16 text with a byte order mark does not look binary") {
  CHECK_FALSE(LooksBinary("\xFF\xFEH\0i\0\r\0\n\0"s));
  CHECK_FALSE(LooksBinary("\xFE\xFF\0H\0i"s));
  CHECK(LooksBinary("\xFF\xFE\0\0\x01\x02\x03\x04"s));  // a BOM on a binary file
}

TEST_CASE("decoding: UTF-16 with a byte order mark decodes to UTF-8") {
  CHECK(DecodeToUtf8("\xFF\xFE"
                     "C\0a\0f\0\xE9\0\r\0\n\0"s)
            .text == "Caf\u00e9\n");
  CHECK(DecodeToUtf8("\xFE\xFF\0C\0a\0f\0\xE9"s).text == "Caf\u00e9");
  CHECK(DecodeToUtf8("\xFF\xFE\x3D\xD8\x00\xDE"s).text == "\U0001F600");
}

TEST_CASE("decoding: broken UTF-16 becomes replacement characters") {
  CHECK(DecodeToUtf8("\xFF\xFE\x3D\xD8"
                     "A\0"s)
            .text == "\uFFFDA");                              // lone high surrogate
  CHECK(DecodeToUtf8("\xFF\xFE\x00\xDE"s).text == "\uFFFD");  // lone low surrogate
  CHECK(DecodeToUtf8("\xFF\xFE"
                     "A\0B"s)
            .text == "A\uFFFD");  // odd trailing byte
}
