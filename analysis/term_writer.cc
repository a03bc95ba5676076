#include "analysis/term_writer.h"

#include <cstring>

#include "analysis/text_analysis.h"

namespace newsfacet {
namespace {

// TermGenerator's limit: longer words are left out, and take no position.
constexpr size_t kMaxWordBytes = 64;

// For ASCII: what Xapian's Unicode tables say.
bool IsWordChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
char Lower(unsigned char c) { return static_cast<char>(IsUpper(c) ? c + ('a' - 'A') : c); }
bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The first byte at or after `from` that is not ASCII, or text.size().
size_t FindNonAscii(std::string_view text, size_t from) {
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, text.data() + i, 8);
    if (chunk & 0x8080808080808080ull) break;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return i;
  }
  return text.size();
}

// A lead byte of a three- or four-byte UTF-8 sequence: U+0800 and up.
bool HasWideChar(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0xE0) return true;
  }
  return false;
}

bool HasWordChar(std::string_view text) {
  for (char c : text) {
    if (IsWordChar(c)) return true;
  }
  return false;
}

size_t SkipWord(std::string_view text, size_t i) {
  while (i < text.size() && !IsAsciiSpace(text[i])) ++i;
  return i;
}
size_t SkipSpace(std::string_view text, size_t i) {
  while (i < text.size() && IsAsciiSpace(text[i])) ++i;
  return i;
}

}  // namespace

TermWriter::TermWriter() : stemmer_(NewsStemmer()) { ConfigureTermGenerator(xapian_); }

void TermWriter::SetDocument(Xapian::Document& doc) {
  doc_ = &doc;
  position_ = 0;
  xapian_.set_document(doc);
}

// Whitespace ends every word in TermGenerator's rules (no infix, suffix or
// initialism takes a space), so cutting the text at whitespace and indexing
// the pieces in order gives what one call would. With one exception: after a
// run of CJK characters TermGenerator goes on with the word it was reading,
// across whitespace, to the end of the next word ("B&漢 7" gives "b&7";
// "漢 U.S." gives "u", "s"). So a piece that holds a character of three or
// more UTF-8 bytes (where CJK is) takes the words after it up to and
// including one with a word character.
void TermWriter::IndexText(std::string_view text, Xapian::termcount wdf_inc, std::string_view prefix) {
  wdf_inc_ = wdf_inc;
  prefix_.assign(prefix);
  if (vocabulary_.size() >= kMaxVocabulary || ++text_count_ == 0) {
    ForgetVocabulary();
    text_count_ = 1;  // 0 is the "no text yet" of a new Word
  }
  text_words_.clear();
  size_t done = 0;
  while (done < text.size()) {
    const size_t other = FindNonAscii(text, done);
    if (other == text.size()) {
      IndexAscii(text.substr(done));
      break;
    }
    size_t start = other;
    while (start > done && !IsAsciiSpace(text[start - 1])) --start;
    size_t end = SkipWord(text, other);
    bool carries_on = HasWideChar(text.substr(start, end - start));
    while (true) {
      const size_t next = SkipSpace(text, end);
      const size_t next_end = SkipWord(text, next);
      if (next == next_end) break;
      const std::string_view word = text.substr(next, next_end - next);
      if (FindNonAscii(word, 0) < word.size()) {
        // Neighbouring words with other characters (a line of Cyrillic) go
        // to Xapian together.
        carries_on = carries_on || HasWideChar(word);
      } else if (carries_on) {
        carries_on = !HasWordChar(word);
      } else {
        break;
      }
      end = next_end;
    }
    IndexAscii(text.substr(done, start - done));
    IndexWithXapian(text.substr(start, end - start));
    done = end;
  }
  AddStems();
}

// TermGenerator's parse_terms, for ASCII only (see xapian-core's
// queryparser/termgenerator_internal.cc): initialisms ("U.S." -> "us"),
// infixes ("AT&T", "don't", "3,000", "1.5"), up to three suffix "+" or "#"
// ("C++", "C#"), and lower case.
void TermWriter::IndexAscii(std::string_view text) {
  const size_t n = text.size();
  size_t i = 0;
  while (true) {
    while (i < n && !IsWordChar(text[i])) ++i;
    if (i == n) return;
    word_.clear();

    if (IsUpper(text[i])) {
      size_t p = i;
      do {
        word_.push_back(Lower(text[p++]));
      } while (p < n && text[p] == '.' && ++p < n && IsUpper(text[p]));
      // One letter is no initialism; "U.Sa" is none either.
      if (word_.size() > 1 && (p == n || !IsWordChar(text[p]))) {
        i = p;
        AddWord(HashWord(word_));
        continue;
      }
      word_.clear();
    }

    char previous = 0;
    while (true) {
      do {
        previous = Lower(text[i]);
        word_.push_back(previous);
        if (++i == n) goto end_of_word;
      } while (IsWordChar(text[i]));
      // text[i] ends the word unless it joins two word characters.
      if (i + 1 == n || !IsWordChar(text[i + 1])) break;
      const char joiner = text[i];
      const bool joins = IsDigit(previous) && IsDigit(text[i + 1]) ? (joiner == ',' || joiner == '.' || joiner == ';')
                                                                   : (joiner == '\'' || joiner == '&');
      if (!joins) break;
      word_.push_back(joiner);
      ++i;
    }
    {
      const size_t length = word_.size();
      int suffixes = 0;
      while (text[i] == '+' || text[i] == '#') {
        if (++suffixes > 3) {
          word_.resize(length);
          break;
        }
        word_.push_back(text[i]);
        if (++i == n) goto end_of_word;
      }
      if (IsWordChar(text[i])) word_.resize(length);  // "fish+chips" is two words, not "fish+"
    }
  end_of_word:
    AddWord(HashWord(word_));
  }
}

void TermWriter::AddWord(uint64_t hash) {
  if (word_.size() > kMaxWordBytes) return;
  term_.assign(prefix_).append(word_);
  doc_->add_posting(term_, ++position_, wdf_inc_);

  uint32_t index = vocabulary_index_.Find(HashedWord(word_, hash));
  if (index == WordTable::kMissing) {
    index = static_cast<uint32_t>(vocabulary_.size());
    vocabulary_index_.Insert(HashedWord(word_, hash), index);
    Word& word = vocabulary_.emplace_back();
    // STEM_SOME: only words that start with a letter get a stemmed term.
    if (word_[0] >= 'a' && word_[0] <= 'z') word.stem = stemmer_(word_);
  }
  Word& word = vocabulary_[index];
  if (word.text != text_count_) {
    word.text = text_count_;
    word.wdf = 0;
    text_words_.push_back(index);
  }
  word.wdf += wdf_inc_;
}

// Each distinct word's stem once, with the wdf of all its occurrences: the
// same document as one add_term per occurrence.
void TermWriter::AddStems() {
  for (uint32_t index : text_words_) {
    const Word& word = vocabulary_[index];
    if (word.stem.empty()) continue;
    term_.clear();
    term_.push_back('Z');
    term_.append(prefix_).append(word.stem);
    doc_->add_term(term_, word.wdf);
  }
}

void TermWriter::ForgetVocabulary() {
  vocabulary_index_ = WordTable();
  vocabulary_.clear();
}

void TermWriter::IndexWithXapian(std::string_view text) {
  xapian_.set_termpos(position_);
  xapian_.index_text(Xapian::Utf8Iterator(text.data(), text.size()), wdf_inc_, prefix_);
  position_ = xapian_.get_termpos();
}

}  // namespace newsfacet
