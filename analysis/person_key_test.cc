#include "analysis/person_key.h"

#include <doctest/doctest.h>

using newsfacet::PersonKey;
using newsfacet::PersonKeyUncached;
using newsfacet::SurnameKey;

TEST_CASE("person key: spellings with and without diacritics are one person") {
  CHECK(PersonKey("Mevlüt Mert Altıntaş") == PersonKey("Mevlut Mert Altintas"));
  CHECK(PersonKey("Tomasz Wójcik") == PersonKey("Tomasz Wojcik"));
  CHECK(PersonKey("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan");
}

TEST_CASE("person key: transliteration variants are one person") {
  CHECK(PersonKey("Andrey Karlov") == PersonKey("Andrei Karlov"));
  CHECK(PersonKey("Sergey Lavrov") == PersonKey("Sergei Lavrov"));
  CHECK(PersonKey("Aleksandr Petrenko") == PersonKey("Alexander Petrenko"));
  CHECK(PersonKey("Dmitriy Kozhevnikov") == PersonKey("Dmitry Kozhevnikov"));
  CHECK(PersonKey("Yevgeny Prigozhin") == PersonKey("Evgeniy Prigozhin"));
  CHECK(PersonKey("Katrin Schäfer") == PersonKey("Katrin Schaefer"));
  CHECK(PersonKey("Jörg Wendeborn") == PersonKey("Joerg Wendeborn"));
  CHECK(PersonKey("Alexei Navalny") == PersonKey("Aleksey Navalny"));
}

TEST_CASE("person key: an Arabic article particle does not make another person") {
  CHECK(PersonKey("Bashar al-Assad") == PersonKey("Bashar Assad"));
  CHECK(PersonKey("Khalid al-Mansour") == PersonKey("Khalid Mansour"));
}

TEST_CASE("person key: different people who share names stay apart") {
  CHECK(PersonKey("George W. Bush") != PersonKey("George H. W. Bush"));
  CHECK(PersonKey("Kim Jong-un") != PersonKey("Kim Jong-il"));
  CHECK(PersonKey("Maria Santos") != PersonKey("Paulo Santos"));
}

TEST_CASE("person key: the surname key matches a surname-only mention") {
  CHECK(SurnameKey("Andrey Karlov") == PersonKey("Karlov"));
  CHECK(SurnameKey("Mevlüt Mert Altıntaş") == PersonKey("Altintas"));
  CHECK(SurnameKey("Bashar al-Assad") == PersonKey("Assad"));
  CHECK(PersonKey("   ") == "");
}

TEST_CASE("person key: the uncached key is the remembered one, asked once or twice") {
  for (const char* name : {"Andrei Karlov", "Mevlüt Mert Altıntaş", "Bashar al-Assad", "Yevgeny", "Karlov", "oil"}) {
    CAPTURE(name);
    CHECK(PersonKeyUncached(name) == PersonKey(name));
    CHECK(PersonKeyUncached(name) == PersonKey(name));
  }
}
