#include "indexer/readers/page_blocks.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/readers/html_dom.h"

using namespace newsfacet;

namespace {

std::vector<std::string> TextsOf(const PageBlocks& page) {
  std::vector<std::string> texts;
  for (const TextBlock& block : page.blocks) texts.push_back(block.text);
  return texts;
}

}  // namespace

TEST_CASE("page blocks: boilerplate by tag, class, role and hidden is pruned, the rest cut at block elements") {
  const html::DocPtr doc = html::ParseHtml(
      "<html><body><nav><p>Home News Sport</p></nav>"
      "<div class='cookie-banner'>We use cookies</div><div role='navigation'>Menu</div><p hidden>Secret</p>"
      "<h1>The title</h1><div class='story'><p>First <b>bold</b> paragraph,<br>with a break.</p>"
      "<h2>A heading</h2><p>See <a href='/x'>the link</a></p></div></body></html>");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  PageBlocks page = CollectPageBlocks(root, /*strict=*/true);
  CHECK(TextsOf(page) == std::vector<std::string>{"First bold paragraph, with a break.", "A heading", "See the link"});
  CHECK(page.title_block == 0);  // the <h1> is the title, not a block; blocks after it start at 0
  CHECK(page.blocks[0].commas == 1);
  CHECK(page.blocks[1].heading);
  CHECK(page.blocks[2].link_chars == 7);  // "thelink"
  CHECK(page.blocks[2].chars == 10);
  ClearScratch(root);
}

TEST_CASE("page blocks: each kept element's scratch holds its index, until cleared") {
  const html::DocPtr doc = html::ParseHtml("<html><body><div id='a'><p>One.</p></div><nav>Skip</nav></body></html>");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  PageBlocks page = CollectPageBlocks(root, /*strict=*/true);
  REQUIRE_FALSE(page.elements.empty());
  for (size_t i = 0; i < page.elements.size(); ++i) {
    CHECK(PageElementIndex(page.elements[i].node) == static_cast<int>(i));
    if (page.elements[i].parent >= 0) CHECK(page.elements[i].parent < static_cast<int>(i));
  }
  xmlNode* nav = html::FindFirst(root, html::Named("nav"));
  REQUIRE(nav != nullptr);
  CHECK(PageElementIndex(nav) == -1);
  ClearScratch(root);
  CHECK(PageElementIndex(page.elements[0].node) == -1);
}

TEST_CASE("page blocks: pruning by tag only keeps what classes, roles and hidden would prune") {
  const html::DocPtr doc = html::ParseHtml(
      "<html><body><div class='sidebar'>Side text</div><p hidden>Hidden text</p><nav>Never</nav></body></html>");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  CHECK(TextsOf(CollectPageBlocks(root, /*strict=*/true)).empty());
  ClearScratch(root);
  CHECK(TextsOf(CollectPageBlocks(root, /*strict=*/false)) == std::vector<std::string>{"Side text", "Hidden text"});
  ClearScratch(root);
}
