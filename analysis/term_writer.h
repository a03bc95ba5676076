// Writes the terms of folded text (search_folding.h) into a Xapian document:
// the same terms, positions and wdf as a Xapian::TermGenerator set up by
// ConfigureTermGenerator (text_analysis.h), with less work.
//
// Why not TermGenerator itself: it decodes and classifies every character
// through Unicode tables and adds a stemmed term for every word it meets,
// which is a large share of indexing work. After folding, news text is
// nearly all ASCII: here ASCII words are split by a byte loop that follows
// TermGenerator's rules, each word is stemmed once per run (a vocabulary),
// and each distinct word's stem is added once per text with its summed wdf. Any whitespace-delimited stretch holding another
// character is handed to a real TermGenerator, positions carried across, so
// other scripts, CJK n-grams and Unicode word rules stay Xapian's own. The
// searcher's QueryParser therefore still sees the index it expects;
// term_writer_test.cc compares the two term by term.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/word_table.h"

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
  void AddWord(uint64_t hash);
  void AddStems();
  void ForgetVocabulary();

  Xapian::Document* doc_ = nullptr;
  Xapian::termpos position_ = 0;
  Xapian::termcount wdf_inc_ = 1;
  std::string prefix_;
  Xapian::TermGenerator xapian_;  // for stretches that are not ASCII
  Xapian::Stem stemmer_;

  // Every ASCII word met so far, with its stem: news repeats its words, and
  // stemming and hashing each occurrence were a tenth of indexing time.
  // Past kMaxVocabulary words it starts again, so that a run of unique
  // tokens (codes, numbers) cannot grow it without bound.
  static constexpr size_t kMaxVocabulary = 200000;
  struct Word {
    std::string stem;  // empty: no stemmed term (starts with a digit or "_")
    uint32_t text = 0;  // the IndexText call that last met it (text_count_)
    Xapian::termcount wdf = 0;  // in that text
  };
  WordTable vocabulary_index_;  // word -> index into vocabulary_
  std::vector<Word> vocabulary_;
  uint32_t text_count_ = 0;
  std::vector<uint32_t> text_words_;  // the vocabulary_ entries this text met

  // Scratch space, kept between calls so that words cost no allocation.
  std::string word_;  // the word being read, lower case
  std::string term_;  // prefix_ + word_
};

}  // namespace newsfacet
