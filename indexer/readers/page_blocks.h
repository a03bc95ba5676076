// Steps 1 and 2 of reading a page's main text (main_text_extractor.h):
// pruning what is never the story, and cutting the text left into blocks,
// each owned by the innermost non-inline element around it.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

// A non-inline element that pruning kept; the scoring fields are filled by
// the steps after (main_text_extractor.cc).
struct PageElement {
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

// A run of text between the edges of non-inline elements.
struct TextBlock {
  std::string text;
  size_t chars = 0;       // non-space bytes
  size_t link_chars = 0;  // of which inside <a>
  size_t time_chars = 0;  // of which inside <time>
  size_t commas = 0;
  int owner = 0;
  bool heading = false;
  double LinkDensity() const { return chars == 0 ? 0 : double(link_chars) / double(chars); }
};

struct PageBlocks {
  std::vector<PageElement> elements;  // in document order: parents before their children
  std::vector<TextBlock> blocks;      // in document order
  size_t title_block = SIZE_MAX;      // the first block after the first <h1>; SIZE_MAX when none
};

// Expects `_private` null throughout root's subtree. On return each kept
// element's `_private` holds its index in `elements` + 1 (PageElementIndex)
// and every other node's is null, until ClearScratch. With `strict` false,
// only tags prune (script, nav, figure, h1, ...), not classes, roles or the
// `hidden` attribute.
PageBlocks CollectPageBlocks(xmlNode* root, bool strict);

// The index in PageBlocks::elements of a kept element; -1 for other nodes.
int PageElementIndex(const xmlNode* node);
// Nulls `_private` throughout root's subtree.
void ClearScratch(xmlNode* root);

bool ContainsAny(std::string_view text, std::initializer_list<std::string_view> words);
// schema.org's articleBody: the page's own mark of its story.
bool IsArticleBody(const xmlNode* node);

}  // namespace newsfacet
