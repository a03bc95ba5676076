#include "indexer/readers/text_language.h"

#include <doctest/doctest.h>

using newsfacet::GuessLanguage;

TEST_CASE("text language: common function words tell the language") {
  CHECK(GuessLanguage("The minister said that the talks with the unions were going well and that "
                      "a deal was likely before the end of the week, which would end the strike.") ==
        "en");
  CHECK(GuessLanguage("Der Minister sagte, dass die Gespräche mit den Gewerkschaften gut laufen und "
                      "eine Einigung noch in dieser Woche möglich sei. Das wäre auch für die "
                      "Pendler eine gute Nachricht, die seit Tagen auf den Zug warten.") == "de");
  CHECK(GuessLanguage("Le ministre a déclaré que les négociations avec les syndicats se passaient "
                      "bien et qu'un accord était probable avant la fin de la semaine, ce qui "
                      "mettrait fin à la grève pour les usagers du train.") == "fr");
  CHECK(GuessLanguage("El ministro dijo que las negociaciones con los sindicatos iban bien y que "
                      "era probable un acuerdo antes del fin de la semana, lo que pondría fin a la "
                      "huelga para los usuarios del tren.") == "es");
}

TEST_CASE("text language: too little text, or none of the known languages, gives no guess") {
  CHECK(GuessLanguage("") == "");
  CHECK(GuessLanguage("The end.") == "");
  CHECK(GuessLanguage("東京都は新型コロナウイルスの感染者が増えていると発表した。") == "");
}
