#include "searcher/query_words.h"

#include "searcher/facet_labels.h"

namespace newsfacet {
namespace {

constexpr const char* kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

}  // namespace

bool IsQuerySpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<std::string> SplitOnSpace(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsQuerySpace(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

std::string AsPlainWords(std::string text) {
  for (char& c : text) {
    if (c == '"' || c == '(' || c == ')' || c == '*' || c == '+' || c == ':') c = ' ';
  }
  for (const char* op : kOperators) {
    const size_t length = std::char_traits<char>::length(op);
    for (size_t pos = text.find(op); pos != std::string::npos; pos = text.find(op, pos + 1)) {
      for (size_t i = pos; i < pos + length; ++i) text[i] = static_cast<char>(text[i] - 'A' + 'a');
    }
  }
  return text;
}

std::optional<std::vector<std::string>> OnlyExclusions(const std::string& folded) {
  std::vector<std::string> words = SplitOnSpace(folded);
  if (words.empty()) return std::nullopt;
  for (std::string& word : words) {
    if (word.size() < 2 || word[0] != '-' || word[1] == '-') return std::nullopt;
    word.erase(0, 1);
  }
  return words;
}

std::optional<std::vector<std::string>> PlainWords(const std::string& folded) {
  for (const std::string& word : SplitOnSpace(folded)) {
    if (word[0] == '-' || word[0] == '+') return std::nullopt;
    for (const char* op : kOperators) {
      if (word == op) return std::nullopt;
    }
  }
  if (folded.find_first_of("\"():*") != std::string::npos) return std::nullopt;
  return SplitOnSpace(NormalizeLabel(folded));
}

}  // namespace newsfacet
