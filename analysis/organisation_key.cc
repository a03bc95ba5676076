#include "analysis/organisation_key.h"

#include <array>
#include <cctype>
#include <vector>

#include "analysis/search_folding.h"

namespace newsfacet {
namespace {

std::vector<std::string> Words(std::string_view name) {
  std::string folded = FoldForSearch(name);
  std::vector<std::string> words;
  std::string current;
  for (char c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current.push_back(c);
    } else if (c == '.' || c == '\'') {
      // "U.S." -> "us", "O'Neill" -> "oneill" (a possessive is already gone)
    } else if (c == '&') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
      words.push_back("and");
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

bool IsLegalForm(std::string_view word) {
  static constexpr std::array<std::string_view, 19> kForms = {
      "inc", "incorporated", "corp", "corporation", "co", "cos", "company", "ltd", "limited", "plc",
      "llc", "ag", "sa", "nv", "gmbh", "group", "holdings", "holding", "bhd"};
  for (std::string_view form : kForms) {
    if (word == form) return true;
  }
  return false;
}

}  // namespace

std::string OrganisationKey(std::string_view name) {
  std::vector<std::string> words = Words(name);
  size_t begin = 0;
  if (words.size() > 1 && words[0] == "the") begin = 1;
  size_t end = words.size();
  // "Merrill Lynch and Co Inc": legal forms, and the "and" before one, from the end.
  while (end > begin + 1) {
    if (IsLegalForm(words[end - 1])) {
      --end;
    } else if (words[end - 1] == "and" && end < words.size()) {
      --end;
    } else {
      break;
    }
  }
  // Initials join as "E.F." already does: "E. F. Hutton" is "ef-hutton".
  std::string key;
  for (size_t i = begin; i < end; ++i) {
    const bool joins_initial = i > begin && words[i].size() == 1 && words[i - 1].size() == 1 &&
                               i + 1 < end && !std::isdigit(static_cast<unsigned char>(words[i][0]));
    if (!key.empty() && !joins_initial) key.push_back('-');
    key += words[i];
  }
  return key;
}

}  // namespace newsfacet
