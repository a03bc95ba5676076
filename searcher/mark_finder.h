// Where a query's matches are in a text: the spans a snippet wraps in
// <mark>. Words match by their exact term, their stem or a wildcard prefix;
// phrases match as whole phrases; a person matches under every spelling of
// the name and by surname alone; a country by each of its names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "searcher/highlight_terms.h"
#include "analysis/text_tokens.h"

namespace newsfacet {

struct MarkSpan {
  size_t begin = 0;  // byte offsets in the text
  size_t end = 0;
  size_t char_begin = 0;
  size_t char_end = 0;
  int feature = 0;  // which query term or entity matched: distinct ones make a better snippet
};

class MarkFinder {
 public:
  // Keeps a reference to `terms`, which must outlive the finder. Not
  // thread-safe (it owns a stemmer): one per request.
  explicit MarkFinder(const HighlightTerms& terms);

  // Sorted, non-overlapping spans. `in_title` adds the title: terms.
  std::vector<MarkSpan> Find(std::string_view text, const std::vector<TextToken>& tokens, bool in_title) const;

 private:
  int WordFeature(const TextToken& token, bool in_title) const;
  void FindPhrase(const std::vector<std::string>& words, int feature, const std::vector<TextToken>& tokens,
                  std::vector<MarkSpan>* spans) const;
  void FindPerson(const std::string& id, int feature, std::string_view text, const std::vector<TextToken>& tokens,
                  std::vector<MarkSpan>* spans) const;

  const HighlightTerms& terms_;
  mutable Xapian::Stem stemmer_;
  std::string stem_initials_;  // first letters of every stem: most words need no stemming
};

}  // namespace newsfacet
