// The index-wide step of person finding, run at the end of every index run.
//
// An article that names a person only by surname ("Erdogan claims ...")
// keeps that surname as an unresolved term. Once the run has committed,
// the full names known across the whole index are gathered; each
// unresolved surname that belongs to exactly one of them becomes that
// person in the article, whichever article was indexed first. The same
// step picks every person's display name from the spellings in use.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace newsfacet {

struct KnownPeople {
  // surname key -> person ids with that surname (resolution needs exactly one)
  std::unordered_map<std::string, std::vector<std::string>> ids_by_surname;
  // person id -> display name: a spelling with diacritics if there is one,
  // else the spelling most articles use
  std::map<std::string, std::string> display_names;
};

// Reads the person and spelling terms of `index` (all shards, committed).
KnownPeople GatherKnownPeople(const Xapian::Database& index);

// Resolves the unresolved surnames of the documents in `shard`; returns how
// many documents gained a person. The caller commits.
int ResolveSurnames(Xapian::WritableDatabase& shard, const KnownPeople& known);

// Writes the display names into `shard` metadata (layout::kPersonNameKey),
// only those that changed. The caller commits.
void WriteDisplayNames(Xapian::WritableDatabase& shard, const KnownPeople& known);

}  // namespace newsfacet
