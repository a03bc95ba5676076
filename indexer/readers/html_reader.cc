#include "html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "date_normalizer.h"

namespace newsfacet {
namespace {

struct FreeDoc {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, FreeDoc>;

void IgnoreLibxmlMessage(void*, const char*, ...) {}

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

std::string_view Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }
bool IsElement(const xmlNode* node) { return node->type == XML_ELEMENT_NODE; }
bool IsText(const xmlNode* node) {
  return (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
         node->content != nullptr;
}
const char* Content(const xmlNode* text) { return reinterpret_cast<const char*>(text->content); }

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

// Visits root's subtree in document order without recursion, since broken
// pages nest elements thousands deep. `enter` returns false to skip a node's
// children; `leave` runs once a node's subtree is done.
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter enter, Leave leave) {
  for (xmlNode* node = root; node != nullptr;) {
    if (enter(node) && node->children != nullptr) {
      node = node->children;
      continue;
    }
    for (leave(node); node != root && node->next == nullptr; leave(node)) node = node->parent;
    node = node == root ? nullptr : node->next;
  }
}

// Matching elements in document order; with `nested` false, not those inside another match.
template <typename Pred>
std::vector<xmlNode*> FindAll(xmlNode* root, Pred pred, bool nested = true) {
  std::vector<xmlNode*> found;
  auto enter = [&](xmlNode* n) {
    if (!IsElement(n) || !pred(n)) return true;
    found.push_back(n);
    return nested;
  };
  Walk(root, enter, [](xmlNode*) {});
  return found;
}

template <typename Pred>
xmlNode* FindFirst(xmlNode* root, Pred pred) {
  xmlNode* found = nullptr;
  auto enter = [&](xmlNode* n) {
    if (found == nullptr && IsElement(n) && pred(n)) found = n;
    return found == nullptr;
  };
  Walk(root, enter, [](xmlNode*) {});
  return found;
}

auto Named(std::string_view name) {
  return [name](const xmlNode* n) { return Name(n) == name; };
}

// Collapses runs of ASCII whitespace and no-break spaces (U+00A0) to one space, and trims.
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

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements a reader does not see as article text. <h1> is the title.
bool IsNeverText(std::string_view name) {
  return IsOneOf(name, {"script", "style", "noscript", "template", "nav", "aside", "form",
                        "button", "select", "textarea", "figcaption", "h1", "iframe", "svg",
                        "object", "embed", "canvas", "audio", "video", "head", "title", "dialog",
                        "menu"});
}

bool IsParagraphBlock(std::string_view name) {
  return IsOneOf(name, {"p", "li", "blockquote", "h2", "h3"});
}

// Elements that sit inside a line of text; any other element separates words.
bool IsInline(std::string_view name) {
  return IsOneOf(name, {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del",
                        "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small",
                        "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"});
}

bool HoldsParagraphBlock(xmlNode* node) {
  return FindFirst(node, [&](xmlNode* n) { return n != node && IsParagraphBlock(Name(n)); });
}

// Pulls the text a reader sees out of one container element.
class BodyExtractor {
 public:
  // Inside an <article>, a <header> or <footer> with <p>s holds a standfirst
  // or an update note; page-level ones hold menus and copyright lines.
  explicit BodyExtractor(xmlNode* container = nullptr) {
    if (container == nullptr || Name(container) != "article") return;
    for (xmlNode* p : FindAll(container, Named("p"))) {
      for (xmlNode* up = p->parent; up != container && holds_p_.insert(up).second;) up = up->parent;
    }
  }

  bool Skips(xmlNode* element) const {
    const std::string_view name = Name(element);
    if (IsNeverText(name)) return true;
    return (name == "header" || name == "footer") && !holds_p_.contains(element);
  }

  // The collapsed text of root, without skipped elements nor `ignored` ones.
  std::string TextOf(xmlNode* root, std::string_view ignored = {}) const {
    std::string text;
    auto enter = [&](xmlNode* n) {
      if (IsText(n)) text += Content(n);
      if (!IsElement(n) || (n != root && (Skips(n) || Name(n) == ignored))) return false;
      if (!IsInline(Name(n))) text += ' ';
      return true;
    };
    Walk(root, enter, [&](xmlNode* n) { if (IsElement(n) && !IsInline(Name(n))) text += ' '; });
    return CollapseWhitespace(text);
  }

  // A block holding only a <time> is a dateline, and a list item holding
  // only links is a menu (share buttons, related stories).
  bool IsReadable(xmlNode* block) const {
    if (TextOf(block, "time").empty()) return false;
    return Name(block) != "li" || !TextOf(block, "a").empty();
  }

  std::vector<std::string> Paragraphs(xmlNode* container) const {
    std::vector<std::string> paragraphs;
    auto enter = [&](xmlNode* n) {
      if (!IsElement(n) || (n != container && Skips(n))) return false;
      if (!IsParagraphBlock(Name(n)) || HoldsParagraphBlock(n)) return true;
      if (IsReadable(n)) paragraphs.push_back(TextOf(n));
      return false;
    };
    Walk(container, enter, [](xmlNode*) {});
    return paragraphs;
  }

  // For containers without paragraph elements: their text, split at block elements.
  std::vector<std::string> TextBlocks(xmlNode* container) const {
    std::vector<std::string> blocks;
    std::string current;
    auto flush = [&] {
      if (std::string block = CollapseWhitespace(current); !block.empty()) blocks.push_back(block);
      current.clear();
    };
    auto enter = [&](xmlNode* n) {
      if (IsText(n)) current += Content(n);
      if (!IsElement(n) || (n != container && Skips(n))) return false;
      if (!IsInline(Name(n))) flush();
      return true;
    };
    Walk(container, enter, [&](xmlNode* n) { if (IsElement(n) && !IsInline(Name(n))) flush(); });
    flush();
    return blocks;
  }

 private:
  std::unordered_set<const xmlNode*> holds_p_;  // ancestors of a <p> inside the <article>
};

size_t TotalSize(const std::vector<std::string>& parts) {
  return std::accumulate(parts.begin(), parts.end(), size_t{0},
                         [](size_t sum, const std::string& part) { return sum + part.size(); });
}

struct Body {
  xmlNode* container = nullptr;
  std::string text;
};

// Containers by preference: the <article> with the most text, then <main> or
// [role=main], then <body>. Paragraphs in any of them beat the block-split
// text of all, so a teaser <article> without <p>s cannot win over the page.
Body ExtractBody(xmlNode* root) {
  xmlNode* main = FindFirst(root, [](xmlNode* n) {
    return Name(n) == "main" || Lower(Attr(n, "role")) == "main";
  });
  xmlNode* body = FindFirst(root, Named("body"));
  const std::vector<std::vector<xmlNode*>> tiers = {
      FindAll(root, Named("article"), /*nested=*/false),
      main != nullptr ? std::vector<xmlNode*>{main} : std::vector<xmlNode*>{},
      {body != nullptr ? body : root}};
  for (bool split_blocks : {false, true}) {
    for (const std::vector<xmlNode*>& tier : tiers) {
      Body best;
      std::vector<std::string> best_parts;
      for (xmlNode* container : tier) {
        const BodyExtractor extractor(container);
        std::vector<std::string> parts =
            split_blocks ? extractor.TextBlocks(container) : extractor.Paragraphs(container);
        if (TotalSize(parts) > TotalSize(best_parts)) {
          best_parts = std::move(parts);
          best.container = container;
        }
      }
      if (best_parts.empty()) continue;
      for (const std::string& part : best_parts) {
        best.text += (best.text.empty() ? "" : "\n\n") + part;
      }
      return best;
    }
  }
  return {};
}

// <meta> contents, each under its lower-cased property, name and itemprop.
using MetaTags = std::vector<std::pair<std::string, std::string>>;

MetaTags CollectMeta(xmlNode* root) {
  MetaTags tags;
  for (xmlNode* meta : FindAll(root, Named("meta"))) {
    const std::string content = CollapseWhitespace(Attr(meta, "content"));
    for (const char* key_attribute : {"property", "name", "itemprop"}) {
      std::string key = Lower(Attr(meta, key_attribute));
      if (!key.empty() && !content.empty()) tags.emplace_back(std::move(key), content);
    }
  }
  return tags;
}

std::string FirstMeta(const MetaTags& tags, std::string_view key) {
  for (const auto& [name, content] : tags) {
    if (name == key) return content;
  }
  return {};
}

// Drops " | Site" (or " - Site", with an en or em dash too) when Site is og:site_name.
std::string StripSiteSuffix(const std::string& title, const std::string& site) {
  for (std::string_view separator : {" | ", " - ", " \u2013 ", " \u2014 "}) {
    const std::string suffix = std::string(separator) + site;
    if (!site.empty() && title.size() > suffix.size() && title.ends_with(suffix)) {
      return title.substr(0, title.size() - suffix.size());
    }
  }
  return title;
}

std::string FindTitle(xmlNode* root, const MetaTags& meta, const std::string& site) {
  if (std::string og_title = FirstMeta(meta, "og:title"); !og_title.empty()) return og_title;
  if (xmlNode* title = FindFirst(root, Named("title"))) {
    std::string text = StripSiteSuffix(BodyExtractor().TextOf(title), site);
    if (!text.empty()) return text;
  }
  xmlNode* h1 = FindFirst(root, Named("h1"));
  return h1 != nullptr ? BodyExtractor().TextOf(h1) : std::string();
}

std::string FirstTimeDatetime(xmlNode* scope) {
  xmlNode* time = FindFirst(scope, [](xmlNode* n) {
    return Name(n) == "time" && !Attr(n, "datetime").empty();
  });
  return time != nullptr ? Attr(time, "datetime") : std::string();
}

// The first candidate, most trusted first, that reads as a date. A <time>
// in the article beats one elsewhere (a site header may show today's date).
std::string FindDate(xmlNode* root, xmlNode* body_container, const MetaTags& meta) {
  std::vector<std::string> candidates = {FirstMeta(meta, "article:published_time")};
  if (body_container != nullptr) candidates.push_back(FirstTimeDatetime(body_container));
  candidates.push_back(FirstTimeDatetime(root));
  // <meta itemprop=datePublished>; a <time itemprop=datePublished> is a <time> above.
  for (std::string_view name : {"date", "pubdate", "publishdate", "dc.date.issued", "dc.date",
                                "sailthru.date", "datepublished"}) {
    candidates.push_back(FirstMeta(meta, name));
  }
  for (const std::string& candidate : candidates) {
    const std::string raw = CollapseWhitespace(candidate);
    if (std::string date = raw.empty() ? "" : NormalizeDate(raw); !date.empty()) return date;
  }
  return {};
}

std::string FindUrl(xmlNode* root, const MetaTags& meta) {
  if (std::string og_url = FirstMeta(meta, "og:url"); !og_url.empty()) return og_url;
  xmlNode* canonical = FindFirst(root, [](xmlNode* n) {
    const std::string rel = " " + Lower(CollapseWhitespace(Attr(n, "rel"))) + " ";
    return Name(n) == "link" && rel.find(" canonical ") != std::string::npos;
  });
  return canonical != nullptr ? CollapseWhitespace(Attr(canonical, "href")) : std::string();
}

std::vector<std::string> FindAuthors(const MetaTags& meta) {
  std::vector<std::string> authors;
  for (const auto& [name, content] : meta) {
    if ((name == "author" || name == "article:author") &&
        std::find(authors.begin(), authors.end(), content) == authors.end()) {
      authors.push_back(content);
    }
  }
  return authors;
}

// The primary subtag of <html lang>: "en-GB" -> "en".
std::string FindLanguage(xmlNode* root) {
  const std::string lang = Lower(CollapseWhitespace(Attr(root, "lang")));
  return lang.substr(0, lang.find_first_of("-_"));
}

}  // namespace

ReadResult ReadHtmlArticle(std::string_view html, const std::string& relative_path) {
  ReadResult result;
  const DocPtr doc = ParseHtml(html);
  xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc.get()) : nullptr;
  Article article;
  Body body;
  if (root != nullptr) {
    const MetaTags meta = CollectMeta(root);
    body = ExtractBody(root);
    article.source = FirstMeta(meta, "og:site_name");
    article.title = FindTitle(root, meta, article.source);
    article.date = FindDate(root, body.container, meta);
    article.url = FindUrl(root, meta);
    article.authors = FindAuthors(meta);
    article.language = FindLanguage(root);
  }
  if (article.title.empty() && body.text.empty()) {
    result.problems.push_back({relative_path, 0, "no article text found in HTML page"});
    return result;
  }
  article.body = std::move(body.text);
  article.id = article.path = relative_path;
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace newsfacet
