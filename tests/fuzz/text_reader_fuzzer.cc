// libFuzzer target: a .txt article, decoded as the indexer decodes files.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/text_decoding.h"
#include "indexer/readers/text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (newsfacet::LooksBinary(bytes)) return 0;
  newsfacet::ReadTextArticle(newsfacet::DecodeToUtf8(bytes).text, "fuzz.txt");
  return 0;
}
