#include "analysis/text_decoding.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace newsfacet {
namespace {

// How much of a file LooksBinary inspects: enough to see any header, small
// enough that sniffing a large file costs nothing.
constexpr std::size_t kSniffBytes = 8 * 1024;
constexpr char32_t kReplacement = 0xFFFD;

enum class Utf16Order { kNone, kLittleEndian, kBigEndian };

Utf16Order DetectUtf16Bom(std::string_view bytes) {
  if (bytes.size() < 2) return Utf16Order::kNone;
  const auto b0 = static_cast<unsigned char>(bytes[0]);
  const auto b1 = static_cast<unsigned char>(bytes[1]);
  if (b0 == 0xFF && b1 == 0xFE) return Utf16Order::kLittleEndian;
  if (b0 == 0xFE && b1 == 0xFF) return Utf16Order::kBigEndian;
  return Utf16Order::kNone;
}

bool IsAsciiWord(const unsigned char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

// Length of the well-formed UTF-8 sequence at p (Unicode table 3-7), or 0.
// The narrowed ranges for the second byte are what exclude overlongs
// (E0, F0), surrogates (ED) and code points above U+10FFFF (F4).
std::size_t WellFormedSequenceLength(const unsigned char* p, std::size_t available) {
  const unsigned char lead = p[0];
  if (lead < 0x80) return 1;
  std::size_t length;
  unsigned char low = 0x80, high = 0xBF;
  if (lead < 0xC2) {
    return 0;  // continuation byte, or overlong C0/C1 lead
  } else if (lead < 0xE0) {
    length = 2;
  } else if (lead < 0xF0) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead < 0xF5) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (available < length || p[1] < low || p[1] > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
  }
  return length;
}

bool IsSuspiciousControl(char32_t c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

bool TooManyControls(std::size_t controls, std::size_t inspected) {
  return controls * 10 > inspected;
}

char32_t ReadUtf16Unit(const char* p, Utf16Order order) {
  const auto b0 = static_cast<unsigned char>(p[0]);
  const auto b1 = static_cast<unsigned char>(p[1]);
  return order == Utf16Order::kLittleEndian ? (b1 << 8 | b0) : (b0 << 8 | b1);
}

// A BOM says "text", but a binary file may start with FF FE by chance, so
// the same NUL/control test is applied to the UTF-16 code units.
bool LooksBinaryUtf16(std::string_view body, Utf16Order order) {
  body = body.substr(0, kSniffBytes);
  std::size_t units = body.size() / 2, controls = 0;
  for (std::size_t i = 0; i < units; ++i) {
    const char32_t unit = ReadUtf16Unit(body.data() + 2 * i, order);
    if (unit == 0) return true;
    if (IsSuspiciousControl(unit)) ++controls;
  }
  return TooManyControls(controls, units);
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsHighSurrogate(char32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
bool IsLowSurrogate(char32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

// Unpaired surrogates and an odd trailing byte become U+FFFD, as in ICU.
std::string DecodeUtf16(std::string_view body, Utf16Order order) {
  std::string out;
  out.reserve(body.size());
  std::size_t i = 0;
  while (i + 1 < body.size()) {
    char32_t unit = ReadUtf16Unit(body.data() + i, order);
    i += 2;
    if (IsHighSurrogate(unit) && i + 1 < body.size()) {
      const char32_t next = ReadUtf16Unit(body.data() + i, order);
      if (IsLowSurrogate(next)) {
        unit = 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00);
        i += 2;
      }
    }
    AppendUtf8(out, IsHighSurrogate(unit) || IsLowSurrogate(unit) ? kReplacement : unit);
  }
  if (i < body.size()) AppendUtf8(out, kReplacement);
  return out;
}

// Windows-1252 bytes 0x80-0x9F; 0 marks the five bytes the code page leaves
// undefined (81, 8D, 8F, 90, 9D). Those are dropped rather than mapped to C1
// controls or U+FFFD: they carry no readable text, and either replacement
// would only put noise into the index.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

std::string DecodeWindows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out += c;
    } else if (b < 0xA0) {
      if (const char16_t cp = kWindows1252High[b - 0x80]) AppendUtf8(out, cp);
    } else {
      AppendUtf8(out, b);  // 0xA0-0xFF are the Latin-1 code points
    }
  }
  return out;
}

void NormaliseLineEnds(std::string& text) {
  if (text.find('\r') == std::string::npos) return;
  std::size_t write = 0;
  for (std::size_t read = 0; read < text.size(); ++read) {
    if (text[read] != '\r') {
      text[write++] = text[read];
      continue;
    }
    text[write++] = '\n';
    if (read + 1 < text.size() && text[read + 1] == '\n') ++read;
  }
  text.resize(write);
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (n - i >= 8 && IsAsciiWord(p + i)) {
      i += 8;
      continue;
    }
    const std::size_t length = WellFormedSequenceLength(p + i, n - i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

bool LooksBinary(std::string_view bytes) {
  if (const Utf16Order order = DetectUtf16Bom(bytes); order != Utf16Order::kNone) {
    return LooksBinaryUtf16(bytes.substr(2), order);
  }
  const std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.find('\0') != std::string_view::npos) return true;
  const auto controls = std::count_if(head.begin(), head.end(), [](char c) {
    return IsSuspiciousControl(static_cast<unsigned char>(c));
  });
  return TooManyControls(static_cast<std::size_t>(controls), head.size());
}

DecodedText DecodeToUtf8(std::string_view bytes) {
  DecodedText decoded;
  if (const Utf16Order order = DetectUtf16Bom(bytes); order != Utf16Order::kNone) {
    // SourceEncoding has no UTF-16 value; the text was Unicode, so kUtf8.
    decoded.text = DecodeUtf16(bytes.substr(2), order);
  } else {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (IsValidUtf8(bytes)) {
      decoded.text.assign(bytes);
    } else {
      decoded.text = DecodeWindows1252(bytes);
      decoded.encoding = SourceEncoding::kWindows1252;
    }
  }
  NormaliseLineEnds(decoded.text);
  return decoded;
}

}  // namespace newsfacet
