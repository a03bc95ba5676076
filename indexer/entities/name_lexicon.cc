#include "indexer/entities/name_lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/search_folding.h"

namespace newsfacet {
namespace {

// Lists are written as people write them ("Foreign Minister", "Mr."); the
// lookups take the folded, lower-cased words of Token::folded.
std::string FoldedWords(std::string_view text) {
  std::string folded = FoldForSearch(text), out;
  bool space = false;
  for (char c : folded) {
    bool word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     static_cast<unsigned char>(c) >= 0x80;
    if (!word_char) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

Status ReadJson(const std::filesystem::path& path, nlohmann::json* json) {
  std::ifstream in(path);
  if (!in) return Status::Error("cannot read " + path.string());
  *json = nlohmann::json::parse(in, nullptr, false);
  if (json->is_discarded()) return Status::Error(path.string() + " is not valid JSON");
  return Status::Ok();
}

}  // namespace

void NameLexicon::Add(const std::string& words, WordTable& list, List bit) {
  list.Insert(words);
  const uint32_t entry = lists_of_.Insert(words, static_cast<uint32_t>(list_bits_.size()));
  if (entry == list_bits_.size()) list_bits_.push_back(0);
  list_bits_[entry] |= bit;
}

void NameLexicon::AddTitle(const std::string& words) {
  std::string folded = FoldedWords(words);
  if (folded.empty()) return;
  Add(folded, titles_, kTitles);
  Add(folded.substr(0, folded.find(' ')), title_first_words_, kTitleFirstWords);
  Add(folded.substr(folded.rfind(' ') + 1), title_last_words_, kTitleLastWords);
  longest_title_words_ = std::max(longest_title_words_, static_cast<size_t>(std::count(folded.begin(), folded.end(), ' ') + 1));
}

Status NameLexicon::Load(const std::filesystem::path& data_dir, NameLexicon* lexicon) {
  std::ifstream names(data_dir / "data" / "first_names.txt");
  if (!names) return Status::Error("cannot read " + (data_dir / "data" / "first_names.txt").string());
  for (std::string line; std::getline(names, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::string folded = FoldedWords(line);
    if (!folded.empty()) lexicon->Add(folded, lexicon->first_names_, kFirstNames);
  }
  nlohmann::json cues;
  Status status = ReadJson(data_dir / "data" / "person_cues.json", &cues);
  if (!status.ok()) return status;
  for (const auto& title : cues.value("titles", nlohmann::json::array())) {
    if (title.is_string()) lexicon->AddTitle(title.get<std::string>());
  }
  auto insert = [&](const char* key, WordTable& list, List bit) {
    const nlohmann::json items = cues.value(key, nlohmann::json::array());
    if (!items.is_array()) return;
    for (const auto& item : items) {
      if (!item.is_string()) continue;
      std::string words = FoldedWords(item.get<std::string>());
      if (!words.empty()) lexicon->Add(words, list, bit);
    }
  };
  insert("organization_words", lexicon->organization_words_, kOrganizationWords);
  insert("facility_words", lexicon->organization_words_, kOrganizationWords);
  insert("rule_organization_words", lexicon->organization_words_, kRuleOrganizationWords);
  insert("ambiguous_first_names", lexicon->ambiguous_first_names_, kAmbiguousFirstNames);
  insert("non_name_words", lexicon->non_name_words_, kNonNameWords);
  insert("attribution_verbs", lexicon->attribution_verbs_, kAttributionVerbs);
  insert("name_particles", lexicon->particles_, kParticles);
  insert("suffixes", lexicon->suffixes_, kSuffixes);
  insert("governing_words", lexicon->governing_words_, kGoverningWords);
  insert("headline_verbs", lexicon->headline_verbs_, kHeadlineVerbs);
  insert("honorifics", lexicon->honorifics_, kHonorifics);
  insert("sentence_openers", lexicon->sentence_openers_, kSentenceOpeners);
  insert("document_words", lexicon->document_words_, kDocumentWords);
  return Status::Ok();
}

}  // namespace newsfacet
