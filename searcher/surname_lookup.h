// Which person an article's lone surname stands for, as the index says now.
//
// An article that names someone only by surname ("Karlov said ...") keeps
// the surname unresolved (layout::kUnresolvedSurnamePrefix, and "~karlov"
// in layout::kPeopleSlot); the end of each index run maps every surname
// that exactly one known full name has to that person
// (layout::kSurnameResolutionKey), and readers apply the map. So a person's
// articles are those with the person's term plus those with a lone surname
// that resolves to them; the indexer never records both in one article.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace newsfacet {

class SurnameLookup {
 public:
  // Reads `db`'s metadata as needed and remembers the answers. Not
  // thread-safe: one per request, on the request's own handle.
  explicit SurnameLookup(const Xapian::Database& db) : db_(db) {}

  // "karlov" -> "andrei-karlov"; "" when the surname stands for no one
  // (no full name has it, or several do).
  const std::string& PersonOf(const std::string& surname);

  // The surname whose lone mentions belong to `person_id`, if its surname
  // resolves to that person: "andrei-karlov" -> "karlov".
  std::optional<std::string> SurnameFor(const std::string& person_id);

 private:
  const Xapian::Database& db_;
  std::unordered_map<std::string, std::string> persons_;
};

}  // namespace newsfacet
