#include "indexer/entities/word_segmenter.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

using namespace newsfacet;

namespace {

// The words of `text`, as the segmenter cut them.
std::vector<std::string> Words(std::string_view text) {
  std::vector<WordSegment> segments;
  SegmentWords(text, segments);
  std::vector<std::string> words;
  for (const WordSegment& segment : segments) {
    if (segment.is_word) words.emplace_back(text.substr(segment.begin, segment.end - segment.begin));
  }
  return words;
}

}  // namespace

TEST_CASE("word segments cover every byte in order, in ASCII and mixed text alike") {
  for (std::string_view text : {"The U.S. said 120,000 jobs.", "Mevlüt Mert Altıntaş, 22, fired \xC2\xA3" "5m shots",
                                "Путин встретился с Эрдоганом.\r\nThen peace."}) {
    std::vector<WordSegment> segments;
    SegmentWords(text, segments);
    REQUIRE(!segments.empty());
    CHECK(segments.front().begin == 0);
    CHECK(segments.back().end == text.size());
    for (size_t i = 1; i < segments.size(); ++i) CHECK(segments[i].begin == segments[i - 1].end);
  }
}

TEST_CASE("ASCII words join across full stops and apostrophes between letters, and separators between digits") {
  CHECK(Words("The U.S. said Kremlin's 120,000 jobs; 3.5 percent") ==
        std::vector<std::string>{"The", "U.S", "said", "Kremlin's", "120,000", "jobs", "3.5", "percent"});
  CHECK(Words("snake_case end.") == std::vector<std::string>{"snake_case", "end"});
}

TEST_CASE("words with other letters go through ICU, and their neighbours keep the same offsets") {
  const std::string_view text = "Gunman Mevlüt Mert Altıntaş, an officer, fired.";
  CHECK(Words(text) == std::vector<std::string>{"Gunman", "Mevlüt", "Mert", "Altıntaş", "an", "officer", "fired"});
  std::vector<WordSegment> segments;
  SegmentWords(text, segments);
  for (const WordSegment& segment : segments) {
    const bool has_non_ascii = text.substr(segment.begin, segment.end - segment.begin).find_first_of("\xC3\xC4\xC5") !=
                               std::string_view::npos;
    if (has_non_ascii) CHECK(!segment.ascii);
  }
  CHECK(Words("Путин встретился с Эрдоганом") ==
        std::vector<std::string>{"Путин", "встретился", "с", "Эрдоганом"});
}
