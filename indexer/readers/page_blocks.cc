#include "indexer/readers/page_blocks.h"

#include "indexer/readers/html_dom.h"

namespace newsfacet {
namespace {

using html::Attr;
using html::IsElement;
using html::IsOneOf;
using html::IsText;
using html::Name;

// Never article text, whatever the page: the <h1> is the title. Not <head>:
// libxml2 puts a whole page there after some odd markup in it.
bool IsNeverText(std::string_view name) {
  return IsOneOf(name, {"script", "style", "noscript", "template", "nav", "aside", "button",
                        "select", "textarea", "input", "option", "label", "figcaption", "figure",
                        "h1", "iframe", "svg", "object", "embed", "canvas", "audio", "video",
                        "title", "meta", "link", "dialog", "menu", "picture", "map"});
}

bool IsParagraphTag(std::string_view name) {
  return IsOneOf(name, {"p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
                        "dd", "dt", "summary", "address"});
}

bool IsHeading(std::string_view name) { return IsOneOf(name, {"h2", "h3", "h4", "h5", "h6"}); }

// Class and id words of boilerplate. An element named with one of these is
// pruned whatever else its name says ("comment-content" is a comment).
const std::initializer_list<std::string_view> kBoilerplateWords = {
    "comment", "cookie", "consent", "gdpr", "share", "sharing", "social", "sociable", "related",
    "sidebar", "newsletter", "subscri", "promo", "breadcrumb", "popup", "modal", "disqus",
    "advert", "sponsor", "outbrain", "taboola", "recommend", "paywall", "author", "copyright",
    "reply", "replies", "widget_", "textwidget", "widget-area"};
// Pruned unless the name also says content ("main-menu" no, "menu content" yes).
const std::initializer_list<std::string_view> kChromeWords = {
    "banner", "menu", "footer", "masthead", "navbar", "navigation", "toolbar", "signup", "login",
    "teaser", "skip-link", "skiplink", "byline", "tags", "tagcloud", "rss", "print",
    "pagination", "pager", "trending", "most-popular", "mostread", "most-read"};
const std::initializer_list<std::string_view> kContentWords = {
    "article", "content", "story", "entry", "post-body", "main", "text", "body"};
std::string ClassAndId(const xmlNode* node) {
  return html::Lower(Attr(node, "class") + " " + Attr(node, "id"));
}

// Only the `hidden` attribute: libxml2 nests the rest of a page with
// unclosed tags inside an element styled display:none more often than pages
// hide text that way.
bool IsHidden(const xmlNode* node) { return xmlHasProp(node, BAD_CAST "hidden") != nullptr; }

bool HasChromeRole(const xmlNode* node) {
  const std::string role = html::Lower(Attr(node, "role"));
  return IsOneOf(role, {"navigation", "banner", "contentinfo", "complementary", "dialog",
                        "alertdialog", "search", "menu", "menubar"});
}

// While blocks are collected, each element's `_private` holds in bit 0
// whether it holds the story (MarkHoldersOfStory), and above it how many
// non-space characters of text its subtree has (CountText).
intptr_t Scratch(const xmlNode* node) { return reinterpret_cast<intptr_t>(node->_private); }
void SetScratch(xmlNode* node, intptr_t value) { node->_private = reinterpret_cast<void*>(value); }
bool HoldsStory(const xmlNode* node) { return (Scratch(node) & 1) != 0; }
size_t TextChars(const xmlNode* node) { return static_cast<size_t>(Scratch(node) >> 1); }

// Elements holding the page's title or article markup: their class never prunes them.
void MarkHoldersOfStory(xmlNode* root) {
  std::vector<xmlNode*> anchors = html::FindAll(root, [](const xmlNode* n) {
    return IsOneOf(Name(n), {"h1", "article", "main"}) || IsArticleBody(n);
  });
  for (xmlNode* anchor : anchors) {
    for (xmlNode* up = anchor; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent) {
      if (HoldsStory(up)) break;  // and so do its ancestors
      SetScratch(up, Scratch(up) | 1);
    }
  }
}

void CountText(xmlNode* root) {
  std::vector<size_t> open = {0};
  auto enter = [&](xmlNode* n) {
    if (IsText(n)) {
      for (const char* c = html::Content(n); *c != '\0'; ++c) open.back() += *c > ' ' || *c < 0;
      return false;
    }
    if (!IsElement(n)) return false;
    open.push_back(0);
    return !IsOneOf(Name(n), {"script", "style", "noscript", "template", "svg"});
  };
  auto leave = [&](xmlNode* n) {
    if (!IsElement(n)) return;
    const size_t chars = open.back();
    open.pop_back();
    open.back() += chars;
    SetScratch(n, static_cast<intptr_t>(chars) << 1);
  };
  html::Walk(root, enter, leave);
}

class BlockCollector {
 public:
  // Expects `_private` null in root's subtree, and leaves it as Scratch() says.
  // With `strict` false, only tags prune (IsNeverText).
  BlockCollector(xmlNode* root, bool strict) : root_(root), strict_(strict) {
    if (!strict) return;
    CountText(root);
    MarkHoldersOfStory(root);
    page_chars_ = TextChars(root);
  }

  // Returns the index of the first block after the first <h1>, or SIZE_MAX.
  size_t Run(std::vector<PageElement>* elements, std::vector<TextBlock>* blocks) {
    elements_ = elements;
    blocks_ = blocks;
    auto enter = [&](xmlNode* n) { return Enter(n); };
    auto leave = [&](xmlNode* n) { Leave(n); };
    html::Walk(root_, enter, leave);
    Flush();
    return title_block_;
  }

 private:
  // Broken markup can leave a boilerplate element open around the rest of
  // the page: an element with half the page's text is never pruned for its
  // class, role or visibility.
  bool WrapsPage(const xmlNode* n) const { return 2 * TextChars(n) >= page_chars_; }

  bool Prunes(xmlNode* n) const {
    const std::string_view name = Name(n);
    // libxml2 can put a whole page inside a <noscript> in the head.
    if (IsNeverText(name)) return strict_ || name != "noscript";
    if (!strict_ || WrapsPage(n)) return false;
    if (IsHidden(n) || HasChromeRole(n)) return true;
    if (HoldsStory(n) || IsOneOf(name, {"body", "html", "article", "main", "a", "p"})) {
      return false;
    }
    if ((name == "header" || name == "footer") && in_article_ == 0) return true;
    const std::string words = ClassAndId(n);
    if (ContainsAny(words, kBoilerplateWords)) return true;
    return ContainsAny(words, kChromeWords) && !ContainsAny(words, kContentWords);
  }

  bool Enter(xmlNode* n) {
    if (IsText(n)) {
      AddText(html::Content(n));
      return false;
    }
    if (!IsElement(n)) return false;
    if (Name(n) == "h1" && title_block_ == SIZE_MAX) {
      Flush();
      title_block_ = blocks_->size();
    }
    if (n != root_ && Prunes(n)) return false;
    const std::string_view name = Name(n);
    if (name == "a") links_.push_back(n);
    if (name == "time") times_.push_back(n);
    if (name == "br") {
      current_ += ' ';
      return false;
    }
    if (html::IsInline(name)) return true;
    Flush();
    if (name == "article" || IsArticleBody(n)) ++in_article_;
    PageElement element;
    element.node = n;
    element.parent = open_.empty() ? -1 : open_.back();
    element.paragraph = IsParagraphTag(name);
    element.markup = IsArticleBody(n)                                        ? 3
                     : name == "article"                                     ? 2
                     : name == "main" || html::Lower(Attr(n, "role")) == "main" ? 1
                                                                             : 0;
    element.last = static_cast<int>(elements_->size());
    open_.push_back(static_cast<int>(elements_->size()));
    entered_.push_back(n);
    elements_->push_back(element);
    return true;
  }

  void Leave(xmlNode* n) {
    if (!links_.empty() && links_.back() == n) links_.pop_back();
    if (!times_.empty() && times_.back() == n) times_.pop_back();
    if (!entered_.empty() && entered_.back() == n) {
      Flush();
      if (Name(n) == "article" || IsArticleBody(n)) --in_article_;
      entered_.pop_back();
      open_.pop_back();
    }
  }

  void AddText(const char* text) {
    for (const char* c = text; *c != '\0'; ++c) {
      const unsigned char byte = static_cast<unsigned char>(*c);
      current_ += *c;
      if (byte <= ' ') continue;
      ++chars_;
      if (!links_.empty()) ++link_chars_;
      if (!times_.empty()) ++time_chars_;
      if (*c == ',') ++commas_;
    }
  }

  void Flush() {
    if (chars_ > 0 && !open_.empty()) {
      TextBlock block;
      block.text = html::CollapseWhitespace(current_);
      block.chars = chars_;
      block.link_chars = link_chars_;
      block.time_chars = time_chars_;
      block.commas = commas_;
      block.owner = open_.back();
      block.heading = IsHeading(Name((*elements_)[block.owner].node));
      if (!block.text.empty()) blocks_->push_back(std::move(block));
    }
    current_.clear();
    chars_ = link_chars_ = time_chars_ = commas_ = 0;
  }

  xmlNode* root_;
  bool strict_;
  size_t page_chars_ = 0;
  std::vector<PageElement>* elements_ = nullptr;
  std::vector<TextBlock>* blocks_ = nullptr;
  std::vector<int> open_;            // indexes of the open non-inline elements
  std::vector<xmlNode*> entered_;    // their nodes, to match Leave calls
  std::vector<xmlNode*> links_;      // open <a> elements
  std::vector<xmlNode*> times_;      // open <time> elements
  int in_article_ = 0;
  size_t title_block_ = SIZE_MAX;
  std::string current_;
  size_t chars_ = 0, link_chars_ = 0, time_chars_ = 0, commas_ = 0;
};

}  // namespace

PageBlocks CollectPageBlocks(xmlNode* root, bool strict) {
  PageBlocks page;
  page.title_block = BlockCollector(root, strict).Run(&page.elements, &page.blocks);
  ClearScratch(root);
  for (size_t i = 0; i < page.elements.size(); ++i) {
    page.elements[i].node->_private = reinterpret_cast<void*>(static_cast<intptr_t>(i + 1));
  }
  return page;
}

int PageElementIndex(const xmlNode* node) {
  return static_cast<int>(reinterpret_cast<intptr_t>(node->_private)) - 1;
}

void ClearScratch(xmlNode* root) {
  html::Walk(root, [](xmlNode* n) { n->_private = nullptr; return true; }, [](xmlNode*) {});
}

bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

bool IsArticleBody(const xmlNode* node) {
  return html::Lower(Attr(node, "itemprop")) == "articlebody";
}

}  // namespace newsfacet
