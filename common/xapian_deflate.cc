#include "common/xapian_deflate.h"

#include <dlfcn.h>
#include <zlib.h>

#include <atomic>

namespace newsfacet {
namespace {

// Raw deflate (no zlib or gzip header) is what Xapian writes; HTTP and file
// compression use headers and are left alone.
constexpr int kRawDeflateWindowBits = -15;
// Storing needs no hash table: memLevel 1 is the smallest zlib allows.
constexpr int kStoreLevel = Z_NO_COMPRESSION;
constexpr int kStoreMemLevel = 1;

std::atomic<long> streams_tuned{0};

using DeflateInit2 = int (*)(z_streamp, int, int, int, int, int, const char*, int);

DeflateInit2 ZlibDeflateInit2() {
  static const DeflateInit2 real = reinterpret_cast<DeflateInit2>(dlsym(RTLD_NEXT, "deflateInit2_"));
  return real;
}

}  // namespace

long XapianDeflateStreamsTuned() { return streams_tuned.load(); }

}  // namespace newsfacet

extern "C" int deflateInit2_(z_streamp stream, int level, int method, int window_bits, int mem_level, int strategy,
                             const char* version, int stream_size) {
  const newsfacet::DeflateInit2 real = newsfacet::ZlibDeflateInit2();
  if (real == nullptr) return Z_VERSION_ERROR;  // no zlib loaded: nothing could call this
  if (window_bits == newsfacet::kRawDeflateWindowBits) {
    level = newsfacet::kStoreLevel;
    mem_level = newsfacet::kStoreMemLevel;
    ++newsfacet::streams_tuned;
  }
  return real(stream, level, method, window_bits, mem_level, strategy, version, stream_size);
}
