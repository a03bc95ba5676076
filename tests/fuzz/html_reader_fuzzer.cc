// libFuzzer target: a saved .html article page.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/readers/html_reader.h"
#include "analysis/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsfacet::ReadHtmlArticle(newsfacet::DecodeToUtf8(bytes).text, "fuzz.html");
  return 0;
}
