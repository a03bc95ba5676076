#include "surname_resolver.h"

#include <algorithm>

#include "document_builder.h"
#include "index_layout.h"
#include "person_key.h"

namespace newsfacet {
namespace {

std::string Surname(const std::string& person_id) {
  size_t dash = person_id.rfind('-');
  return dash == std::string::npos ? person_id : person_id.substr(dash + 1);
}

bool HasNonAscii(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

KnownPeople GatherKnownPeople(const Xapian::Database& index) {
  KnownPeople known;
  const std::string person_prefix(layout::kPersonPrefix);
  for (auto it = index.allterms_begin(person_prefix); it != index.allterms_end(person_prefix); ++it) {
    std::string id = (*it).substr(person_prefix.size());
    if (id.find('-') == std::string::npos) continue;  // only full names resolve surnames
    known.ids_by_surname[Surname(id)].push_back(id);
  }
  struct Best {
    std::string spelling;
    Xapian::doccount articles = 0;
    bool accented = false;
  };
  std::map<std::string, Best> best;
  const std::string spelling_prefix(layout::kPersonSpellingPrefix);
  for (auto it = index.allterms_begin(spelling_prefix); it != index.allterms_end(spelling_prefix); ++it) {
    std::string entry = (*it).substr(spelling_prefix.size());
    size_t tab = entry.find(layout::kSpellingSeparator);
    if (tab == std::string::npos) continue;
    std::string id = entry.substr(0, tab), spelling = entry.substr(tab + 1);
    Best candidate{spelling, it.get_termfreq(), HasNonAscii(spelling)};
    Best& current = best[id];
    bool better = current.spelling.empty() || (candidate.accented && !current.accented) ||
                  (candidate.accented == current.accented && candidate.articles > current.articles);
    if (better) current = candidate;
  }
  for (auto& [id, choice] : best) known.display_names[id] = choice.spelling;
  return known;
}

int ResolveSurnames(Xapian::WritableDatabase& shard, const KnownPeople& known) {
  const std::string prefix(layout::kUnresolvedSurnamePrefix);
  std::vector<std::pair<std::string, std::string>> resolvable;  // term, person id
  for (auto it = shard.allterms_begin(prefix); it != shard.allterms_end(prefix); ++it) {
    auto match = known.ids_by_surname.find((*it).substr(prefix.size()));
    if (match != known.ids_by_surname.end() && match->second.size() == 1) resolvable.emplace_back(*it, match->second[0]);
  }
  int updated = 0;
  for (const auto& [term, person_id] : resolvable) {
    std::vector<Xapian::docid> docids(shard.postlist_begin(term), shard.postlist_end(term));
    const std::string surname = term.substr(prefix.size());
    for (Xapian::docid docid : docids) {
      Xapian::Document doc = shard.get_document(docid);
      StoredArticle stored = DeserializeArticle(doc.get_data());
      ArticleEntities& entities = stored.entities;
      int mentions = 1;
      auto& unresolved = entities.unresolved_surnames;
      for (auto it = unresolved.begin(); it != unresolved.end(); ++it) {
        if (it->first == surname) {
          mentions = it->second;
          unresolved.erase(it);
          break;
        }
      }
      auto display = known.display_names.find(person_id);
      entities.people.push_back(
          {person_id, display == known.display_names.end() ? person_id : display->second, mentions});
      SetEntityTerms(entities, doc);
      // The content hash stays: it fingerprints what was read, so an
      // unchanged file is still recognised as unchanged.
      doc.set_data(SerializeArticle(stored.article, entities));
      shard.replace_document(docid, doc);
      ++updated;
    }
  }
  return updated;
}

void WriteDisplayNames(Xapian::WritableDatabase& shard, const KnownPeople& known) {
  const std::string prefix(layout::kPersonNameKey);
  for (const auto& [id, name] : known.display_names) {
    std::string key = layout::KeyOf(prefix, id);
    if (shard.get_metadata(key) != name) shard.set_metadata(key, name);
  }
}

}  // namespace newsfacet
