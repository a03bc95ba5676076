#include "indexer/display_names.h"

#include <algorithm>

namespace newsfacet {
namespace {

bool HasNonAscii(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

DisplayNames ChooseDisplayNames(const Xapian::Database& index, std::string_view spelling_prefix) {
  struct Best {
    std::string spelling;
    Xapian::doccount articles = 0;
    bool accented = false;
  };
  std::map<std::string, Best> best;
  const std::string prefix(spelling_prefix);
  for (auto it = index.allterms_begin(prefix); it != index.allterms_end(prefix); ++it) {
    std::string entry = (*it).substr(prefix.size());
    size_t tab = entry.find(layout::kSpellingSeparator);
    if (tab == std::string::npos) continue;
    Best candidate{entry.substr(tab + 1), it.get_termfreq(), HasNonAscii(entry.substr(tab + 1))};
    Best& current = best[entry.substr(0, tab)];
    bool better = current.spelling.empty() || (candidate.accented && !current.accented) ||
                  (candidate.accented == current.accented && candidate.articles > current.articles);
    if (better) current = candidate;
  }
  DisplayNames names;
  for (auto& [id, choice] : best) names[id] = choice.spelling;
  return names;
}

std::string StoredDisplayName(const Xapian::Database& index, std::string_view name_key, const std::string& id) {
  std::string name = index.get_metadata(layout::KeyOf(name_key, id));
  return name.empty() ? id : name;
}

}  // namespace newsfacet
