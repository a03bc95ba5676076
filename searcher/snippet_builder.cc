#include "searcher/snippet_builder.h"

#include <algorithm>
#include <set>

#include "analysis/utf8.h"

namespace newsfacet {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
// How far before its first match a snippet may start, to begin at a
// sentence or give the match some context.
constexpr size_t kLeadChars = 60;
constexpr size_t kMaxCandidates = 300;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

void AppendEscaped(char c, std::string* out) {
  switch (c) {
    case '&': out->append("&amp;"); break;
    case '<': out->append("&lt;"); break;
    case '>': out->append("&gt;"); break;
    case '"': out->append("&quot;"); break;
    case '\'': out->append("&#39;"); break;
    default: out->push_back(c);
  }
}

// text[begin, end) as HTML with `spans` marked; spans must be sorted and
// those not wholly inside are left unmarked.
std::string Render(std::string_view text, size_t begin, size_t end, const std::vector<MarkSpan>& spans,
                   bool collapse_space) {
  std::string out;
  out.reserve((end - begin) * 11 / 10 + 32);
  auto span = std::lower_bound(spans.begin(), spans.end(), begin,
                               [](const MarkSpan& s, size_t offset) { return s.begin < offset; });
  bool open = false, pending_space = false;
  for (size_t i = begin; i < end; ++i) {
    while (!open && span != spans.end() && span->begin < i) ++span;  // cut by `begin` or `end`
    if (!open && span != spans.end() && span->begin == i && span->end <= end) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append("<mark>");
      open = true;
    }
    if (collapse_space && IsSpace(text[i])) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      AppendEscaped(text[i], &out);
    }
    if (open && i + 1 == span->end) {
      out.append("</mark>");
      open = false;
      ++span;
    }
  }
  return out;
}

bool IsSentenceStart(std::string_view text, const std::vector<TextToken>& tokens, size_t index) {
  if (index == 0) return true;
  std::string_view gap = text.substr(tokens[index - 1].end, tokens[index].begin - tokens[index - 1].end);
  if (gap.find('\n') != std::string_view::npos) return true;
  return gap.find_first_of(".!?") != std::string_view::npos && IsSpace(gap.back());
}

// Closing punctuation right after a word stays with it: "Ankara." not "Ankara…".
size_t EndWithPunctuation(std::string_view text, size_t end) {
  while (end < text.size()) {
    const char c = text[end];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' || c == '"' ||
        c == '\'') {
      ++end;
    } else if (text.compare(end, 3, "\xE2\x80\x9D") == 0 || text.compare(end, 3, "\xE2\x80\x99") == 0) {
      end += 3;  // ” ’
    } else {
      break;
    }
  }
  return end;
}

struct Window {
  size_t first_token = 0;
  size_t last_token = 0;
};

// The window of about kSnippetChars starting at token `first`.
Window WindowFrom(const std::vector<TextToken>& tokens, size_t first, const std::vector<MarkSpan>& spans) {
  const size_t limit = tokens[first].char_begin + kSnippetChars;
  size_t last = first;
  while (last + 1 < tokens.size() && tokens[last + 1].char_end <= limit) ++last;
  // A mark cut by the end is taken whole when it fits the hard limit.
  for (const MarkSpan& span : spans) {
    if (span.char_begin < tokens[last].char_end && span.char_end > tokens[last].char_end &&
        span.char_end <= tokens[first].char_begin + kMaxSnippetChars) {
      while (last + 1 < tokens.size() && tokens[last].end < span.end) ++last;
    }
  }
  return {first, last};
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) AppendEscaped(c, &out);
  return out;
}

std::string SnippetBuilder::Highlight(std::string_view text, bool is_title) const {
  std::vector<TextToken> tokens = TokenizeText(text);
  return Render(text, 0, text.size(), finder_.Find(text, tokens, is_title), /*collapse_space=*/false);
}

std::string SnippetBuilder::Snippet(std::string_view body) const {
  std::vector<TextToken> tokens = TokenizeText(body);
  std::vector<MarkSpan> spans = finder_.Find(body, tokens, /*in_title=*/false);
  if (tokens.empty() || CountChars(body) <= kMaxSnippetChars) {
    return Render(body, 0, body.size(), spans, /*collapse_space=*/true);
  }

  Window best = WindowFrom(tokens, 0, spans);
  long best_score = -1;
  for (size_t s = 0; s < spans.size() && s < kMaxCandidates; ++s) {
    // Start up to kLeadChars before the match, at the last sentence start
    // in that stretch if there is one.
    const size_t lead_from = spans[s].char_begin > kLeadChars ? spans[s].char_begin - kLeadChars : 0;
    size_t match_token = std::lower_bound(tokens.begin(), tokens.end(), spans[s].begin,
                                          [](const TextToken& t, size_t offset) { return t.begin < offset; }) -
                         tokens.begin();
    size_t first = match_token;
    while (first > 0 && tokens[first - 1].char_begin >= lead_from) --first;
    for (size_t t = match_token + 1; t-- > first;) {
      if (IsSentenceStart(body, tokens, t)) {
        first = t;
        break;
      }
    }
    Window window = WindowFrom(tokens, first, spans);
    std::set<int> features;
    long count = 0;
    for (const MarkSpan& span : spans) {
      if (span.begin >= tokens[window.first_token].begin && span.end <= tokens[window.last_token].end) {
        features.insert(span.feature);
        ++count;
      }
    }
    long score = static_cast<long>(features.size()) * 1000 + count;
    if (score > best_score) {
      best_score = score;
      best = window;
    }
  }
  // Near the end of the text, use the room left by starting earlier.
  if (best.last_token + 1 == tokens.size()) {
    while (best.first_token > 0 &&
           tokens[best.last_token].char_end - tokens[best.first_token - 1].char_begin <= kSnippetChars) {
      --best.first_token;
    }
  }
  const size_t begin = best.first_token == 0 ? 0 : tokens[best.first_token].begin;
  const size_t end =
      best.last_token + 1 == tokens.size() ? body.size() : EndWithPunctuation(body, tokens[best.last_token].end);
  std::string snippet;
  if (begin > 0) snippet.append(kEllipsis);
  snippet += Render(body, begin, end, spans, /*collapse_space=*/true);
  while (!snippet.empty() && snippet.back() == ' ') snippet.pop_back();
  if (end < body.size()) snippet.append(kEllipsis);
  return snippet;
}

}  // namespace newsfacet
