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

struct Person {
  std::string name;
  std::vector<std::string> parts;
  int mentions = 0;
  std::string role;  // the first the article gives
  bool titled = false;  // named after a title somewhere ("President Boris Yeltsin")
};
using People = std::map<std::string, Person>;  // by id

void AddPerson(const PersonSpan& span, const std::string& id, People& people) {
  Person& person = people[id];
  // Prefer the spelling with diacritics; it is also the display rule index-wide.
  if (person.name.empty() || (HasNonAscii(span.name) && !HasNonAscii(person.name))) person.name = span.name;
  person.parts = KeyParts(id);
  person.titled = person.titled || span.title_cue;
}

// The full names that say who is in the article.
People FullNames(const std::vector<PersonSpan>& spans) {
  People people;
  // Full names with their own evidence.
  for (const PersonSpan& span : spans) {
    if (span.accepted && span.name_words >= 2) {
      if (std::string id = PersonKey(span.name); !id.empty()) AddPerson(span, id, people);
    }
  }
  // A full name without evidence is still a person when it shares a
  // surname with one who has it: "Naina Yeltsin" beside "Boris Yeltsin".
  std::set<std::string> surnames;
  for (const auto& [id, person] : people) surnames.insert(person.parts.back());
  for (const PersonSpan& span : spans) {
    if (span.accepted || span.place_name || span.organisation || span.name_words < 2) continue;
    std::string id = PersonKey(span.name);
    if (!id.empty() && surnames.count(KeyParts(id).back())) AddPerson(span, id, people);
  }
  return people;
}

// The people of the article with the words of their names: a partial full
// name ("Tayyip Erdogan") joined to the one longer name it is part of.
class NamedPeople {
 public:
  explicit NamedPeople(const People& people) {
    for (const auto& [id, person] : people) {
      std::string target;
      int candidates = 0;
      for (const auto& [other_id, other] : people) {
        if (other_id != id && IsPartialOf(person.parts, other.parts)) {
          target = other_id;
          ++candidates;
        }
      }
      if (candidates == 1) merged_into_[id] = target;
    }
    for (const auto& [id, person] : people) {
      for (const std::string& part : person.parts) {
        if (part.size() > 1) ids_by_part_[part].insert(FinalId(id));
      }
      ids_by_surname_[person.parts.back()].insert(FinalId(id));
    }
  }

  std::string FinalId(std::string id) const {
    for (auto merged = merged_into_.find(id); merged != merged_into_.end(); merged = merged_into_.find(id)) {
      id = merged->second;
    }
    return id;
  }
  bool Merged(const std::string& id) const { return merged_into_.count(id) > 0; }
  // Who a word of a name can mean: any one word of a name ("Karlov",
  // "Vladimir", "Wang" of "Wang Junxia"), or for a place name only the
  // surname ("Jordan" after "Michael Jordan"). Null when no one.
  const std::set<std::string>* Owners(const std::string& word, bool surname_only) const {
    const auto& index = surname_only ? ids_by_surname_ : ids_by_part_;
    auto owners = index.find(word);
    return owners == index.end() ? nullptr : &owners->second;
  }

 private:
  std::map<std::string, std::string> merged_into_;
  std::map<std::string, std::set<std::string>> ids_by_part_, ids_by_surname_;
};

// "Russian President Boris Yeltsin ... Naina Yeltsin ... Yeltsin said": a
// surname that several people of the article share means the one of them
// it names after a title, its subject; "" when none or several are.
std::string SoleTitledOwner(const std::set<std::string>& owners, const People& people) {
  std::string titled;
  for (const std::string& id : owners) {
    auto person = people.find(id);
    if (person == people.end() || !person->second.titled) continue;
    if (!titled.empty()) return "";
    titled = id;
  }
  return titled;
}

// The person id a span names, or "": its own full name, or a lone word
// that one person of the article has (or, of several with that surname,
// the one it names after a title). A lone word with evidence that no
// one has is counted in `unresolved`.
std::string ResolveSpan(const PersonSpan& span, const People& people, const NamedPeople& named,
                        std::map<std::string, int>& unresolved) {
  if (span.organisation) return "";
  std::string id = PersonKey(span.name);
  if (id.empty()) return "";
  if (people.count(id)) return named.FinalId(id);
  if (span.name_words != 1) return "";
  const std::set<std::string>* owners = named.Owners(id, span.place_name);
  if (owners != nullptr && owners->size() == 1) return *owners->begin();
  if (const std::set<std::string>* namesakes = named.Owners(id, true); namesakes != nullptr && namesakes->size() > 1) {
    if (std::string titled = SoleTitledOwner(*namesakes, people); !titled.empty()) return titled;
  }
  if (owners == nullptr && !span.place_name && !span.common_word && span.evidence > 0) {
    // Left for the index-wide pass, when the article itself says this
    // is a person: a title, attribution ("Erdogan claims"), an age.
    // Without one, "Apple", "Europe" or "According" would become any
    // person the index knows by that surname.
    ++unresolved[id];
  }
  return "";
}

}  // namespace

ArticlePeople ResolvePeople(const std::vector<PersonSpan>& spans) {
  People people = FullNames(spans);
  const NamedPeople named(people);
  ArticlePeople result;
  result.span_person.assign(spans.size(), "");
  std::map<std::string, int> unresolved;
  for (size_t s = 0; s < spans.size(); ++s) {
    result.span_person[s] = ResolveSpan(spans[s], people, named, unresolved);
    if (result.span_person[s].empty()) continue;
    Person& person = people[result.span_person[s]];
    ++person.mentions;
    if (person.role.empty()) person.role = spans[s].role;
  }
  for (const auto& [id, person] : people) {
    if (named.Merged(id) || person.mentions == 0) continue;
    result.people.push_back({id, person.name, person.mentions, person.role});
  }
  result.unresolved_surnames.assign(unresolved.begin(), unresolved.end());
  return result;
}

}  // namespace newsfacet
