#include "indexer/readers/html_metadata.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/readers/html_dom.h"

using newsfacet::AuthorNames;
using newsfacet::HtmlMetadata;
using newsfacet::ReadHtmlMetadata;
namespace html = newsfacet::html;

namespace {

HtmlMetadata MetadataOf(const std::string& page) {
  const html::DocPtr doc = html::ParseHtml(page);
  REQUIRE(doc != nullptr);
  return ReadHtmlMetadata(xmlDocGetRootElement(doc.get()), nullptr);
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("metadata: JSON-LD NewsArticle gives headline, date, authors and publisher") {
  const HtmlMetadata metadata = MetadataOf(R"(<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Page"},
     {"@type": ["NewsArticle"], "headline": "Dam bursts after storm",
      "datePublished": "2020-02-03T10:00:00Z",
      "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Li Wei"}],
      "publisher": {"@type": "Organization", "name": "River Post"}}]}
    </script></head><body><p>Text.</p></body></html>)");
  CHECK(metadata.title == "Dam bursts after storm");
  CHECK(metadata.date == "2020-02-03T10:00:00Z");
  CHECK(metadata.authors == Names{"Ana Ruiz", "Li Wei"});
  CHECK(metadata.source == "River Post");
}

TEST_CASE("metadata: broken JSON-LD, or JSON-LD nested 100,000 deep, is passed over without overflowing the stack") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const HtmlMetadata metadata = MetadataOf(
      "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
      "\"headline\": </script><script type='application/ld+json'>" + deep +
      "</script><title>Plain title</title></head><body><p>Text.</p></body></html>");
  CHECK(metadata.title == "Plain title");
}

TEST_CASE("metadata: an author that is a URL is never an author") {
  const HtmlMetadata metadata = MetadataOf(R"(<html><head>
    <meta name="author" content="https://www.zeit.de/autoren/B/jane_bloggs/index">
    <meta property="article:author" content="https://facebook.com/janebloggs">
    </head><body><p>Text.</p></body></html>)");
  CHECK(metadata.authors.empty());
}

TEST_CASE("metadata: a byline in the page gives the authors when the head names none") {
  const HtmlMetadata metadata = MetadataOf(R"(<html><body>
    <div class="article-byline">Von <a href="/autoren/s">Anna Schmidt</a> und Jan Vogel</div>
    <p>Text.</p></body></html>)");
  CHECK(metadata.authors == Names{"Anna Schmidt", "Jan Vogel"});
}

TEST_CASE("metadata: author fields are cut into names, without By, e-mail addresses or long phrases") {
  CHECK(AuthorNames("By Jane Doe and John Roe") == Names{"Jane Doe", "John Roe"});
  CHECK(AuthorNames("BY JANE DOE") == Names{"JANE DOE"});
  CHECK(AuthorNames("Ana Ruiz, Li Wei & Tom Berg") == Names{"Ana Ruiz", "Li Wei", "Tom Berg"});
  CHECK(AuthorNames("Von Anna Schmidt") == Names{"Anna Schmidt"});
  CHECK(AuthorNames("jane@example.com").empty());
  CHECK(AuthorNames("https://example.com/authors/jane").empty());
  CHECK(AuthorNames("By").empty());
  CHECK(AuthorNames("Updated 14 May 2019 at 10:32 local time").empty());
}

TEST_CASE("metadata: the site's name is cut from the title, at either end") {
  CHECK(MetadataOf("<html><head><title>Dam bursts | River Post</title>"
                   "<meta property='og:site_name' content='River Post'></head></html>")
            .title == "Dam bursts");
  CHECK(MetadataOf("<html><head><title>River Post - Dam bursts</title>"
                   "<meta property='og:site_name' content='River Post'></head></html>")
            .title == "Dam bursts");
  // No site name given: the host of the page's URL names it.
  CHECK(MetadataOf("<html><head><title>Dam bursts \u2013 ZEIT ONLINE</title>"
                   "<link rel='canonical' href='https://www.zeit.de/x'></head></html>")
            .title == "Dam bursts");
  // A part that is not the site's name stays.
  CHECK(MetadataOf("<html><head><title>Vote count | Day 2</title>"
                   "<link rel='canonical' href='https://www.zeit.de/x'></head></html>")
            .title == "Vote count | Day 2");
}

TEST_CASE("metadata: the date comes from the URL when the page gives none") {
  CHECK(MetadataOf("<html><head><meta property='og:url' "
                   "content='https://news.example/2021/3/14/fire'></head></html>")
            .date == "2021-03-14");
  CHECK(MetadataOf("<html><head><link rel='canonical' "
                   "href='https://news.example/politik/2021-09-27/wahl'></head></html>")
            .date == "2021-09-27");
  CHECK(MetadataOf("<html><head><link rel='canonical' "
                   "href='https://news.example/story/20213914'></head></html>")
            .date == "");
}

TEST_CASE("metadata: the language comes from <html lang>, content-language or og:locale") {
  CHECK(MetadataOf("<html lang='de-AT'><body></body></html>").language == "de");
  CHECK(MetadataOf("<html><head><meta http-equiv='Content-Language' content='fr'></head></html>")
            .language == "fr");
  CHECK(MetadataOf("<html><head><meta property='og:locale' content='es_ES'></head></html>")
            .language == "es");
  CHECK(MetadataOf("<html lang='{{lang}}'><body></body></html>").language == "");
}

TEST_CASE("metadata: the source falls back to the URL's host") {
  CHECK(MetadataOf("<html><head><meta property='og:url' "
                   "content='https://www.coastalnews.example/a'></head></html>")
            .source == "coastalnews.example");
}
