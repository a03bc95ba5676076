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

void Insert(const nlohmann::json& list, WordTable& into) {
  if (!list.is_array()) return;
  for (const auto& item : list) {
    if (item.is_string()) {
      std::string words = FoldedWords(item.get<std::string>());
      if (!words.empty()) into.Insert(words);
    }
  }
}

}  // namespace

void NameLexicon::AddTitle(const std::string& words) {
  std::string folded = FoldedWords(words);
  if (folded.empty()) return;
  titles_.Insert(folded);
  title_first_words_.Insert(folded.substr(0, folded.find(' ')));
  title_last_words_.Insert(folded.substr(folded.rfind(' ') + 1));
  longest_title_words_ = std::max(longest_title_words_, static_cast<size_t>(std::count(folded.begin(), folded.end(), ' ') + 1));
}

Status NameLexicon::Load(const std::filesystem::path& data_dir, NameLexicon* lexicon) {
  std::ifstream names(data_dir / "data" / "first_names.txt");
  if (!names) return Status::Error("cannot read " + (data_dir / "data" / "first_names.txt").string());
  for (std::string line; std::getline(names, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::string folded = FoldedWords(line);
    if (!folded.empty()) lexicon->first_names_.Insert(folded);
  }
  nlohmann::json cues;
  Status status = ReadJson(data_dir / "data" / "person_cues.json", &cues);
  if (!status.ok()) return status;
  for (const auto& title : cues.value("titles", nlohmann::json::array())) {
    if (title.is_string()) lexicon->AddTitle(title.get<std::string>());
  }
  Insert(cues.value("organization_words", nlohmann::json::array()), lexicon->organization_words_);
  Insert(cues.value("facility_words", nlohmann::json::array()), lexicon->organization_words_);
  Insert(cues.value("ambiguous_first_names", nlohmann::json::array()), lexicon->ambiguous_first_names_);
  Insert(cues.value("non_name_words", nlohmann::json::array()), lexicon->non_name_words_);
  Insert(cues.value("attribution_verbs", nlohmann::json::array()), lexicon->attribution_verbs_);
  Insert(cues.value("name_particles", nlohmann::json::array()), lexicon->particles_);
  Insert(cues.value("suffixes", nlohmann::json::array()), lexicon->suffixes_);
  Insert(cues.value("governing_words", nlohmann::json::array()), lexicon->governing_words_);
  Insert(cues.value("headline_verbs", nlohmann::json::array()), lexicon->headline_verbs_);
  Insert(cues.value("honorifics", nlohmann::json::array()), lexicon->honorifics_);
  Insert(cues.value("document_words", nlohmann::json::array()), lexicon->document_words_);
  return Status::Ok();
}

}  // namespace newsfacet
