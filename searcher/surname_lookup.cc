#include "searcher/surname_lookup.h"

#include "schemas/index_layout.h"

namespace newsfacet {

SurnameMap ReadSurnameMap(const Xapian::Database& db) {
  SurnameMap map;
  const std::string prefix(layout::kSurnameResolutionKey);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    std::string person = db.get_metadata(*it);
    if (!person.empty()) map.emplace((*it).substr(prefix.size()), std::move(person));
  }
  const std::string not_person(layout::kNotPersonKey);
  for (auto it = db.metadata_keys_begin(not_person); it != db.metadata_keys_end(not_person); ++it) {
    std::string organisation = db.get_metadata(*it);
    if (!organisation.empty()) map.emplace(kNotPersonMarker + (*it).substr(not_person.size()), std::move(organisation));
  }
  return map;
}

const std::string& SurnameLookup::PersonOf(std::string_view surname) const {
  static const std::string kNobody;
  auto it = map_->find(surname);
  return it == map_->end() ? kNobody : it->second;
}

bool SurnameLookup::NamesOrganisation(std::string_view person_id) const {
  if (map_->empty()) return false;
  // Asked once per person id per distinct facet value of a query's matches:
  // one buffer per thread instead of an allocation per question.
  thread_local std::string key;
  key.assign(1, kNotPersonMarker);
  key.append(person_id);
  return map_->find(std::string_view(key)) != map_->end();
}

std::optional<std::string> SurnameLookup::SurnameFor(const std::string& person_id) const {
  // A person id is PersonKey() parts joined by '-'; the surname key is the last.
  const size_t dash = person_id.rfind('-');
  if (dash == std::string::npos || dash + 1 == person_id.size()) return std::nullopt;  // no surname to go by
  std::string surname = person_id.substr(dash + 1);
  if (PersonOf(surname) != person_id) return std::nullopt;
  return surname;
}

std::shared_ptr<const SurnameMap> SurnameMapCache::Current() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!shard_) {
    shard_ = std::make_unique<Xapian::Database>(first_shard_.string());
  } else {
    shard_->reopen();
  }
  const Xapian::rev revision = shard_->get_revision();
  if (!map_ || revision != revision_) {
    map_ = std::make_shared<const SurnameMap>(ReadSurnameMap(*shard_));
    revision_ = revision;
  }
  return map_;
}

}  // namespace newsfacet
