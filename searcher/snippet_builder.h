// Snippets: the passage of an article that best shows why it matched, as
// HTML with the matches in <mark>, and highlighted titles and full texts.
//
// Not Xapian's MSet::snippet(): the index holds folded text, and a snippet
// must show the original ("Altıntaş" marked for the query altintas). So the
// original text is tokenized and each word folded on its own (text_tokens.h),
// and matched against the query's terms (mark_finder.h).
#pragma once

#include <string>
#include <string_view>

#include "searcher/highlight_terms.h"
#include "searcher/mark_finder.h"

namespace newsfacet {

// A snippet aims at kSnippetChars characters and never passes kMaxSnippetChars.
inline constexpr size_t kSnippetChars = 240;
inline constexpr size_t kMaxSnippetChars = 300;

class SnippetBuilder {
 public:
  // Keeps a reference to `terms`. Not thread-safe: one per request.
  explicit SnippetBuilder(const HighlightTerms& terms) : finder_(terms) {}

  // The best passage of `body`: the window of about kSnippetChars
  // characters with the most distinct matches (then the most matches),
  // starting at a sentence when one starts shortly before, cut at word
  // boundaries with "…" where text was cut. Everything is HTML-escaped,
  // matches are wrapped in <mark></mark>, and runs of white space become one
  // space. With no match: the opening of the text.
  std::string Snippet(std::string_view body) const;

  // All of `text`, escaped and marked, white space kept. `is_title` adds
  // the query's title: terms.
  std::string Highlight(std::string_view text, bool is_title) const;

 private:
  MarkFinder finder_;
};

// & < > " ' as entities: safe in HTML text and in attribute values.
std::string EscapeHtml(std::string_view text);

}  // namespace newsfacet
