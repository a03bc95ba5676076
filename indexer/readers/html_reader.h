// Reads a saved article page (.html, .htm) with libxml2's HTML parser.
#pragma once

#include <string>
#include <string_view>

#include "indexer/readers/read_result.h"

namespace newsfacet {

// `html` is the page already decoded to UTF-8 (see analysis/text_decoding.h); its own
// charset declaration is ignored. The body is the page's main text, without
// navigation, teasers, captions, banners and comments (main_text_extractor.h
// says how); title, date, url, source, authors and language come from the
// page's metadata (html_metadata.h), the language from the text itself
// (text_language.h) when the page does not say.
// A page with neither a title nor body text is a problem, not an article.
// The article id is `relative_path`.
ReadResult ReadHtmlArticle(std::string_view html, const std::string& relative_path);

}  // namespace newsfacet
