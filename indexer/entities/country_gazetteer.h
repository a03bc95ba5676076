// Countries from the ways news names them: "Turkey", "U.S.", "the United
// States", "Turkish", "Syrians", "Ankara", "Aleppo", "Texas", "the Kremlin",
// "Downing Street". Loaded from schemas/data/countries.json.
#pragma once

#include <bitset>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "schemas/store/article_entities.h"
#include "indexer/entities/token_stream.h"
#include "analysis/word_table.h"
#include "common/status.h"

namespace newsfacet {

class CountryGazetteer {
 public:
  enum class FormKind { kName, kAbbreviation, kDemonym, kCapital, kCity, kRegion, kMetonym };

  struct Form {
    std::string code;
    FormKind kind = FormKind::kName;
    bool ambiguous = false;  // "Jordan", "Georgia", "Chad": needs support to count
    std::string dissolved;   // for a former state ("1991-12-26"), else ""
    bool needs_dot = false;  // an abbreviation written with its dot ("Ill.", "U.S.")
  };

  static Status Load(const std::filesystem::path& data_dir, CountryGazetteer* gazetteer);

  // For tests: a country with one surface form.
  void Add(const std::string& code, const std::string& name, const std::string& form, FormKind kind,
           bool ambiguous = false, const std::string& dissolved = "");

  // The English short name of a country code, or "" if unknown.
  const std::string& NameOf(const std::string& code) const;

  // The form spelled by tokens [begin, ...), longest first: the form and
  // how many tokens it spans (0 when none). Multi-word forms may be joined
  // by spaces or hyphens; abbreviations ("U.S.", "UK") match case and all.
  // A form several countries claim ("Moscow": Russia, the Soviet Union)
  // goes to the state that existed on `date` (ISO, may be empty: today's).
  size_t Match(const std::vector<Token>& tokens, size_t begin, const Form** form,
               const std::string& date = "") const;

  // Every country the article mentions, skipping tokens marked in
  // `inside_person` (so "Jordan" in "Michael Jordan" is not a country), with
  // mention counts and salience.
  std::vector<CountryMention> Find(const TokenStream& stream, const std::vector<bool>& inside_person,
                                   const std::string& date = "") const;

 private:
  using Claims = std::vector<Form>;
  static const Form& Preferred(const Claims& claims, const std::string& date);

  // Claims by key: the keys numbered by a WordTable (lookups run for most
  // capitalised words of every article), the claims by number.
  class ClaimIndex {
   public:
    Claims& operator[](const std::string& key);
    const Claims* Find(HashedWord key) const;

   private:
    WordTable keys_;
    std::vector<Claims> claims_;
  };
  ClaimIndex forms_;                                       // folded words joined by " "
  WordTable first_words_;                                  // of every form: most words start none
  ClaimIndex abbreviations_;                               // exact text without dots
  std::bitset<1 << 16> abbreviation_pairs_;             // the first two bytes of each
  size_t longest_abbreviation_ = 0;                       // in bytes, without dots
  std::unordered_map<std::string, std::string> names_;   // code -> name
  // successor code -> the one former state it continues ("RU" -> "SUHH"),
  // for articles dated before the former state's end
  std::unordered_map<std::string, Form> predecessor_;
  size_t longest_form_words_ = 1;
};

}  // namespace newsfacet
