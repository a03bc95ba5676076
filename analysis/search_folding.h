// Folding text into the form both the index and the query parser see.
//
// A query is analysed exactly as the text was: the indexer runs every title
// and body through FoldForSearch() before Xapian's TermGenerator, and the
// searcher runs every query through it before Xapian's QueryParser. Word
// splitting, lower-casing, stemming and positions are then Xapian's, and
// identical on both sides (see text_analysis.h).
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

// Unicode NFKC, then diacritics and Latin special letters folded to ASCII
// ("Altıntaş" -> "Altintas", "Müller" -> "Muller", "Łódź" -> "Lodz",
// "straße" -> "strasse"), typographic quotes and dashes to ASCII ("Don’t" ->
// "Don't", "al‑Assad" -> "al-Assad"), marks stripped in every script, and an
// English possessive dropped ("Kremlin's" -> "Kremlin"). Letter case is kept:
// Xapian lower-cases, and the query parser needs "AND"/"OR" and capitals.
// Thread-safe. Input must be valid UTF-8.
std::string FoldForSearch(std::string_view utf8);

// The possessive step of FoldForSearch alone, for ASCII text that needs no
// other folding ("Kremlin's" -> "Kremlin", "O'Brien" unchanged).
std::string DropPossessives(std::string text);

}  // namespace newsfacet
