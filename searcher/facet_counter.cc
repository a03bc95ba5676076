#include "searcher/facet_counter.h"

#include <algorithm>

#include "schemas/index_layout.h"

namespace newsfacet {
namespace {

// What a lone surname that resolves to no one maps to.
const std::string kNoOne;

// ResolvedCode's answers that are not codes.
constexpr int64_t kUnknown = -3;
constexpr int64_t kNotInDictionary = -2;
constexpr int64_t kNoCode = -1;

}  // namespace

void FacetCounter::IdsOf(std::string_view rest, std::vector<DocumentId>* ids) {
  ids->clear();
  while (!rest.empty()) {
    const size_t end = std::min(rest.find(layout::kFacetValueSeparator), rest.size());
    std::string_view id = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (id.empty()) continue;
    if (id[0] == layout::kUnresolvedMarker) {
      if (!surnames_) continue;
      const std::string_view surname = id.substr(1);
      const std::string*& person = resolved_(surname, resolved_.HashOf(surname));
      if (!person) {
        const std::string& found = surnames_->PersonOf(surname);
        person = found.empty() ? &kNoOne : &found;
      }
      if (person->empty()) continue;
      id = *person;
    }
    const uint64_t hash = articles_.HashOf(id);
    bool listed = false;
    for (const DocumentId& other : *ids) listed = listed || (other.hash == hash && other.id == id);
    if (!listed) ids->push_back({id, hash});
  }
}

void FacetCounter::UseColumns(std::shared_ptr<const IndexColumns> columns, size_t shard) {
  columns_ = std::move(columns);
  shard_columns_ = &columns_->shard(shard);
  dictionary_ = &columns_->dictionary(facet_);
  by_code_.assign(dictionary_->size(), 0);
}

int64_t FacetCounter::ResolvedCode(uint32_t surname_code) {
  if (resolved_codes_.empty()) resolved_codes_.assign(dictionary_->size(), kUnknown);
  int32_t& resolved = resolved_codes_[surname_code];
  if (resolved != kUnknown) return resolved;
  const std::string& person = surnames_ ? surnames_->PersonOf(std::string_view(dictionary_->IdOf(surname_code)).substr(1)) : kNoOne;
  if (person.empty()) return resolved = static_cast<int32_t>(kNoCode);
  const int64_t code = dictionary_->Find(person);
  return resolved = code >= 0 ? static_cast<int32_t>(code) : static_cast<int32_t>(kNotInDictionary);
}

void FacetCounter::CountCodes(std::span<const uint32_t> codes) {
  uint32_t any = 0;
  for (uint32_t code : codes) any |= code;
  if ((any & kSurnameBit) == 0) {
    // Columns list an article's ids once each (facet_columns.cc).
    for (uint32_t code : codes) by_code_[code] += per_document_;
    return;
  }
  // A lone surname counts for its person, once per article with the
  // person's full name.
  document_codes_.clear();
  // People with no code (ResolvedCode), told apart by id; ids held by the
  // SurnameLookup. Rare: allocates only when there is one.
  std::vector<const std::string*> people;
  for (uint32_t code : codes) {
    const int64_t counted = (code & kSurnameBit) ? ResolvedCode(code & ~kSurnameBit) : code;
    if (counted == kNoCode) continue;
    if (counted == kNotInDictionary) {
      // Two surnames of one such person are still one article of theirs.
      const std::string_view surname = std::string_view(dictionary_->IdOf(code & ~kSurnameBit)).substr(1);
      const std::string& person = surnames_->PersonOf(surname);
      if (std::none_of(people.begin(), people.end(),
                       [&](const std::string* other) { return *other == person; })) {
        people.push_back(&person);
      }
      continue;
    }
    if (std::find(document_codes_.begin(), document_codes_.end(), counted) == document_codes_.end()) {
      document_codes_.push_back(counted);
    }
  }
  for (int64_t code : document_codes_) by_code_[static_cast<size_t>(code)] += per_document_;
  for (const std::string* person : people) articles_(*person, articles_.HashOf(*person)) += per_document_;
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  ++documents_seen_;
  if (shard_columns_) {
    CountCodes(shard_columns_->Codes(facet_, doc.get_docid()));
    return;
  }
  const std::string value = doc.get_value(slot_);
  if (value.empty()) return;
  IdsOf(value, &ids_);
  for (const DocumentId& id : ids_) articles_(id.id, id.hash) += per_document_;
}

void FacetCounter::AddArticles(const std::string& id, Xapian::doccount articles) {
  if (dictionary_) {
    if (const int64_t code = dictionary_->Find(id); code >= 0) {
      by_code_[static_cast<size_t>(code)] += articles;
      return;
    }
  }
  articles_(id, articles_.HashOf(id)) += articles;
}

Xapian::doccount FacetCounter::ArticlesOf(const std::string& id) const {
  if (dictionary_) {
    if (const int64_t code = dictionary_->Find(id); code >= 0) return by_code_[static_cast<size_t>(code)];
  }
  const Xapian::doccount* articles = articles_.Lookup(id);
  return articles ? *articles : 0;
}

template <typename F>
void FacetCounter::ForEachCount(F&& f) const {
  for (size_t code = 0; code < by_code_.size(); ++code) {
    if (by_code_[code] != 0) f(dictionary_->IdOf(static_cast<uint32_t>(code)), by_code_[code]);
  }
  articles_.ForEach([&](const std::string& id, uint64_t, Xapian::doccount articles) { f(id, articles); });
}

void FacetCounter::CountValue(std::string_view value, Xapian::doccount articles) {
  documents_seen_ += articles;
  IdsOf(value, &ids_);
  for (const DocumentId& id : ids_) articles_(id.id, id.hash) += articles;
}

void FacetCounter::Merge(const FacetCounter& other) {
  documents_seen_ += other.documents_seen_;
  if (columns_ && other.columns_ == columns_) {
    for (size_t code = 0; code < by_code_.size(); ++code) by_code_[code] += other.by_code_[code];
    other.articles_.ForEach(
        [&](const std::string& id, uint64_t hash, Xapian::doccount articles) { articles_(id, hash) += articles; });
    return;
  }
  other.ForEachCount([&](const std::string& id, Xapian::doccount articles) { AddArticles(id, articles); });
}


bool FacetCounter::Counted(const std::string& id) const {
  return !(facet_ == Facet::kPeople && surnames_ && surnames_->NamesOrganisation(id));
}

IdCounts FacetCounter::counts() const {
  IdCounts counts;
  ForEachCount([&](const std::string& id, Xapian::doccount articles) {
    if (Counted(id)) counts.emplace(id, articles);
  });
  return counts;
}

IdCounts FacetCounter::TopCounts(size_t limit, const std::vector<std::string>& always) const {
  using Entry = std::pair<const std::string*, Xapian::doccount>;
  std::vector<Entry> entries;
  ForEachCount([&](const std::string& id, Xapian::doccount articles) { entries.push_back({&id, articles}); });
  auto higher = [](const Entry& a, const Entry& b) {
    return a.second != b.second ? a.second > b.second : *a.first < *b.first;
  };
  // Values left out (organisations among people) are few: rank a little
  // more than asked, and more again should they fill it.
  IdCounts top;
  for (size_t ranked = std::min(entries.size(), limit + 8);; ranked = std::min(entries.size(), ranked * 2)) {
    std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(ranked), entries.end(), higher);
    top.clear();
    for (size_t i = 0; i < ranked && top.size() < limit; ++i) {
      if (Counted(*entries[i].first)) top.emplace(*entries[i].first, entries[i].second);
    }
    if (top.size() >= limit || ranked == entries.size()) break;
  }
  for (const std::string& id : always) {
    if (const Xapian::doccount articles = ArticlesOf(id); articles > 0 && Counted(id)) top.emplace(id, articles);
  }
  return top;
}

FacetCounts CountFacetInIndex(const Xapian::Database& db, Facet facet, const SurnameLookup* surnames) {
  FacetCounts result;
  const std::string prefix(FacetTermPrefix(facet));
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    if (it.get_termfreq() > 0) result.counts[(*it).substr(prefix.size())] += it.get_termfreq();
  }
  if (facet != Facet::kPeople || !surnames) return result;
  for (auto it = result.counts.begin(); it != result.counts.end();) {
    it = surnames->NamesOrganisation(it->first) ? result.counts.erase(it) : std::next(it);
  }
  const std::string lone(layout::kUnresolvedSurnamePrefix);
  for (auto it = db.allterms_begin(lone); it != db.allterms_end(lone); ++it) {
    const std::string& person = surnames->PersonOf(std::string_view(*it).substr(lone.size()));
    if (!person.empty() && it.get_termfreq() > 0) result.counts[person] += it.get_termfreq();
  }
  return result;
}

std::vector<RankedValue> TopValues(const FacetCounts& counts, size_t limit, const std::vector<std::string>& always) {
  // Ranked by pointer: only the values shown are copied.
  using Entry = const IdCounts::value_type*;
  std::vector<Entry> entries;
  entries.reserve(counts.counts.size());
  for (const auto& entry : counts.counts) entries.push_back(&entry);
  auto higher = [](Entry a, Entry b) { return a->second != b->second ? a->second > b->second : a->first < b->first; };
  const size_t shown = std::min(limit, entries.size());
  std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(shown), entries.end(), higher);
  std::vector<RankedValue> values;
  for (size_t i = 0; i < shown; ++i) values.push_back({entries[i]->first, entries[i]->second});
  for (const std::string& id : always) {
    bool listed = std::any_of(values.begin(), values.end(), [&](const RankedValue& v) { return v.id == id; });
    if (listed) continue;
    auto it = counts.counts.find(id);
    values.push_back({id, it == counts.counts.end() ? 0 : it->second});
  }
  return values;
}

}  // namespace newsfacet
