// Writes the terms of folded text (search_folding.h) into a Xapian document:
// the same terms, positions and wdf as a Xapian::TermGenerator set up by
// ConfigureTermGenerator (text_analysis.h), in about half the time.
//
// Why not TermGenerator itself: it decodes and classifies every character
// through Unicode tables and adds a stemmed term for every word it meets,
// which made it a quarter of all indexing work. After folding, news text is
// nearly all ASCII: here ASCII words are split by a byte loop that follows
// TermGenerator's rules, and each distinct word's stem is added once per
// text with its summed wdf. Any whitespace-delimited stretch holding another
// character is handed to a real TermGenerator, positions carried across, so
// other scripts, CJK n-grams and Unicode word rules stay Xapian's own. The
// searcher's QueryParser therefore still sees the index it expects;
// term_writer_test.cc compares the two term by term.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "caching_stemmer.h"

namespace newsfacet {

class TermWriter {
 public:
  TermWriter();
  TermWriter(const TermWriter&) = delete;
  TermWriter& operator=(const TermWriter&) = delete;

  // Starts writing into `doc`, positions from the start. `doc` must outlive
  // the IndexText calls that follow.
  void SetDocument(Xapian::Document& doc);

  // As TermGenerator::index_text(text, wdf_inc, prefix): each word as a term
  // with its position, and, for words starting with a letter, "Z" + prefix +
  // its stem without positions. `text` is folded (FoldForSearch).
  void IndexText(std::string_view text, Xapian::termcount wdf_inc = 1, std::string_view prefix = {});

  // As TermGenerator::increase_termpos: keeps phrases from spanning texts.
  void IncreaseTermpos(Xapian::termpos delta = 100) { position_ += delta; }

 private:
  void IndexAscii(std::string_view text);
  void IndexWithXapian(std::string_view text);
  void AddWord();
  void AddStems();

  Xapian::Document* doc_ = nullptr;
  Xapian::termpos position_ = 0;
  Xapian::termcount wdf_inc_ = 1;
  std::string prefix_;
  CachingStemmer* stemmer_;  // owned by xapian_'s Xapian::Stem
  Xapian::TermGenerator xapian_;

  // Scratch space, kept between calls so that words cost no allocation.
  std::string word_;  // the word being read, lower case
  std::string term_;  // prefix_ + word_
  std::unordered_map<std::string, Xapian::termcount> word_wdf_;  // this text's ASCII words
};

}  // namespace newsfacet
