#include "analysis/search_folding.h"

#include <memory>
#include <stdexcept>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "common/object_pool.h"

namespace newsfacet {
namespace {

// Marks are stripped in every script so that a Greek or Cyrillic accent
// folds like a Latin one; final sigma is folded because Xapian's
// lower-casing (our case fold) keeps it distinct from sigma.
constexpr char16_t kFoldingRules[] =
    u":: NFKC; :: Latin-ASCII; :: NFD; [:Nonspacing Mark:] > ; :: NFC; ς > σ;";

std::unique_ptr<icu::Transliterator> CreateFolder() {
  UParseError parse_error;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> folder(icu::Transliterator::createFromRules(
      "newsfacet-fold", icu::UnicodeString(kFoldingRules), UTRANS_FORWARD, parse_error,
      status));
  if (U_FAILURE(status) || !folder) {
    throw std::runtime_error(std::string("ICU folding rules failed to compile: ") +
                             u_errorName(status));
  }
  return folder;
}

// ICU transliterators are not thread-safe, and building one from rules is
// slow: compile once, then lend clones from a pool. A clone per thread would
// grow a server's memory with every pool thread that ever folded a word.
ObjectPool<icu::Transliterator>& Folders() {
  // Neither is ever destroyed: a clone may share the prototype's rule data,
  // and a thread may still fold while static objects are torn down at exit.
  static auto* const pool = new ObjectPool<icu::Transliterator>([] {
    static const icu::Transliterator* const prototype = CreateFolder().release();
    return std::unique_ptr<icu::Transliterator>(prototype->clone());
  });
  return *pool;
}

void AppendFolded(std::string_view non_ascii, std::string& out) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(non_ascii.data(), static_cast<int32_t>(non_ascii.size())));
  Folders().Acquire()->transliterate(text);
  text.toUTF8String(out);
}

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

}  // namespace

// "Kremlin's" -> "Kremlin": the possessive is noise for search, and without
// this the exact term "kremlin's" would not match a quoted "Kremlin".
std::string DropPossessives(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    bool possessive = text[i] == '\'' && i > 0 && IsAsciiLetter(text[i - 1]) &&
                      i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'S') &&
                      (i + 2 == text.size() || !IsAsciiLetter(text[i + 2]));
    if (possessive) {
      ++i;  // skip the "'s"
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string FoldForSearch(std::string_view utf8) {
  // Most news text is ASCII: copy ASCII runs as they are and hand only the
  // non-ASCII runs to ICU, which is far slower per character.
  std::string folded;
  folded.reserve(utf8.size());
  size_t i = 0;
  while (i < utf8.size()) {
    size_t run_start = i;
    while (i < utf8.size() && static_cast<unsigned char>(utf8[i]) < 0x80) ++i;
    folded.append(utf8.substr(run_start, i - run_start));
    run_start = i;
    while (i < utf8.size() && static_cast<unsigned char>(utf8[i]) >= 0x80) ++i;
    if (i > run_start) AppendFolded(utf8.substr(run_start, i - run_start), folded);
  }
  return DropPossessives(std::move(folded));
}

}  // namespace newsfacet
