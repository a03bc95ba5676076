// What a saved article page says about itself, read the way news-please
// reads it: title, publication date, authors, canonical URL, site name and
// language, each from the most trusted of several places.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsfacet {

struct HtmlMetadata {
  std::string title;
  std::string date;  // normalised (date_normalizer.h); empty when none reads as a date
  std::string url;
  std::string source;  // the site's name
  std::vector<std::string> authors;
  std::string language;  // primary subtag, lower case; empty when the page does not say
};

// Where each field comes from, most trusted first:
// - title: og:title, JSON-LD headline, <title>, the first <h1>; the site's
//   name is cut from the end (" | Site", " - Site", " – Site"), where the site
//   is og:site_name, the JSON-LD publisher, or the page's host name;
// - date: JSON-LD datePublished, article:published_time, a <time datetime>
//   in `story` (the element the main text came from; may be null), then
//   anywhere, meta names (date, pubdate, DC.date, itemprop=datePublished,
//   ...), and last a date in the URL (/2016/12/19/, 2016-12-19);
// - url: og:url, <link rel=canonical>, JSON-LD url;
// - source: og:site_name, else the JSON-LD publisher's name, else the URL's
//   host without "www.";
// - authors: JSON-LD author names, meta author/article:author, else
//   itemprop=author, rel=author and byline elements; cleaned to names
//   ("By Jane Doe and John Roe" is two authors; a URL or e-mail is none);
// - language: <html lang>, content-language, og:locale, JSON-LD inLanguage.
HtmlMetadata ReadHtmlMetadata(xmlNode* root, xmlNode* story);

// The person names in an author field: "By" and "Von" cut, split at "and",
// "und", "&", commas; URLs, e-mail addresses and long phrases dropped.
std::vector<std::string> AuthorNames(std::string_view field);

}  // namespace newsfacet
