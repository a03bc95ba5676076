// The language of a text, guessed from its most common function words, for
// pages that do not say which language they are in.
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

// "en", "de", "fr", "es", "it", "nl", "pt", "sv" or "tr", or "" when the text
// is too short or too mixed to tell: at least 8 function words, and the
// winner at least twice the runner-up.
std::string GuessLanguage(std::string_view text);

}  // namespace newsfacet
