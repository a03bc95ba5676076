// Reads a CoNLL-2003 file (one token a line: word, POS, chunk, NER tag;
// documents split by -DOCSTART-) into documents whose text is the tokens
// joined by spaces, sentences by newlines, with the byte ranges of the gold
// PER mentions, for scoring the person finder on that text.
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
  std::vector<std::pair<uint32_t, uint32_t>> gold_people;  // byte ranges
};

inline std::vector<ConllDocument> ReadConll(const std::string& path) {
  std::ifstream in(path);
  std::vector<ConllDocument> documents;
  ConllDocument current;
  std::string previous_tag = "O";
  uint32_t entity_begin = 0, entity_end = 0;
  bool in_person = false;
  auto close_person = [&] {
    if (in_person) current.gold_people.emplace_back(entity_begin, entity_end);
    in_person = false;
  };
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      close_person();
      if (!current.text.empty()) documents.push_back(std::move(current));
      current = ConllDocument{};
      previous_tag = "O";
      continue;
    }
    if (line.empty()) {
      close_person();
      if (!current.text.empty() && current.text.back() != '\n') current.text.push_back('\n');
      previous_tag = "O";
      continue;
    }
    std::istringstream fields(line);
    std::string word, pos, chunk, tag;
    fields >> word >> pos >> chunk >> tag;
    if (!current.text.empty() && current.text.back() != '\n') current.text.push_back(' ');
    uint32_t begin = static_cast<uint32_t>(current.text.size());
    current.text += word;
    uint32_t end = static_cast<uint32_t>(current.text.size());
    bool person = tag == "I-PER" || tag == "B-PER";
    bool continues = person && tag == "I-PER" && (previous_tag == "I-PER" || previous_tag == "B-PER");
    if (!continues) close_person();
    if (person) {
      if (!continues) entity_begin = begin;
      entity_end = end;
      in_person = true;
    }
    previous_tag = tag;
  }
  close_person();
  if (!current.text.empty()) documents.push_back(std::move(current));
  return documents;
}

}  // namespace newsfacet
