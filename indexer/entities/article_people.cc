#include "indexer/entities/article_people.h"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/person_key.h"

namespace newsfacet {
namespace {

std::vector<std::string> KeyParts(const std::string& key) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= key.size()) {
    size_t dash = key.find('-', start);
    if (dash == std::string::npos) dash = key.size();
    if (dash > start) parts.push_back(key.substr(start, dash - start));
    start = dash + 1;
  }
  return parts;
}

// "tayyip-erdogan" is part of "recep-tayyip-erdogan": same surname, and
// its other parts appear in the longer name in order.
bool IsPartialOf(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  if (shorter.size() >= longer.size() || shorter.empty() || shorter.back() != longer.back()) return false;
  size_t at = 0;
  for (const std::string& part : shorter) {
    while (at < longer.size() && longer[at] != part) ++at;
    if (at == longer.size()) return false;
    ++at;
  }
  return true;
}

bool HasNonAscii(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

ArticlePeople ResolvePeople(const std::vector<PersonSpan>& spans) {
  struct Person {
    std::string name;
    std::vector<std::string> parts;
    int mentions = 0;
    std::string role;  // the first the article gives
  };
  std::map<std::string, Person> people;  // by id
  auto add_person = [&](const PersonSpan& span, const std::string& id) {
    Person& person = people[id];
    // Prefer the spelling with diacritics; it is also the display rule index-wide.
    if (person.name.empty() || (HasNonAscii(span.name) && !HasNonAscii(person.name))) person.name = span.name;
    person.parts = KeyParts(id);
  };
  // Full names with their own evidence say who is in the article.
  for (const PersonSpan& span : spans) {
    if (span.accepted && span.name_words >= 2) {
      if (std::string id = PersonKey(span.name); !id.empty()) add_person(span, id);
    }
  }
  // A full name without evidence is still a person when it shares a
  // surname with one who has it: "Naina Yeltsin" beside "Boris Yeltsin".
  std::set<std::string> surnames;
  for (const auto& [id, person] : people) surnames.insert(person.parts.back());
  for (const PersonSpan& span : spans) {
    if (span.accepted || span.place_name || span.organisation || span.name_words < 2) continue;
    std::string id = PersonKey(span.name);
    if (!id.empty() && surnames.count(KeyParts(id).back())) add_person(span, id);
  }
  // A partial full name ("Tayyip Erdogan") joins the one longer name it is part of.
  std::map<std::string, std::string> merged_into;
  for (const auto& [id, person] : people) {
    std::string target;
    int candidates = 0;
    for (const auto& [other_id, other] : people) {
      if (other_id != id && IsPartialOf(person.parts, other.parts)) {
        target = other_id;
        ++candidates;
      }
    }
    if (candidates == 1) merged_into[id] = target;
  }
  auto final_id = [&](std::string id) {
    while (merged_into.count(id)) id = merged_into[id];
    return id;
  };
  // Any one word of a name ("Karlov", "Vladimir", "Wang" of "Wang Junxia")
  // names that person when no other person in the article has the word.
  std::map<std::string, std::set<std::string>> ids_by_part, ids_by_surname;
  for (const auto& [id, person] : people) {
    for (const std::string& part : person.parts) {
      if (part.size() > 1) ids_by_part[part].insert(final_id(id));
    }
    ids_by_surname[person.parts.back()].insert(final_id(id));
  }

  ArticlePeople result;
  result.span_person.assign(spans.size(), "");
  std::map<std::string, int> unresolved;
  for (size_t s = 0; s < spans.size(); ++s) {
    const PersonSpan& span = spans[s];
    if (span.organisation) continue;
    std::string id = PersonKey(span.name);
    if (id.empty()) continue;
    if (people.count(id)) {
      result.span_person[s] = final_id(id);
      continue;
    }
    if (span.name_words == 1) {
      // A place name stands for a person only as a surname ("Jordan" after "Michael Jordan").
      auto owners = (span.place_name ? ids_by_surname : ids_by_part).find(id);
      const auto& index = span.place_name ? ids_by_surname : ids_by_part;
      if (owners != index.end() && owners->second.size() == 1) {
        result.span_person[s] = *owners->second.begin();
      } else if (owners == index.end() && !span.place_name && !span.common_word && span.evidence > 0) {
        // Left for the index-wide pass, when the article itself says this
        // is a person: a title, attribution ("Erdogan claims"), an age.
        // Without one, "Apple", "Europe" or "According" would become any
        // person the index knows by that surname.
        ++unresolved[id];
      }
    }
  }
  for (size_t s = 0; s < spans.size(); ++s) {
    if (result.span_person[s].empty()) continue;
    Person& person = people[result.span_person[s]];
    ++person.mentions;
    if (person.role.empty()) person.role = spans[s].role;
  }
  for (const auto& [id, person] : people) {
    if (merged_into.count(id) || person.mentions == 0) continue;
    result.people.push_back({id, person.name, person.mentions, person.role});
  }
  result.unresolved_surnames.assign(unresolved.begin(), unresolved.end());
  return result;
}

}  // namespace newsfacet
