// libFuzzer target: the text decoder. Whatever the bytes, the text it gives
// is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analysis/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  newsfacet::LooksBinary(bytes);
  if (!newsfacet::IsValidUtf8(newsfacet::DecodeToUtf8(bytes).text)) std::abort();
  return 0;
}
