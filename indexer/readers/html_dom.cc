#include "indexer/readers/html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <mutex>
#include <utility>

namespace newsfacet::html {
namespace {

void IgnoreLibxmlMessage(void*, const char*, ...) {}

}  // namespace

// No HTML_PARSE_NOBLANKS: it drops the space in "<time>Monday</time> <mark>night</mark>".
// XML_PARSE_HUGE lifts the nesting limit of 256, past which libxml2 silently
// drops the rest of the page (old pages with hundreds of unclosed <font>s).
DocPtr ParseHtml(std::string_view html) {
  if (html.size() > static_cast<size_t>(INT_MAX)) return nullptr;  // beyond htmlReadMemory's int
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  // The parse options silence parser errors, but messages raised without a
  // parser context (encoding conversion) go to the generic handler, which
  // libxml2 keeps per thread.
  thread_local bool silenced = false;
  if (!std::exchange(silenced, true)) xmlSetGenericErrorFunc(nullptr, IgnoreLibxmlMessage);
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | XML_PARSE_HUGE;
  return DocPtr(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                               options));
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, BAD_CAST name);
  if (value == nullptr) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
    if (nbsp || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      i += nbsp ? 1 : 0;
      continue;
    }
    if (std::exchange(pending_space, false)) out += ' ';
    out += c;
  }
  return out;
}

bool IsInline(std::string_view name) {
  return IsOneOf(name, {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del",
                        "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
                        "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
                        "label", "nobr"});
}

std::string TextOf(xmlNode* root) {
  std::string text;
  auto enter = [&](xmlNode* n) {
    if (IsText(n)) text += Content(n);
    if (!IsElement(n)) return false;
    if (n != root && IsOneOf(Name(n), {"script", "style", "noscript", "template", "svg"})) {
      return false;
    }
    if (!IsInline(Name(n))) text += ' ';
    return true;
  };
  Walk(root, enter, [&](xmlNode* n) { if (IsElement(n) && !IsInline(Name(n))) text += ' '; });
  return CollapseWhitespace(text);
}

}  // namespace newsfacet::html
