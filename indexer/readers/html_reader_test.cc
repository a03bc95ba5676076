#include "indexer/readers/html_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using newsfacet::Article;
using newsfacet::ReadHtmlArticle;
using newsfacet::ReadResult;

namespace {

// The one article a page yields; fails the test when there is not exactly one.
Article ReadOne(std::string_view html) {
  ReadResult result = ReadHtmlArticle(html, "world/2016/ankara.html");
  REQUIRE(result.problems.empty());
  REQUIRE(result.articles.size() == 1);
  return result.articles[0];
}

// A page as news sites save them: metadata in <head>, site chrome around an
// <article> that holds a header, the story and a footer.
constexpr const char* kNewsPage = R"(<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Russian ambassador shot in Ankara | The Daily Wire</title>
  <meta property="og:title" content="Russian ambassador to Turkey shot dead in Ankara">
  <meta property="og:site_name" content="The Daily Wire">
  <meta property="og:url" content="https://dailywire.example/world/2016/ankara">
  <meta property="article:published_time" content="2016-12-19T17:05:00Z">
  <meta name="author" content="Jane Doe">
  <meta property="article:author" content="John Roe">
  <meta name="author" content="Jane Doe">
  <link rel="canonical" href="https://dailywire.example/canonical/ankara">
  <style>.story p { color: red; }</style>
  <script>window.analytics = {page: "story"};</script>
</head>
<body>
  <header class="site"><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
  <article>
    <header>
      <h1>Russian ambassador shot in Ankara</h1>
      <time datetime="2016-12-18">Sunday</time>
    </header>
    <p>Andrei Karlov was shot at an art exhibition in Ankara.</p>
    <script>document.write("<p>advert</p>");</script>
    <figure><img src="karlov.jpg"><figcaption>Andrei Karlov in 2015</figcaption></figure>
    <aside><p>Read more: Turkey and Russia</p></aside>
    <p>The gunman, an off-duty police officer, was killed.</p>
    <footer>Topics: <a href="/t/turkey">Turkey</a></footer>
  </article>
  <footer class="site"><p>&copy; 2016 The Daily Wire</p></footer>
</body>
</html>)";

}  // namespace

TEST_CASE("html: body comes from <article> paragraphs without nav, script, aside or footer text") {
  const Article article = ReadOne(kNewsPage);
  CHECK(article.body ==
        "Andrei Karlov was shot at an art exhibition in Ankara.\n\n"
        "The gunman, an off-duty police officer, was killed.");
}

TEST_CASE("html: og:title wins over <title> and <h1>") {
  CHECK(ReadOne(kNewsPage).title == "Russian ambassador to Turkey shot dead in Ankara");
}

TEST_CASE("html: without og:title, <title> is used with the og:site_name suffix stripped") {
  const Article article = ReadOne(R"(<html><head>
    <title>  Markets rally
      after rate cut - Business Daily </title>
    <meta property="og:site_name" content="Business Daily">
    </head><body><h1>Rally</h1><p>Stocks rose.</p></body></html>)");
  CHECK(article.title == "Markets rally after rate cut");
  CHECK(article.source == "Business Daily");
}

TEST_CASE("html: a <title> suffix that is not the site name is kept") {
  const Article article = ReadOne(R"(<html><head><title>Vote count | Day 2</title>
    <meta property="og:site_name" content="Election Wire"></head>
    <body><p>Counting went on.</p></body></html>)");
  CHECK(article.title == "Vote count | Day 2");
}

TEST_CASE("html: without og:title or <title>, the first <h1> is the title and not body text") {
  const Article article = ReadOne(R"(<html><body><article>
    <h1>Flood   warning <em>issued</em></h1><h1>Second heading</h1>
    <p>Rivers are rising.</p></article></body></html>)");
  CHECK(article.title == "Flood warning issued");
  CHECK(article.body == "Rivers are rising.");
}

TEST_CASE("html: article:published_time wins over <time datetime>") {
  CHECK(ReadOne(kNewsPage).date == "2016-12-19T17:05:00Z");
}

TEST_CASE("html: without published_time the article's <time datetime> is the date, not body") {
  const Article article = ReadOne(R"(<html><body>
    <header>Today is <time datetime="2020-01-01">1 January 2020</time></header>
    <article><p><time datetime="2016-12-19">19 December 2016</time></p>
    <p>Snow closed the roads.</p></article></body></html>)");
  CHECK(article.date == "2016-12-19");
  CHECK(article.body == "Snow closed the roads.");
}

TEST_CASE("html: date falls back to meta name=date, then itemprop=datePublished") {
  CHECK(ReadOne(R"(<html><head><meta name="date" content="2016-12-19"></head>
    <body><p>Text.</p></body></html>)").date == "2016-12-19");
  CHECK(ReadOne(R"(<html><head><meta name="DC.date.issued" content="2016-12-19"></head>
    <body><p>Text.</p></body></html>)").date == "2016-12-19");
  CHECK(ReadOne(R"(<html><body><div itemscope><meta itemprop="datePublished"
    content="2016-12-19T17:05:00Z"><p>Text.</p></div></body></html>)").date ==
        "2016-12-19T17:05:00Z");
}

TEST_CASE("html: a date that does not normalise is left empty, and the next candidate is tried") {
  CHECK(ReadOne(R"(<html><head><meta property="article:published_time" content="soon">
    </head><body><p>Text.</p></body></html>)").date == "");
  CHECK(ReadOne(R"(<html><head><meta property="article:published_time" content="soon">
    </head><body><article><time datetime="2016-12-19">Monday</time><p>Text.</p></article>
    </body></html>)").date == "2016-12-19");
}

TEST_CASE("html: url from og:url, else <link rel=canonical>, source from og:site_name") {
  const Article article = ReadOne(kNewsPage);
  CHECK(article.url == "https://dailywire.example/world/2016/ankara");
  CHECK(article.source == "The Daily Wire");
  CHECK(ReadOne(R"(<html><head><link rel="Canonical" href=" https://x.example/a ">
    </head><body><p>Text.</p></body></html>)").url == "https://x.example/a");
}

TEST_CASE("html: authors come from meta author and article:author, deduplicated in order") {
  CHECK(ReadOne(kNewsPage).authors == std::vector<std::string>{"Jane Doe", "John Roe"});
}

TEST_CASE("html: language is the primary subtag of <html lang>, empty without one") {
  CHECK(ReadOne(kNewsPage).language == "en");
  CHECK(ReadOne(R"(<html lang="TR"><body><p>Merhaba.</p></body></html>)").language == "tr");
  CHECK(ReadOne(R"(<html><body><p>Hello.</p></body></html>)").language == "");
}

TEST_CASE("html: the article id and path are the relative path") {
  const Article article = ReadOne(kNewsPage);
  CHECK(article.id == "world/2016/ankara.html");
  CHECK(article.path == "world/2016/ankara.html");
  CHECK(article.line == 0);
}

TEST_CASE("html: script, style and noscript content never reaches the body") {
  const Article article = ReadOne(R"(<html><body><article>
    <p>Polls opened <script>var tracker = "<b>x</b>";</script>at dawn.</p>
    <style>p { margin: 0 }</style><noscript><p>Enable JavaScript</p></noscript>
    <p>Turnout was high.</p></article></body></html>)");
  CHECK(article.body == "Polls opened at dawn.\n\nTurnout was high.");
}

TEST_CASE("html: entities are decoded and whitespace, newlines and nbsp collapse to one space") {
  const Article article = ReadOne(
      "<html><body><p>Tom &amp; Jerry&#8217;s  \n\t show&nbsp;&nbsp;&nbsp;ran &lt;live&gt;"
      "&#x20AC;5&nbsp;</p><p>\n   Second\u00a0\u00a0line   </p></body></html>");
  CHECK(article.body == "Tom & Jerry\u2019s show ran <live>\u20ac5\n\nSecond line");
}

TEST_CASE("html: inline elements neither glue nor split words, <br> separates them") {
  CHECK(ReadOne("<p><b>New</b> <i>York</i> is <a href='#'>big</a>, wo<span>rd</span>.<br>Yes")
            .body == "New York is big, word. Yes");
  CHECK(ReadOne("<p>On <time>Monday</time> <mark>night</mark></p>").body == "On Monday night");
}

TEST_CASE("html: a page without <article> uses the paragraphs of <main>") {
  const Article article = ReadOne(R"(<html><body>
    <div class="promo"><p>Subscribe now!</p></div>
    <main><h2>Background</h2><p>The talks began in May.</p></main>
    <footer><p>Contact us</p></footer></body></html>)");
  CHECK(article.body == "Background\n\nThe talks began in May.");
}

TEST_CASE("html: role=main counts as <main>") {
  CHECK(ReadOne(R"(<body><p>Promo</p><div role="main"><p>Story.</p></div></body>)").body ==
        "Story.");
}

TEST_CASE("html: without <article> or <main>, the paragraphs of <body> are used") {
  const Article article = ReadOne(R"(<html><body><nav><p>Menu</p></nav>
    <div><p>First paragraph.</p><div><p>Second paragraph.</p></div></div>
    <footer><p>Copyright</p></footer></body></html>)");
  CHECK(article.body == "First paragraph.\n\nSecond paragraph.");
}

TEST_CASE("html: of several <article>s, the one with the most text is the story") {
  const Article article = ReadOne(R"(<body>
    <article class="teaser"><p>Other story teaser.</p></article>
    <article class="story"><p>The long main story text, with far more words in it.</p></article>
    <article class="teaser"><a href="/x">Link-only teaser</a></article></body>)");
  CHECK(article.body == "The long main story text, with far more words in it.");
}

TEST_CASE("html: an article <header> with a standfirst <p> is kept, one without <p> is not") {
  const Article article = ReadOne(R"(<article>
    <header><h1>Title</h1><p>The standfirst sums up the story.</p></header>
    <p>Body text.</p><footer><span>Share</span></footer></article>)");
  CHECK(article.body == "The standfirst sums up the story.\n\nBody text.");
}

TEST_CASE("html: list items, quotes and headings are paragraphs, link-only list items are menus") {
  const Article article = ReadOne(R"(<article><p>Key points:</p>
    <ul><li>Rates <b>cut</b></li><li><p>Inflation low</p></li></ul>
    <ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li></ul>
    <blockquote><p>First quoted.</p><p>Second quoted.</p></blockquote>
    <blockquote>Plain quote</blockquote><h3>What next</h3><p>Talks resume.</p>
    <h3>Read more</h3></article>)");
  // A heading over nothing heads a list of links that was dropped.
  CHECK(article.body ==
        "Key points:\n\nRates cut\n\nInflation low\n\nFirst quoted.\n\nSecond quoted.\n\n"
        "Plain quote\n\nWhat next\n\nTalks resume.");
}

TEST_CASE("html: a container without <p> has its text split at block elements") {
  const Article article = ReadOne(R"(<html><body><article><h1>Headline</h1>
    <div>First block with <b>bold</b> text.</div><div>Second line.<br>Third line.</div>
    <script>ignored()</script></article></body></html>)");
  CHECK(article.title == "Headline");
  CHECK(article.body == "First block with bold text.\n\nSecond line. Third line.");
}

TEST_CASE("html: malformed HTML with unclosed tags still yields its text") {
  const Article article = ReadOne(
      "<html><head><title>Broken page</title><body><article><p>Unclosed <b>bold <i>italic"
      "<p>Next paragraph<div>in a div</article><p>After</span></html>");
  CHECK(article.title == "Broken page");
  CHECK(article.body.find("Unclosed bold italic") == 0);
  CHECK(article.body.find("Next paragraph") != std::string::npos);
}

TEST_CASE("html: text nested beyond 256 unclosed elements is not lost") {
  std::string page = "<html><body><p>Start</p>";
  for (int i = 0; i < 1000; ++i) page += "<font size=2>";
  page += "<p>Deep end</p></body></html>";
  CHECK(ReadOne(page).body == "Start\n\nDeep end");
}

TEST_CASE("html: an empty or text-free page is a problem, not an article") {
  for (const char* page :
       {"", "   \n\t ", "<html><head><script>var x = 1;</script></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><div class='ad'></div></body></html>",
        "\x01\x02\x03"}) {
    CAPTURE(page);
    const ReadResult result = ReadHtmlArticle(page, "broken/page.html");
    CHECK(result.articles.empty());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].path == "broken/page.html");
    CHECK(result.problems[0].line == 0);
    CHECK(result.problems[0].message == "no article text found in HTML page");
  }
}

TEST_CASE("html: a page with a title but no body text is still an article, and vice versa") {
  const Article title_only = ReadOne("<html><head><title>Photo gallery</title></head></html>");
  CHECK(title_only.title == "Photo gallery");
  CHECK(title_only.body == "");
  const Article body_only = ReadOne("<p>Only a paragraph.</p>");
  CHECK(body_only.title == "");
  CHECK(body_only.body == "Only a paragraph.");
}

TEST_CASE("html: non-ASCII text is preserved and the page's own charset declaration is ignored") {
  const Article article = ReadOne(R"(<html lang="tr"><head>
    <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">
    <meta property="og:title" content="Mevlüt Mert Altıntaş kimdir?"></head>
    <body><p>Saldırgan Mevlüt Mert Altıntaş, 22 yaşında — «çevik kuvvet» polisi.</p></body>
    </html>)");
  CHECK(article.title == "Mevlüt Mert Altıntaş kimdir?");
  CHECK(article.body == "Saldırgan Mevlüt Mert Altıntaş, 22 yaşında — «çevik kuvvet» polisi.");
  CHECK(article.language == "tr");
}

TEST_CASE("html: pages read concurrently from several threads give the same article") {
  const Article expected = ReadOne(kNewsPage);
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const ReadResult result = ReadHtmlArticle(kNewsPage, "world/2016/ankara.html");
        if (result.articles.size() != 1 || result.articles[0].body != expected.body ||
            result.articles[0].title != expected.title) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(8, 0));
}
