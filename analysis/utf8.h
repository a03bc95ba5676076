// The few UTF-8 facts the searcher needs without going through ICU.
// (IsValidUtf8 is in analysis/text_decoding.h.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsfacet {

// Code points in valid UTF-8 `text`.
size_t CountChars(std::string_view text);

// Decodes the code point at `text[*pos]` and advances `*pos` past it; an
// invalid byte decodes as U+FFFD and advances by one.
char32_t DecodeUtf8(std::string_view text, size_t* pos);

}  // namespace newsfacet
