#include "indexer/readers/main_text_extractor.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "indexer/readers/html_dom.h"

using newsfacet::ExtractMainText;
using newsfacet::MainText;
namespace html = newsfacet::html;

namespace {

std::string MainTextOf(const std::string& page) {
  const html::DocPtr doc = html::ParseHtml(page);
  REQUIRE(doc != nullptr);
  return ExtractMainText(xmlDocGetRootElement(doc.get())).text;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Sentences long enough to score as a story's paragraphs.
const std::string kStory =
    "<p>The council voted on Tuesday to close the old bridge to traffic, after engineers found "
    "cracks in two of its supporting piers during a routine inspection.</p>"
    "<p>Drivers will have to use the ring road, which adds about ten minutes to the journey, "
    "until repairs are finished, probably in the spring.</p>"
    "<p>Shop owners on both banks said they feared losing customers, and asked the council for "
    "help with their rents while the bridge is closed.</p>";

}  // namespace

TEST_CASE("main text: cookie banner, share tools, comments and related links named by class are left out") {
  const std::string text = MainTextOf(
      "<html><body><div class='cookie-banner'><p>We use cookies to give you the best experience "
      "on our website, and to show you relevant adverts.</p></div>"
      "<div class='story'>" + kStory + "<div class='share-buttons'>Share this article</div></div>"
      "<div id='comments'><p>First comment: this is a disgrace, the council should have acted "
      "years ago, everyone knew.</p></div>"
      "<div class='related-articles'><p>Related: council approves new budget, with cuts to "
      "libraries and parks across the city.</p></div></body></html>");
  CHECK(Has(text, "The council voted on Tuesday"));
  CHECK(Has(text, "help with their rents"));
  CHECK_FALSE(Has(text, "cookies"));
  CHECK_FALSE(Has(text, "Share this article"));
  CHECK_FALSE(Has(text, "disgrace"));
  CHECK_FALSE(Has(text, "new budget"));
}

TEST_CASE("main text: paragraphs are kept apart by a blank line") {
  const std::string text = MainTextOf("<html><body><div>" + kStory + "</div></body></html>");
  CHECK(text.starts_with("The council voted on Tuesday"));
  CHECK(Has(text, "probably in the spring.\n\nShop owners"));
}

TEST_CASE("main text: the densest block of prose wins over navigation and teaser lists") {
  const std::string text = MainTextOf(
      "<html><body><div class='top'><ul><li><a href='/'>Home</a></li><li><a href='/news'>News, "
      "politics, business and the economy</a></li></ul></div>"
      "<div class='teasers'><p><a href='/a'>Mayor opens the new swimming pool in the east of "
      "the city, with free entry for a week</a></p><p><a href='/b'>Ten walks to take before "
      "the summer ends, chosen by our readers</a></p></div>"
      "<div class='x1'>" + kStory + "</div></body></html>");
  CHECK(text.starts_with("The council voted on Tuesday"));
  CHECK_FALSE(Has(text, "Mayor opens"));
  CHECK_FALSE(Has(text, "Home"));
}

TEST_CASE("main text: schema.org articleBody wins over a longer block of boilerplate") {
  std::string boilerplate;
  for (int i = 0; i < 6; ++i) {
    boilerplate += "<p>Our partners, advertisers and we ourselves process your data, for "
                   "measurement, for personalised content, and for adverts.</p>";
  }
  const std::string text = MainTextOf("<html><body><div class='x'>" + boilerplate +
                                      "</div><div itemprop='articleBody'>" + kStory +
                                      "</div></body></html>");
  CHECK(text.starts_with("The council voted on Tuesday"));
  CHECK_FALSE(Has(text, "Our partners"));
}

TEST_CASE("main text: a story split over sibling containers is read whole") {
  const std::string text = MainTextOf(
      "<html><body><div class='wrap'><div class='part'>" + kStory +
      "</div><div class='ad'>Advertisement</div><div class='part'><p>The last time the bridge "
      "closed, in 1987, it stayed shut for almost two years, and three shops went out of "
      "business.</p></div></div></body></html>");
  CHECK(Has(text, "The council voted on Tuesday"));
  CHECK(Has(text, "in 1987"));
  CHECK_FALSE(Has(text, "Advertisement"));
}

TEST_CASE("main text: a heading over a list of links goes, a heading over text stays") {
  const std::string text = MainTextOf(
      "<html><body><div><h2>What happens next</h2>" + kStory +
      "<h3>Read more</h3><ul><li><a href='/1'>Bridge repairs: what we know</a></li>"
      "<li><a href='/2'>Council budget explained</a></li></ul></div></body></html>");
  CHECK(text.starts_with("What happens next\n\nThe council voted"));
  CHECK_FALSE(Has(text, "Read more"));
  CHECK_FALSE(Has(text, "what we know"));
}

TEST_CASE("main text: a short page without paragraphs falls back to its whole text") {
  CHECK(MainTextOf("<html><body><div>Closed today.</div><div>Back on Monday.</div></body></html>") ==
        "Closed today.\n\nBack on Monday.");
}

TEST_CASE("main text: broken markup that leaves a hidden menu open around the page still yields the story") {
  // libxml2 keeps the unclosed <div> open: the story ends up inside it.
  const std::string text = MainTextOf(
      "<html><body><div class='menu' style='display:none'><a href='/'>Home</a>"
      "<div class='content'>" + kStory + "</div></body></html>");
  CHECK(Has(text, "The council voted on Tuesday"));
}

TEST_CASE("main text: a page nested 100,000 elements deep does not overflow the stack") {
  std::string page = "<html><body><div>" + kStory;
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>Deep inside.</p></body></html>";
  const auto start = std::chrono::steady_clock::now();
  const std::string text = MainTextOf(page);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(Has(text, "The council voted on Tuesday"));
  CHECK(seconds < 10);  // linear: quadratic work on 100,000 levels would take minutes
}

TEST_CASE("main text: the tree's _private fields are left as they were found") {
  const html::DocPtr doc = html::ParseHtml("<html><body><div class='a'>" + kStory + "</div></body></html>");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  const MainText main_text = ExtractMainText(root);
  REQUIRE(main_text.container != nullptr);
  bool all_null = true;
  html::Walk(root, [&](xmlNode* n) { all_null &= n->_private == nullptr; return true; },
             [](xmlNode*) {});
  CHECK(all_null);
}
