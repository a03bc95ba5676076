// Reads a saved article page (.html, .htm) with libxml2's HTML parser.
#pragma once

#include <string>
#include <string_view>

#include "read_result.h"

namespace newsfacet {

// `html` is the page already decoded to UTF-8 (see text_decoding.h); its own
// charset declaration is ignored. Title from og:title, else <title>, else the
// first <h1>; date from article:published_time, else <time datetime>, else
// common meta names (date, pubdate, DC.date, itemprop=datePublished); url from
// og:url or <link rel=canonical>; source from og:site_name; authors from
// meta author / article:author. Body: the <p> texts inside <article> (or
// main/[role=main] when there is no <article>, else the whole <body>), without
// script, style, nav, header, footer, aside, form, figure captions, as
// paragraphs separated by "\n\n" with whitespace collapsed.
// A page with neither a title nor body text is a problem, not an article.
// The article id is `relative_path`.
ReadResult ReadHtmlArticle(std::string_view html, const std::string& relative_path);

}  // namespace newsfacet
