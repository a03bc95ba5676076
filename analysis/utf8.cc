#include "analysis/utf8.h"

namespace newsfacet {

char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const size_t start = *pos;
  const unsigned char lead = byte(start);
  if (lead < 0x80) {
    *pos = start + 1;
    return lead;
  }
  size_t length = 0;
  char32_t code = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code = lead & 0x07, minimum = 0x10000;
  } else {
    *pos = start + 1;
    return 0xFFFD;
  }
  if (start + length > text.size()) {
    *pos = start + 1;
    return 0xFFFD;
  }
  for (size_t i = 1; i < length; ++i) {
    if ((byte(start + i) & 0xC0) != 0x80) {
      *pos = start + 1;
      return 0xFFFD;
    }
    code = (code << 6) | (byte(start + i) & 0x3F);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    *pos = start + 1;
    return 0xFFFD;
  }
  *pos = start + length;
  return code;
}

size_t CountChars(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace newsfacet
