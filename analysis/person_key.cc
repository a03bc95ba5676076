#include "analysis/person_key.h"

#include <unordered_map>
#include <vector>

#include "analysis/search_folding.h"

namespace newsfacet {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Copies rather than replacing in place: GCC 12 warns falsely (-Wrestrict)
// on std::string::replace inlined here, and CI builds with -Werror.
void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  size_t pos = text.find(from);
  if (pos == std::string::npos) return;
  std::string replaced;
  size_t copied = 0;
  for (; pos != std::string::npos; pos = text.find(from, copied)) {
    replaced.append(text, copied, pos - copied).append(to);
    copied = pos + from.size();
  }
  replaced.append(text, copied, std::string::npos);
  text = std::move(replaced);
}

// One spelling for the variants romanisations produce: Andrey/Andrei,
// Dmitriy/Dmitry, Aleksandr/Alexander, Yevgeny/Evgeni, Schäfer/Schaefer.
std::string CanonicalSpelling(std::string part) {
  if (part.size() <= 2) return part;  // initials and short particles stay as they are
  if (part.rfind("ye", 0) == 0 && part.size() > 3) part.erase(0, 1);
  ReplaceAll(part, "ks", "x");
  ReplaceAll(part, "ae", "a");
  ReplaceAll(part, "oe", "o");
  ReplaceAll(part, "ue", "u");
  if (part.size() > 5 && part.compare(part.size() - 5, 5, "ander") == 0) part.replace(part.size() - 5, 5, "andr");
  if (part.size() > 2 && part.compare(part.size() - 2, 2, "iy") == 0) part.replace(part.size() - 2, 2, "i");
  if (part.size() > 3 && part.back() == 'y') part.back() = 'i';
  std::string collapsed;  // Mohammed/Mohamed
  for (char c : part) {
    if (collapsed.empty() || collapsed.back() != c || IsVowel(c) || c == 'y') collapsed.push_back(c);
  }
  return collapsed;
}

bool IsArabicArticle(std::string_view part) {
  return part == "al" || part == "el" || part == "ad" || part == "as" || part == "ash" || part == "an" || part == "ar";
}

std::vector<std::string> NameParts(std::string_view name) {
  std::string folded = FoldForSearch(name);
  std::vector<std::string> parts;
  std::string current;
  auto flush = [&](bool followed_by_hyphen) {
    if (current.empty()) return;
    // "al-Assad": an article joined to the next part by a hyphen is dropped.
    bool article = followed_by_hyphen && IsArabicArticle(current);
    if (!article) parts.push_back(CanonicalSpelling(current));
    current.clear();
  };
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      current.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\'') {
      // O'Brien -> obrien
    } else {
      flush(c == '-');
    }
  }
  flush(false);
  return parts;
}

}  // namespace

std::string PersonKeyUncached(std::string_view name) {
  std::string key;
  for (const std::string& part : NameParts(name)) {
    if (!key.empty()) key.push_back('-');
    key += part;
  }
  return key;
}

std::string PersonKey(std::string_view name) {
  // Articles name the same people again and again, and the key costs an
  // ICU transliteration: remember the recent ones, per thread.
  constexpr size_t kMaxRemembered = 50000;
  thread_local std::unordered_map<std::string, std::string> remembered;
  if (auto it = remembered.find(std::string(name)); it != remembered.end()) return it->second;
  std::string key = PersonKeyUncached(name);
  if (remembered.size() >= kMaxRemembered) remembered.clear();
  remembered.emplace(name, key);
  return key;
}

std::string SurnameKey(std::string_view name) {
  std::vector<std::string> parts = NameParts(name);
  return parts.empty() ? "" : parts.back();
}

}  // namespace newsfacet
