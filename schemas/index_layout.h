// The newsfacet index layout: every term prefix, value slot and metadata key,
// in one place. The indexer writes what this file says and the searcher reads
// it; schemas/index_layout.md explains it for people. Change both together,
// and bump kLayoutVersion when an existing index can no longer be read.
#pragma once

#include <cinttypes>
#include <cstdio>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsfacet::layout {

// Written to the index manifest; an index of another version is refused.
// 2: the article moved from document data to kArticleSlot; 3: organisations
inline constexpr int kLayoutVersion = 3;

// Mixed into kContentHashSlot: bump it when the indexer writes an article's
// document differently (a new slot), so that a re-run rewrites articles
// whose JSON has not changed. 2: kTimeSlot.
inline constexpr std::string_view kDocumentFormat = "document-format 2";

// ---- Files in an index directory --------------------------------------
// INDEX_DIR/XAPIANDB lists the shards, so any Xapian tool (quest, delve)
// opens INDEX_DIR as one database.
inline constexpr std::string_view kStubFile = "XAPIANDB";
inline constexpr std::string_view kManifestFile = "newsfacet.json";
inline constexpr std::string_view kLockFile = "newsfacet.lock";
inline constexpr std::string_view kShardDirPrefix = "shard-";  // shard-0, shard-1, ...
// A shard being compacted is written beside it: shard-0.compacting.
inline constexpr std::string_view kCompactingSuffix = ".compacting";
// A Xapian database holding only metadata: one entry per indexed file.
inline constexpr std::string_view kCatalogDir = "catalog";

// ---- Term prefixes (Xapian conventions where one exists) --------------
// Free text: unprefixed exact (unstemmed, with positions) terms, plus
// "Z"-prefixed stemmed terms, from title and body.
inline constexpr std::string_view kStemmedPrefix = "Z";
// Title words again under their own prefix, for `title:` queries.
inline constexpr std::string_view kTitlePrefix = "S";
// Boolean terms (values longer than kMaxKeyValueBytes go through KeyOf()):
// exactly one "Q" term per document.
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kSourceFilePrefix = "XF";  // + path relative to the indexed directory
inline constexpr std::string_view kSourcePrefix = "XS";      // + lower-cased source (site) name
inline constexpr std::string_view kLanguagePrefix = "L";     // + language code
inline constexpr std::string_view kYearPrefix = "Y";         // + YYYY
inline constexpr std::string_view kMonthPrefix = "M";        // + YYYYMM
inline constexpr std::string_view kDayPrefix = "D";          // + YYYYMMDD
// Entity facets (filled by entity extraction), + the facet value id:
//   person:  a PersonKey() slug, "andrei-karlov" (one id for every spelling)
//   country: ISO 3166-1 alpha-2 "TR", or ISO 3166-3 alpha-4 for states that
//            no longer exist ("SUHH" Soviet Union, "DDDE" East Germany)
//   event:   an id from schemas/events.json, "assassination"
//   organisation: an OrganisationKey() slug, "merrill-lynch" (one id for
//            "Merrill Lynch & Co Inc" and "MERRILL LYNCH")
// kCountryPrefix holds the countries an article is about (salient); every
// country it mentions at all is under kCountryMentionPrefix, searchable but
// not a facet.
inline constexpr std::string_view kPersonPrefix = "XP";
inline constexpr std::string_view kCountryPrefix = "XC";
inline constexpr std::string_view kCountryMentionPrefix = "XM";
inline constexpr std::string_view kEventPrefix = "XE";
inline constexpr std::string_view kOrganisationPrefix = "XO";
// kEventPrefix holds the events an article reports (salient); every event it
// mentions at all (background, hypothetical, in passing) is under
// kEventMentionPrefix, searchable but not a facet.
inline constexpr std::string_view kEventMentionPrefix = "XW";
// A surname-only mention with no full name in its own article, and a cue
// there that it is a person ("Karlov said", "Ambassador Karlov"):
// + PersonKey of the surname, wdf = mentions. Resolution is late-bound: the
// end of each index run maps each such surname that exactly one known full
// name has to that person (kSurnameResolutionKey), and readers apply the
// map, so a person facet or filter for "andrey-karlov" also covers articles
// with XUkarlov. Nothing in the articles is rewritten, and a surname that
// becomes ambiguous stops resolving everywhere at once.
inline constexpr std::string_view kUnresolvedSurnamePrefix = "XU";
// How the article spells a person: + person id + "\t" + the spelling. Its
// term frequency counts the articles using that spelling, from which the
// end of each run picks the facet's display name.
inline constexpr std::string_view kPersonSpellingPrefix = "XN";
// The same for organisations: + organisation id + "\t" + the spelling. (Not
// "XN" + something: no entity prefix may start another, as the end of a run
// and the facet counts read terms by prefix.)
inline constexpr std::string_view kOrganisationSpellingPrefix = "XV";
inline constexpr char kSpellingSeparator = '\t';

// How much more a title word counts than a body word (wdf increment).
inline constexpr Xapian::termcount kTitleWeight = 3;

// ---- Value slots ------------------------------------------------------
enum ValueSlot : Xapian::valueno {
  kDateSlot = 0,        // "YYYYMMDD", for date sort and date ranges; absent when unknown
  kSourcePathSlot = 1,  // path relative to the indexed directory
  // Hex id of the index run that last read the article's file: at a batch
  // end, a re-read file's articles with another stamp are no longer in it.
  kRunStampSlot = 2,
  kContentHashSlot = 3, // hex fingerprint of the article's JSON (kArticleSlot), to skip unchanged ones
  // The article and its entities, as a JSON object (below), zstd-compressed;
  // see schemas/store/stored_article.h for why not the document data, which is empty.
  kArticleSlot = 4,
  // "hhmmss" (UTC) when the article's date has a time of day, so that date
  // order within a day is time order; absent when only the day is known.
  kTimeSlot = 5,
  // Facet value ids of the article, one per line ("TR\nRU\nSY"), for
  // counting facets over a result set in one pass (searcher's FacetCounter).
  // kPeopleSlot also lists the unresolved surnames, as kUnresolvedMarker +
  // surname ("~karlov"), to be mapped through kSurnameResolutionKey.
  kPeopleSlot = 10,
  kCountriesSlot = 11,  // salient countries only, as kCountryPrefix
  kEventsSlot = 12,     // salient events only, as kEventPrefix
  kOrganisationsSlot = 13,
  // 12 hex digits shared by near-duplicate articles (indexer/near_duplicate.h),
  // for collapsing results (searcher/story_counter.h); absent for an article too short to judge.
  kNearDuplicateSlot = 14,
};

// Separates facet value ids inside kPeopleSlot, kCountriesSlot, kEventsSlot,
// kOrganisationsSlot.
inline constexpr char kFacetValueSeparator = '\n';
inline constexpr char kUnresolvedMarker = '~';

// ---- The stored article (kArticleSlot) --------------------------------
// A JSON object, zstd-compressed: {"id","title","body","date","url","source","authors",
// "language","path","line"}, the fields of schemas/store/article.h, so the
// searcher can show an article without the original files, plus the
// article's entities:
//   "people":    [{"id", "name" (as written here), "mentions"}]
//   "countries": [{"code", "name", "mentions", "salient" (bool)}]
//   "events":    [{"id", "label", "mentions"}], the salient events only
//   "organisations": [{"id", "name" (as written here), "mentions"}]

// ---- Shard metadata ---------------------------------------------------
// In shard 0 (what Xapian's get_metadata reads from a stub database):
// kPersonNameKey + person id -> the display name for the facet (the spelling
// with diacritics if any, else the most frequent), written at the end of
// each index run.
inline constexpr std::string_view kPersonNameKey = "person-name:";
// kOrganisationNameKey + organisation id -> its display name, chosen the same
// way from the kOrganisationSpellingPrefix terms.
inline constexpr std::string_view kOrganisationNameKey = "organisation-name:";
// kSurnameResolutionKey + surname key -> the one person id it resolves to
// (absent when no full name, or several, have that surname).
inline constexpr std::string_view kSurnameResolutionKey = "surname:";
// kNotPersonKey + person id -> the organisation id it names: a name that
// some articles take for a person but that the index holds as an
// organisation at least half as often ("Merrill Lynch said" beside
// "Merrill Lynch and Co Inc" elsewhere). Written at the end of each index
// run; readers leave such ids out of the people facet and articles' people.
inline constexpr std::string_view kNotPersonKey = "not-person:";

// ---- Catalog metadata (in kCatalogDir) --------------------------------
// key: KeyOf(kCatalogFileKey, relative path); value: a serialised
// FileRecord, which ends with the full path (see indexer/catalog.h). A file is in the catalog only once every article
// read from it is committed in its shard.
inline constexpr std::string_view kCatalogFileKey = "F";

// ---- Long values in terms and keys -------------------------------------
// Xapian keys and terms hold at most ~245 bytes, but ids (URLs) and paths can
// be longer: past kMaxKeyValueBytes they are cut and the cut part's FNV-1a
// hash appended in hex, which keeps them unique.
inline constexpr size_t kMaxKeyValueBytes = 200;

inline std::string KeyOf(std::string_view prefix, std::string_view value) {
  std::string key(prefix);
  if (value.size() <= kMaxKeyValueBytes) {
    key.append(value);
    return key;
  }
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char byte : value) hash = (hash ^ byte) * 1099511628211ull;
  char hex[24];
  std::snprintf(hex, sizeof hex, "#%016" PRIx64, hash);
  key.append(value.substr(0, kMaxKeyValueBytes - 17));
  key.append(hex);
  return key;
}

}  // namespace newsfacet::layout
