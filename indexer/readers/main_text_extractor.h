// The main text of a saved article page: the story's paragraphs, without the
// navigation, teasers, captions, cookie banners, share buttons and comments
// around it.
//
// The algorithm, in the spirit of Mozilla's Readability and trafilatura:
//
// 1. Pruning. One walk over the tree leaves out what is never article text
//    (script, style, form controls, figures and their captions, <h1>, which
//    is the title, iframes, media), elements with the `hidden` attribute,
//    navigation by tag (nav, aside, menu, and header/footer outside an
//    <article>) or role (navigation, banner, contentinfo, complementary,
//    dialog, search), and elements whose class or id names boilerplate:
//    comment, cookie, consent, share, social, related, sidebar, newsletter,
//    promo, advert, author, ... always; menu, footer, banner, teaser, tags,
//    pagination, ... unless the name also says content ("menu content").
//    Never pruned for its class, role or visibility: an element holding the
//    page's <h1>, an <article>, <main> or articleBody, or half the page's
//    text (broken markup often leaves a menu open around the whole page).
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
//    no more text. When the page marks up a story (articleBody, else the
//    largest <article>, else <main>) with at least half as much text, the
//    best element inside that markup is taken instead. Siblings join the
//    story when they score at least a fifth of the best, or hold mostly
//    paragraphs with few links: the siblings of the best element and of its
//    parent, or of every ancestor up to the marked story. A standfirst, the
//    prose between the <h1> and the story, joins it too.
// 5. Output. The blocks of the selection, as paragraphs separated by
//    "\n\n", whitespace collapsed, without: blocks that are mostly links
//    (menus, tag lists, "read more"), datelines (a lone <time>), text
//    outside paragraph elements that is short and not a sentence ("Share",
//    "Category: News"), a heading or a short line ending in ':' that heads
//    nothing or only links, and short lines after the story's last
//    paragraph of substance (ratings, "No comments yet").
// 6. Fallback. When that finds under 500 characters (Readability's bar)
//    and the page marks up no story, the whole pruned page's blocks (as
//    filtered in 5) are the text; when even that is short, the page is read
//    again pruning by tag only, as Readability does, and that is taken if
//    it finds twice as much.
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
