#include "indexer/readers/text_language.h"

#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

namespace newsfacet {
namespace {

struct LanguageWords {
  const char* code;
  std::vector<std::string_view> words;
};

// Words frequent in one language and rare as words in the others.
const std::array<LanguageWords, 9>& Languages() {
  static const std::array<LanguageWords, 9> languages = {{
      {"en", {"the", "and", "of", "to", "is", "that", "for", "was", "with", "are", "this", "have",
              "from", "it", "he", "she", "were", "has", "which", "would"}},
      {"de", {"der", "die", "und", "das", "ist", "nicht", "den", "mit", "sich", "des", "auf",
              "f\u00fcr", "dem", "ein", "eine", "auch", "wird", "von", "zu", "im", "bei", "nach"}},
      {"fr", {"le", "les", "et", "des", "est", "une", "dans", "que", "pour", "qui", "pas", "sur",
              "du", "au", "avec", "il", "sont", "ce", "aux", "mais"}},
      {"es", {"el", "los", "las", "y", "que", "del", "por", "con", "una", "para", "es", "se", "su",
              "al", "como", "m\u00e1s", "pero", "lo", "fue"}},
      {"it", {"il", "di", "che", "e", "per", "una", "sono", "della", "non", "con", "gli", "anche",
              "nel", "\u00e8", "alla", "dei", "delle", "questo"}},
      {"nl", {"het", "een", "en", "van", "niet", "dat", "op", "voor", "met", "zijn", "ook", "maar",
              "wordt", "bij", "aan", "naar", "worden", "deze"}},
      {"pt", {"os", "que", "n\u00e3o", "em", "uma", "para", "com", "do", "da", "\u00e9", "mais",
              "dos", "das", "ao", "foi", "como", "pelo", "pela"}},
      {"sv", {"och", "att", "det", "som", "en", "\u00e4r", "p\u00e5", "f\u00f6r", "med", "har",
              "inte", "till", "av", "om", "var", "den", "ett", "jag"}},
      {"tr", {"ve", "bir", "bu", "i\u00e7in", "ile", "da", "de", "olarak", "daha", "gibi", "olan",
              "\u00e7ok", "ama", "sonra", "kadar", "oldu\u011fu", "ise"}},
  }};
  return languages;
}

}  // namespace

std::string GuessLanguage(std::string_view text) {
  static const std::unordered_multimap<std::string_view, int> kIndex = [] {
    std::unordered_multimap<std::string_view, int> index;
    for (int l = 0; l < static_cast<int>(Languages().size()); ++l) {
      for (std::string_view word : Languages()[l].words) index.emplace(word, l);
    }
    return index;
  }();
  std::array<int, 9> hits{};
  int total = 0;
  std::string word;
  auto count = [&] {
    auto [begin, end] = kIndex.equal_range(word);
    if (begin != end) ++total;
    for (auto it = begin; it != end; ++it) ++hits[it->second];
    word.clear();
  };
  // Only the start of a long text: enough to tell, and cheap.
  const size_t limit = std::min<size_t>(text.size(), 20000);
  for (size_t i = 0; i < limit; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalpha(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      count();
    }
  }
  if (!word.empty()) count();
  int best = 0, second = -1;
  for (int l = 1; l < static_cast<int>(hits.size()); ++l) {
    if (hits[l] > hits[best]) best = l;
  }
  for (int l = 0; l < static_cast<int>(hits.size()); ++l) {
    if (l != best && (second < 0 || hits[l] > hits[second])) second = l;
  }
  if (total < 8 || hits[best] < 8 || hits[best] < 2 * hits[second]) return {};
  return Languages()[best].code;
}

}  // namespace newsfacet
