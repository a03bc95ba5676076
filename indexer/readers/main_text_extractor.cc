#include "indexer/readers/main_text_extractor.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/html_dom.h"
#include "indexer/readers/page_blocks.h"

namespace newsfacet {
namespace {

using html::Attr;
using html::IsElement;
using html::IsOneOf;
using html::Name;

constexpr size_t kMinScoredBlock = 25;
constexpr size_t kMinMainText = 500;
constexpr size_t kMinMarkedStory = 250;
constexpr size_t kMinStrayText = 150;
constexpr size_t kMaxLeadIn = 50;
constexpr size_t kMinStandfirst = 40;
constexpr size_t kMinClosingText = 40;

// Class and id words that weigh an element's score up or down (after Readability's).
const std::initializer_list<std::string_view> kPositiveWords = {
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story"};
const std::initializer_list<std::string_view> kNegativeWords = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer",
    "footnote", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
    "cookie", "teaser", "caption", "byline", "date", "author"};

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
    if (ContainsAny(words, kNegativeWords)) weight -= 25;
    if (ContainsAny(words, kPositiveWords)) weight += 25;
  }
  if (IsArticleBody(node)) weight += 50;
  return weight;
}

void ScoreBlocks(const std::vector<TextBlock>& blocks, std::vector<PageElement>* elements) {
  static constexpr double kDividers[] = {1, 2, 6, 9, 12};
  for (const TextBlock& block : blocks) {
    if (block.chars < kMinScoredBlock || block.heading) continue;
    const double score =
        1.0 + double(block.commas) + std::min(double(block.chars / 100), 3.0);
    int ancestor = (*elements)[block.owner].parent;
    for (double divider : kDividers) {
      if (ancestor < 0) break;
      PageElement& element = (*elements)[ancestor];
      if (!element.scored) {
        element.scored = true;
        element.score = TagBonus(element.node) + ClassWeight(element.node);
      }
      element.score += score / divider;
      ancestor = element.parent;
    }
  }
  for (PageElement& element : *elements) {
    if (element.scored) element.score *= 1.0 - element.LinkDensity();
  }
}

// Totals per subtree: parents come before their children in `elements`.
void SumSubtrees(const std::vector<TextBlock>& blocks, std::vector<PageElement>* elements) {
  for (const TextBlock& block : blocks) {
    (*elements)[block.owner].own_chars += block.chars;
    (*elements)[block.owner].own_link_chars += block.link_chars;
    if ((*elements)[block.owner].paragraph) (*elements)[block.owner].paragraph_chars += block.chars;
  }
  for (PageElement& element : *elements) {
    element.chars += element.own_chars;
    element.link_chars += element.own_link_chars;
  }
  for (size_t i = elements->size(); i-- > 0;) {
    const PageElement& element = (*elements)[i];
    if (element.parent >= 0) {
      PageElement& parent = (*elements)[element.parent];
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
int TopCandidate(const std::vector<PageElement>& elements, int begin, int end) {
  int top = -1;
  for (int i = begin; i <= end; ++i) {
    if (elements[i].scored && (top < 0 || elements[i].score > elements[top].score)) top = i;
  }
  if (top < 0) return top;
  while (elements[top].parent >= begin) {
    const PageElement& parent = elements[elements[top].parent];
    if (Name(parent.node) == "body" || parent.chars > elements[top].chars) break;
    top = elements[top].parent;
  }
  return top;
}

size_t ProseChars(const PageElement& element) { return element.chars - element.link_chars; }

// The element the page marks as its story: schema.org articleBody, else the
// <article>, else <main>, with the most text; -1 when none holds min_chars.
int MarkedStory(const std::vector<PageElement>& elements, size_t min_chars) {
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
Choice ChooseTop(const std::vector<PageElement>& elements) {
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
bool IsProse(const PageElement& element) {
  const double density = element.LinkDensity();
  if (element.paragraph && element.chars <= 80) return element.chars > 0 && density == 0;
  return element.chars > 80 && density < 0.25 && element.paragraph_chars * 10 >= element.chars * 7;
}

// Marks those of `member`'s siblings that belong with the story: scored at
// least a fifth of the best (more easily with the best's class), or prose
// paragraphs with few links.
void SelectSiblings(int member, const PageElement& best, std::vector<PageElement>* elements) {
  const int parent = (*elements)[member].parent;
  if (parent < 0) return;
  const double threshold = std::max(10.0, best.score * 0.2);
  const std::string best_class = Attr(best.node, "class");
  for (xmlNode* sibling = (*elements)[parent].node->children; sibling != nullptr;
       sibling = sibling->next) {
    if (!IsElement(sibling) || sibling->_private == nullptr) continue;
    PageElement& candidate = (*elements)[PageElementIndex(sibling)];
    if (candidate.selected) continue;
    double bonus = 0;
    if (!best_class.empty() && Attr(sibling, "class") == best_class) bonus = best.score * 0.2;
    bool append = candidate.scored && candidate.score + bonus >= threshold;
    candidate.selected = append || IsProse(candidate);
  }
}

// The top element and its siblings, and, when the page marks the story up,
// the siblings of each of its ancestors up to the marked element.
void SelectStory(const Choice& choice, std::vector<PageElement>* elements) {
  const PageElement best = (*elements)[choice.top];
  (*elements)[choice.top].selected = true;
  if (choice.top == choice.marked) return;
  int member = choice.top;
  for (int level = 0; member >= 0; ++level) {
    SelectSiblings(member, best, elements);
    member = (*elements)[member].parent;
    if (choice.marked >= 0 ? member <= choice.marked : level >= 1) break;
  }
}

// Text outside paragraph elements, short and not a sentence: a dateline,
// a label, a "Share" button.
bool IsStrayLabel(const TextBlock& block, const std::vector<PageElement>& elements) {
  if (elements[block.owner].paragraph || block.chars >= kMinStrayText) return false;
  const char last = block.text.back();
  return last != '.' && last != '!' && last != '?' && last != '"';
}

// A heading, or a short line ending in a colon: it introduces what follows.
bool IsLeadIn(const TextBlock& block) {
  return block.heading || (block.chars < kMaxLeadIn && block.text.back() == ':');
}

std::string JoinBlocks(const std::vector<TextBlock>& blocks, const std::vector<PageElement>& elements,
                       const std::vector<bool>& chosen) {
  std::vector<const TextBlock*> candidates;
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
void AddStandfirst(const std::vector<TextBlock>& blocks, const std::vector<PageElement>& elements,
                   size_t title_block, std::vector<bool>* chosen) {
  const auto first = std::find(chosen->begin(), chosen->end(), true);
  const size_t story_start = static_cast<size_t>(first - chosen->begin());
  for (size_t i = title_block; i < story_start; ++i) {
    const TextBlock& block = blocks[i];
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
  PageBlocks page = CollectPageBlocks(root, pruning == Pruning::kStrict);
  std::vector<PageElement>& elements = page.elements;
  const std::vector<TextBlock>& blocks = page.blocks;
  const size_t title_block = page.title_block;
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
