#include "analysis/search_folding.h"

#include <doctest/doctest.h>

using newsfacet::FoldForSearch;

TEST_CASE("folding: Turkish, Polish and German letters fold to ASCII") {
  CHECK(FoldForSearch("Mevlüt Mert Altıntaş") == "Mevlut Mert Altintas");
  CHECK(FoldForSearch("Łódź and Wójcik") == "Lodz and Wojcik");
  CHECK(FoldForSearch("Straße") == "Strasse");
  CHECK(FoldForSearch("São Paulo") == "Sao Paulo");
}

TEST_CASE("folding: letter case is kept for the query parser") {
  CHECK(FoldForSearch("Putin AND Erdoğan") == "Putin AND Erdogan");
}

TEST_CASE("folding: typographic quotes and dashes become ASCII") {
  CHECK(FoldForSearch("“Don’t forget Aleppo”") == "\"Don't forget Aleppo\"");
  CHECK(FoldForSearch("al‑Assad – Syria") == "al-Assad - Syria");
}

TEST_CASE("folding: NFKC turns compatibility forms into plain letters") {
  CHECK(FoldForSearch("ﬁnance") == "finance");  // ligature
  CHECK(FoldForSearch("Ｔｏｋｙｏ") == "Tokyo");     // full-width
}

TEST_CASE("folding: combining marks after ASCII letters are dropped") {
  CHECK(FoldForSearch("Jose\xCC\x81") == "Jose");  // "José" written with a combining acute
}

TEST_CASE("folding: marks are stripped in other scripts, and final sigma folds") {
  CHECK(FoldForSearch("Αθήνα") == "Αθηνα");
  CHECK(FoldForSearch("λόγος") == "λογοσ");
}

TEST_CASE("folding: English possessives are dropped, other apostrophes kept") {
  CHECK(FoldForSearch("the Kremlin's stance") == "the Kremlin stance");
  CHECK(FoldForSearch("Kremlin’s") == "Kremlin");
  CHECK(FoldForSearch("O'Brien's") == "O'Brien");
  CHECK(FoldForSearch("officials' pay") == "officials' pay");
}

TEST_CASE("folding: ASCII text passes through unchanged") {
  std::string text = "U.S. officials said 22-year-old gunman shot the envoy.";
  CHECK(FoldForSearch(text) == text);
}
