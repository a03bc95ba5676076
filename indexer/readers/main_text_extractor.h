// The main text of a saved article page: the story's paragraphs, without the
// navigation, teasers, captions, cookie banners, share buttons and comments
// around it.
//
// The algorithm, in the spirit of Mozilla's Readability and trafilatura:
//
// 1. Pruning. One walk over the tree leaves out what is never article text
//    (script, style, forms' controls, figures and captions, <h1>, which is
//    the title, iframes, media), what a reader never sees (`hidden`,
//    `display:none`), navigation by tag (nav, aside, menu, and page-level
//    header/footer) or role (navigation, banner, contentinfo, complementary,
//    dialog, search), and elements whose class or id names boilerplate
//    (comment, cookie, share, social, related, sidebar, newsletter, promo,
//    breadcrumb, ...). An element that holds the page's <h1>, an <article>,
//    <main> or schema.org articleBody is never pruned for its class: a
//    "has-sidebar" page wrapper holds the story.
// 2. Blocks. The text left is cut into blocks at every element that is not
//    inline (<br> is a space); each block knows its innermost element, its
//    length and how much of it is link text.
// 3. Scoring. Each block of 25+ characters scores 1 + its commas + one per
//    100 characters (at most 3); the score goes to the block's parent
//    element, half to the grandparent, then a sixth, a ninth, a twelfth. An
//    element starts from a bonus for its tag (div, article, section, main)
//    and for its class/id (article, body, content, entry, post, story, text:
//    +25; ads, comments, footers, promos, sidebars: -25), and schema.org
//    articleBody adds 50. Its final score is scaled by 1 - its link density.
// 4. Selection. The best-scoring element, moved up while its parent holds
//    little more text, and its siblings that score at least a fifth of it,
//    or that are paragraphs of prose with few links, are the article.
// 5. Output. The blocks inside the selection, minus those that are mostly
//    links (menus, tag lists, "read more"), as paragraphs separated by
//    "\n\n", whitespace collapsed.
// 6. Fallback. When that finds under 250 characters (a short note, a page
//    without structure), all the blocks of the pruned page that are not
//    mostly links are the text, if they are more.
//
// Linear in the size of the page, and without recursion: a page nested
// 100,000 elements deep is read like any other.
#pragma once

#include <libxml/tree.h>

#include <string>

namespace newsfacet {

struct MainText {
  std::string text;              // paragraphs separated by "\n\n"; may be empty
  xmlNode* container = nullptr;  // the element the text came from, if one did
};

// Uses each element's `_private` field as scratch space while it runs; the
// tree is otherwise left as it was.
MainText ExtractMainText(xmlNode* root);

}  // namespace newsfacet
