#include "surname_lookup.h"

#include "index_layout.h"

namespace newsfacet {

const std::string& SurnameLookup::PersonOf(const std::string& surname) {
  auto it = persons_.find(surname);
  if (it == persons_.end()) {
    it = persons_.emplace(surname, db_.get_metadata(layout::KeyOf(layout::kSurnameResolutionKey, surname))).first;
  }
  return it->second;
}

std::optional<std::string> SurnameLookup::SurnameFor(const std::string& person_id) {
  // A person id is PersonKey() parts joined by '-'; the surname key is the last.
  std::string surname = person_id.substr(person_id.rfind('-') + 1);
  if (surname.empty() || surname == person_id) return std::nullopt;  // a one-part name is no surname
  if (PersonOf(surname) != person_id) return std::nullopt;
  return surname;
}

}  // namespace newsfacet
