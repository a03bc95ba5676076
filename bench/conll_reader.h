// Reads a CoNLL-2003 file (one token a line: word, POS, chunk, NER tag;
// documents split by -DOCSTART-) into documents whose text is the tokens
// joined by spaces, sentences by newlines, with the byte ranges of the gold
// PER and ORG mentions, for scoring the extractor on that text.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace newsfacet {

struct ConllDocument {
  std::string text;
  std::vector<std::pair<uint32_t, uint32_t>> gold_people;         // byte ranges
  std::vector<std::pair<uint32_t, uint32_t>> gold_organisations;  // byte ranges
};

namespace conll_internal {

// The mentions of one type ("PER", "ORG") as they close, IOB1 or IOB2.
class MentionCollector {
 public:
  MentionCollector(std::string type, std::vector<std::pair<uint32_t, uint32_t>>* out)
      : type_(std::move(type)), out_(out) {}
  void Token(const std::string& tag, uint32_t begin, uint32_t end) {
    const bool ours = tag.size() == type_.size() + 2 && tag.compare(2, std::string::npos, type_) == 0;
    const bool continues = ours && tag[0] == 'I' && in_mention_;
    if (!continues) Close();
    if (!ours) return;
    if (!continues) begin_ = begin;
    end_ = end;
    in_mention_ = true;
  }
  void Close() {
    if (in_mention_) out_->emplace_back(begin_, end_);
    in_mention_ = false;
  }

 private:
  std::string type_;
  std::vector<std::pair<uint32_t, uint32_t>>* out_;
  uint32_t begin_ = 0, end_ = 0;
  bool in_mention_ = false;
};

}  // namespace conll_internal

inline std::vector<ConllDocument> ReadConll(const std::string& path) {
  std::ifstream in(path);
  std::vector<ConllDocument> documents;
  ConllDocument current;
  conll_internal::MentionCollector people("PER", &current.gold_people);
  conll_internal::MentionCollector organisations("ORG", &current.gold_organisations);
  auto close = [&] {
    people.Close();
    organisations.Close();
  };
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      close();
      if (!current.text.empty()) documents.push_back(std::move(current));
      current = ConllDocument{};
      continue;
    }
    if (line.empty()) {
      close();
      if (!current.text.empty() && current.text.back() != '\n') current.text.push_back('\n');
      continue;
    }
    std::istringstream fields(line);
    std::string word, pos, chunk, tag;
    fields >> word >> pos >> chunk >> tag;
    if (!current.text.empty() && current.text.back() != '\n') current.text.push_back(' ');
    uint32_t begin = static_cast<uint32_t>(current.text.size());
    current.text += word;
    uint32_t end = static_cast<uint32_t>(current.text.size());
    people.Token(tag, begin, end);
    organisations.Token(tag, begin, end);
  }
  close();
  if (!current.text.empty()) documents.push_back(std::move(current));
  return documents;
}

}  // namespace newsfacet
