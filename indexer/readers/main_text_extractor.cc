#include "indexer/readers/main_text_extractor.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/html_dom.h"

namespace newsfacet {
namespace {

using html::Attr;
using html::IsElement;
using html::IsOneOf;
using html::IsText;
using html::Name;

constexpr size_t kMinScoredBlock = 25;
constexpr size_t kMinMainText = 500;
constexpr size_t kMinMarkedStory = 250;
constexpr size_t kMinStrayText = 150;
constexpr size_t kMaxLeadIn = 50;
constexpr size_t kMinStandfirst = 40;
constexpr size_t kMinClosingText = 40;

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

bool Contains(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

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
// Class and id words that weigh an element's score up or down (after Readability's).
const std::initializer_list<std::string_view> kPositiveWords = {
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story"};
const std::initializer_list<std::string_view> kNegativeWords = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
    "footnote", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
    "cookie", "teaser", "caption", "byline", "date", "author"};

struct Element {
  xmlNode* node = nullptr;
  int parent = -1;
  int last = 0;     // index of its last descendant (elements are in document order)
  int markup = 0;   // 3 schema.org articleBody, 2 <article>, 1 <main>; 0 otherwise
  bool paragraph = false;
  bool scored = false;
  bool selected = false;
  size_t own_chars = 0, own_link_chars = 0;  // from blocks owned directly
  size_t chars = 0, link_chars = 0;          // whole subtree
  size_t paragraph_chars = 0;                // whole subtree, in paragraph elements
  double score = 0;
  double LinkDensity() const { return chars == 0 ? 0 : double(link_chars) / double(chars); }
};

struct Block {
  std::string text;
  size_t chars = 0;       // non-space bytes
  size_t link_chars = 0;  // of which inside <a>
  size_t time_chars = 0;  // of which inside <time>
  size_t commas = 0;
  int owner = 0;
  bool heading = false;
  double LinkDensity() const { return chars == 0 ? 0 : double(link_chars) / double(chars); }
};

int IndexOf(const xmlNode* node) {
  return static_cast<int>(reinterpret_cast<intptr_t>(node->_private)) - 1;
}

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

bool IsArticleBody(const xmlNode* node) {
  return html::Lower(Attr(node, "itemprop")) == "articlebody";
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
  size_t Run(std::vector<Element>* elements, std::vector<Block>* blocks) {
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
    if (Contains(words, kBoilerplateWords)) return true;
    return Contains(words, kChromeWords) && !Contains(words, kContentWords);
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
    Element element;
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
      Block block;
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
  std::vector<Element>* elements_ = nullptr;
  std::vector<Block>* blocks_ = nullptr;
  std::vector<int> open_;            // indexes of the open non-inline elements
  std::vector<xmlNode*> entered_;    // their nodes, to match Leave calls
  std::vector<xmlNode*> links_;      // open <a> elements
  std::vector<xmlNode*> times_;      // open <time> elements
  int in_article_ = 0;
  size_t title_block_ = SIZE_MAX;
  std::string current_;
  size_t chars_ = 0, link_chars_ = 0, time_chars_ = 0, commas_ = 0;
};

double TagBonus(const xmlNode* node) {
  const std::string_view name = Name(node);
  if (IsOneOf(name, {"div", "article", "main", "section"})) return 5;
  if (IsOneOf(name, {"pre", "td", "blockquote"})) return 3;
  if (IsOneOf(name, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) return -3;
  if (IsOneOf(name, {"h2", "h3", "h4", "h5", "h6", "th", "header", "footer"})) return -5;
  return 0;
}

double ClassWeight(const xmlNode* node) {
  double weight = 0;
  for (const char* attribute : {"class", "id"}) {
    const std::string words = html::Lower(Attr(node, attribute));
    if (words.empty()) continue;
    if (Contains(words, kNegativeWords)) weight -= 25;
    if (Contains(words, kPositiveWords)) weight += 25;
  }
  if (IsArticleBody(node)) weight += 50;
  return weight;
}

void ScoreBlocks(const std::vector<Block>& blocks, std::vector<Element>* elements) {
  static constexpr double kDividers[] = {1, 2, 6, 9, 12};
  for (const Block& block : blocks) {
    if (block.chars < kMinScoredBlock || block.heading) continue;
    const double score =
        1.0 + double(block.commas) + std::min(double(block.chars / 100), 3.0);
    int ancestor = (*elements)[block.owner].parent;
    for (double divider : kDividers) {
      if (ancestor < 0) break;
      Element& element = (*elements)[ancestor];
      if (!element.scored) {
        element.scored = true;
        element.score = TagBonus(element.node) + ClassWeight(element.node);
      }
      element.score += score / divider;
      ancestor = element.parent;
    }
  }
  for (Element& element : *elements) {
    if (element.scored) element.score *= 1.0 - element.LinkDensity();
  }
}

// Totals per subtree: parents come before their children in `elements`.
void SumSubtrees(const std::vector<Block>& blocks, std::vector<Element>* elements) {
  for (const Block& block : blocks) {
    (*elements)[block.owner].own_chars += block.chars;
    (*elements)[block.owner].own_link_chars += block.link_chars;
    if ((*elements)[block.owner].paragraph) (*elements)[block.owner].paragraph_chars += block.chars;
  }
  for (Element& element : *elements) {
    element.chars += element.own_chars;
    element.link_chars += element.own_link_chars;
  }
  for (size_t i = elements->size(); i-- > 0;) {
    const Element& element = (*elements)[i];
    if (element.parent >= 0) {
      Element& parent = (*elements)[element.parent];
      parent.chars += element.chars;
      parent.link_chars += element.link_chars;
      parent.paragraph_chars += element.paragraph_chars;
      parent.last = std::max(parent.last, element.last);
    }
  }
}

// The best-scoring element in elements[begin..end], moved up while its
// parent holds no more text: a story split into sections scores each section,
// and their common parent is the story.
int TopCandidate(const std::vector<Element>& elements, int begin, int end) {
  int top = -1;
  for (int i = begin; i <= end; ++i) {
    if (elements[i].scored && (top < 0 || elements[i].score > elements[top].score)) top = i;
  }
  if (top < 0) return top;
  while (elements[top].parent >= begin) {
    const Element& parent = elements[elements[top].parent];
    if (Name(parent.node) == "body" || parent.chars > elements[top].chars) break;
    top = elements[top].parent;
  }
  return top;
}

size_t ProseChars(const Element& element) { return element.chars - element.link_chars; }

// The element the page marks as its story: schema.org articleBody, else the
// <article>, else <main>, with the most text; -1 when none holds min_chars.
int MarkedStory(const std::vector<Element>& elements, size_t min_chars) {
  for (int rank = 3; rank > 0; --rank) {
    int best = -1;
    for (size_t i = 0; i < elements.size(); ++i) {
      if (elements[i].markup != rank || ProseChars(elements[i]) < min_chars) continue;
      if (best < 0 || ProseChars(elements[i]) > ProseChars(elements[best])) best = static_cast<int>(i);
    }
    if (best >= 0) return best;
  }
  return -1;
}

struct Choice {
  int top = -1;     // the best element
  int marked = -1;  // the marked story holding it, if any
};

// Scores can favour a block of boilerplate over a story the page marks up:
// the best element inside the marked story wins when that story holds at
// least half as much text as the best element outside.
Choice ChooseTop(const std::vector<Element>& elements) {
  const int top = TopCandidate(elements, 0, static_cast<int>(elements.size()) - 1);
  // A short page has no paragraph long enough to score: its markup decides.
  if (top < 0) {
    const int marked = MarkedStory(elements, 1);
    return {marked, marked};
  }
  const int marked = MarkedStory(elements, kMinMarkedStory);
  if (marked < 0) return {top, -1};
  const bool holds_top = top >= marked && top <= elements[marked].last;
  if (!holds_top && 2 * ProseChars(elements[marked]) < ProseChars(elements[top])) {
    return {top, -1};
  }
  const int inside = holds_top ? top : TopCandidate(elements, marked, elements[marked].last);
  return {inside >= 0 ? inside : marked, marked};
}

// Paragraphs of text with few links, or an element holding mostly such paragraphs.
bool IsProse(const Element& element) {
  const double density = element.LinkDensity();
  if (element.paragraph && element.chars <= 80) return element.chars > 0 && density == 0;
  return element.chars > 80 && density < 0.25 && element.paragraph_chars * 10 >= element.chars * 7;
}

// Marks those of `member`'s siblings that belong with the story: scored at
// least a fifth of the best (more easily with the best's class), or prose
// paragraphs with few links.
void SelectSiblings(int member, const Element& best, std::vector<Element>* elements) {
  const int parent = (*elements)[member].parent;
  if (parent < 0) return;
  const double threshold = std::max(10.0, best.score * 0.2);
  const std::string best_class = Attr(best.node, "class");
  for (xmlNode* sibling = (*elements)[parent].node->children; sibling != nullptr;
       sibling = sibling->next) {
    if (!IsElement(sibling) || sibling->_private == nullptr) continue;
    Element& candidate = (*elements)[IndexOf(sibling)];
    if (candidate.selected) continue;
    double bonus = 0;
    if (!best_class.empty() && Attr(sibling, "class") == best_class) bonus = best.score * 0.2;
    bool append = candidate.scored && candidate.score + bonus >= threshold;
    candidate.selected = append || IsProse(candidate);
  }
}

// The top element and its siblings, and, when the page marks the story up,
// the siblings of each of its ancestors up to the marked element.
void SelectStory(const Choice& choice, std::vector<Element>* elements) {
  const Element best = (*elements)[choice.top];
  (*elements)[choice.top].selected = true;
  if (choice.top == choice.marked) return;
  int member = choice.top;
  for (int level = 0; member >= 0; ++level) {
    SelectSiblings(member, best, elements);
    member = (*elements)[member].parent;
    if (choice.marked >= 0 ? member <= choice.marked : level >= 1) break;
  }
}

void ClearScratch(xmlNode* root) {
  html::Walk(root, [](xmlNode* n) { n->_private = nullptr; return true; }, [](xmlNode*) {});
}

// Text outside paragraph elements, short and not a sentence: a dateline,
// a label, a "Share" button.
bool IsStrayLabel(const Block& block, const std::vector<Element>& elements) {
  if (elements[block.owner].paragraph || block.chars >= kMinStrayText) return false;
  const char last = block.text.back();
  return last != '.' && last != '!' && last != '?' && last != '"';
}

// A heading, or a short line ending in a colon: it introduces what follows.
bool IsLeadIn(const Block& block) {
  return block.heading || (block.chars < kMaxLeadIn && block.text.back() == ':');
}

std::string JoinBlocks(const std::vector<Block>& blocks, const std::vector<Element>& elements,
                       const std::vector<bool>& chosen) {
  std::vector<const Block*> candidates;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (chosen[i]) candidates.push_back(&blocks[i]);
  }
  std::vector<bool> keep(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    // A block that is only a <time> is a dateline.
    keep[i] = candidates[i]->LinkDensity() <= 0.3 && !IsStrayLabel(*candidates[i], elements) &&
              candidates[i]->time_chars < candidates[i]->chars;
  }
  // A lead-in over nothing, over links or over another lead-in heads a list of links.
  for (size_t i = candidates.size(); i-- > 0;) {
    if (!keep[i] || !IsLeadIn(*candidates[i])) continue;
    keep[i] = i + 1 < candidates.size() && keep[i + 1] && !IsLeadIn(*candidates[i + 1]);
  }
  // Short lines after the last paragraph of substance are the page's
  // furniture: "Share", ratings, "No comments yet", a photo credit.
  size_t end = candidates.size();
  while (end > 0 && !(keep[end - 1] && candidates[end - 1]->chars >= kMinClosingText)) --end;
  if (end > 0) std::fill(keep.begin() + static_cast<long>(end), keep.end(), false);
  std::string text;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!keep[i]) continue;
    if (!text.empty()) text += "\n\n";
    text += candidates[i]->text;
  }
  return text;
}

// A standfirst sits between the title and the story's body, often in a
// container of its own: the prose paragraphs there belong to the story.
void AddStandfirst(const std::vector<Block>& blocks, const std::vector<Element>& elements,
                   size_t title_block, std::vector<bool>* chosen) {
  const auto first = std::find(chosen->begin(), chosen->end(), true);
  const size_t story_start = static_cast<size_t>(first - chosen->begin());
  for (size_t i = title_block; i < story_start; ++i) {
    const Block& block = blocks[i];
    if (!IsStrayLabel(block, elements) && !block.heading && block.chars >= kMinStandfirst &&
        block.LinkDensity() <= 0.3) {
      (*chosen)[i] = true;
    }
  }
}

enum class Pruning { kStrict, kTagsOnly };

struct Attempt {
  MainText main;
  bool from_markup = false;  // main is the page's <article>, <main> or articleBody
  std::string whole_text;  // every block of the pruned page that is not mostly links
};

Attempt Extract(xmlNode* root, Pruning pruning) {
  Attempt attempt;
  std::vector<Element> elements;
  std::vector<Block> blocks;
  const size_t title_block = BlockCollector(root, pruning == Pruning::kStrict).Run(&elements, &blocks);
  // From here on `_private` holds each kept element's index + 1.
  ClearScratch(root);
  for (size_t i = 0; i < elements.size(); ++i) {
    elements[i].node->_private = reinterpret_cast<void*>(static_cast<intptr_t>(i + 1));
  }
  SumSubtrees(blocks, &elements);
  ScoreBlocks(blocks, &elements);
  if (const Choice choice = ChooseTop(elements); choice.top >= 0) {
    SelectStory(choice, &elements);
    std::vector<bool> inside(elements.size(), false);
    for (size_t i = 0; i < elements.size(); ++i) {
      const int parent = elements[i].parent;
      inside[i] = elements[i].selected || (parent >= 0 && inside[parent]);
    }
    const int story = choice.marked >= 0 ? choice.marked : choice.top;
    std::vector<bool> chosen(blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i) chosen[i] = inside[blocks[i].owner];
    AddStandfirst(blocks, elements, title_block, &chosen);
    attempt.main = {JoinBlocks(blocks, elements, chosen), elements[story].node};
    attempt.from_markup = elements[story].markup > 0 && !attempt.main.text.empty();
  }
  if (attempt.main.text.size() < kMinMainText) {
    attempt.whole_text = JoinBlocks(blocks, elements, std::vector<bool>(blocks.size(), true));
  }
  ClearScratch(root);
  return attempt;
}

}  // namespace

MainText ExtractMainText(xmlNode* root) {
  if (root == nullptr) return {};
  Attempt strict = Extract(root, Pruning::kStrict);
  if (strict.main.text.size() >= kMinMainText || strict.from_markup) return std::move(strict.main);
  MainText best = std::move(strict.main);
  if (strict.whole_text.size() > best.text.size()) best = {std::move(strict.whole_text), nullptr};
  if (best.text.size() >= kMinMainText) return best;
  // Broken markup can put a whole page inside a hidden or navigation
  // element: try again pruning by tag only, as Readability does, and take
  // that when it finds much more.
  Attempt relaxed = Extract(root, Pruning::kTagsOnly);
  MainText retry = std::move(relaxed.main);
  if (relaxed.whole_text.size() > retry.text.size()) retry = {std::move(relaxed.whole_text), nullptr};
  return retry.text.size() > 2 * best.text.size() ? retry : best;
}

}  // namespace newsfacet
