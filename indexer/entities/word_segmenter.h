// Word segmentation of article text (Unicode UAX #29), as byte ranges: the
// first step of tokenising (token_stream.h). ASCII stretches, most of most
// news, are segmented by a byte-class scan that follows the same rules;
// only stretches with other characters go through ICU's break iterator.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsfacet {

struct WordSegment {
  uint32_t begin, end;  // byte offsets into the text
  bool is_word;         // letters or digits, not white space or punctuation
  bool ascii = false;   // known to be all ASCII
};

// Appends `text`'s segments, in order, covering every byte. Thread-safe.
// Throws std::runtime_error when ICU has no word break iterator.
void SegmentWords(std::string_view text, std::vector<WordSegment>& segments);

}  // namespace newsfacet
