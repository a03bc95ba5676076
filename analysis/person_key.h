// The one id of a person, whatever the spelling.
//
// "Andrey Karlov" and "Andrei Karlov", "Mevlüt Mert Altıntaş" and "Mevlut
// Mert Altintas", "Bashar al-Assad" and "Bashar Assad" get the same key;
// "George W. Bush" and "George H. W. Bush", "Kim Jong-un" and "Kim Jong-il"
// do not. The indexer stores people under this key (layout::kPersonPrefix)
// and the searcher turns `person=Andrei Karlov` into it.
#pragma once

#include <string>
#include <string_view>

namespace newsfacet {

// A lower-case ASCII slug of the name's parts joined by "-"
// ("andrei-karlov"), after folding diacritics, spelling out transliteration
// variants (ey/iy/y endings, ks/x, -ander/-andr, German ae/oe/ue) and
// dropping Arabic article particles (al-, el-, ad-, as-, ash-). Titles are
// not stripped here: pass the name alone. "" when no letters remain.
std::string PersonKey(std::string_view name);

// PersonKey() without its per-thread memory of recent names (up to 50,000
// on each thread): for the searcher, which keys query words and any word of
// a snippet. Those are mostly not names, and a memory on every server thread
// would grow the server with each thread that ever answered a request.
std::string PersonKeyUncached(std::string_view name);

// The key of the last part of a name, used to match a surname-only mention
// ("Karlov", "Mr Karlov") to a full name: PersonKey("Karlov") ==
// SurnameKey("Andrey Karlov").
std::string SurnameKey(std::string_view name);

}  // namespace newsfacet
