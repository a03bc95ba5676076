// libFuzzer target: a .json file, and each of its lines as a .jsonl record.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/readers/json_reader.h"
#include "analysis/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = newsfacet::DecodeToUtf8(bytes).text;
  newsfacet::ReadJsonArticles(text, "fuzz.json");
  std::string_view rest = text;
  for (int line = 1; !rest.empty(); ++line) {
    size_t end = rest.find('\n');
    newsfacet::ReadJsonLine(rest.substr(0, end), "fuzz.jsonl", line);
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return 0;
}
