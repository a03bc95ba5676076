#include "searcher/shard_counts.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "schemas/index_layout.h"
#include "tests/facet_test_index.h"
#include "tests/one_pass_facet_count.h"
#include "tests/temp_dir.h"

using namespace newsfacet;
using namespace newsfacet::testing;

namespace {

using Counts = std::map<std::string, Xapian::doccount>;

Counts Sorted(const IdCounts& counts) { return Counts(counts.begin(), counts.end()); }

std::vector<Xapian::Database> OpenShards(const std::filesystem::path& index, int shards) {
  std::vector<Xapian::Database> dbs;
  for (int shard = 0; shard < shards; ++shard) dbs.emplace_back(ShardPath(index, shard).string());
  return dbs;
}

// Two shards of `articles` documents each matching "Zword", written by
// `fill(shard, i, doc)`; `combined` gets both.
template <typename Fill>
std::vector<Xapian::Database> WriteShards(const std::filesystem::path& dir, int articles, Fill fill,
                                          Xapian::Database* combined) {
  std::vector<Xapian::Database> shards;
  for (int shard = 0; shard < 2; ++shard) {
    const std::string path = (dir / ("shard-" + std::to_string(shard))).string();
    Xapian::WritableDatabase writable(path, Xapian::DB_CREATE);
    for (int i = 0; i < articles; ++i) {
      Xapian::Document doc;
      doc.add_term("Zword");
      fill(shard, i, doc);
      writable.add_document(doc);
    }
    writable.commit();
    shards.emplace_back(path);
    combined->add_database(Xapian::Database(path));
  }
  return shards;
}

}  // namespace

TEST_CASE("counting every shard, in threads or on the calling thread, gives the counts of one pass over the index") {
  TempDir dir;
  constexpr int kShards = 3;
  BuildFacetTestIndex(dir / "index", kShards);
  Xapian::Database db((dir / "index").string());
  std::vector<Xapian::Database> shards = OpenShards(dir / "index", kShards);
  const SurnameLookup surnames = SurnameLookup::FromIndex(db);
  const std::vector<Xapian::Query> queries = {Xapian::Query::MatchAll, Xapian::Query("Zmarket"),
                                              Xapian::Query(layout::KeyOf(layout::kCountryPrefix, "TR")),
                                              Xapian::Query("Znothingmatchesthis")};
  std::vector<CountJob> jobs;
  for (const Xapian::Query& query : queries) jobs.push_back({query, {kAllFacets.begin(), kAllFacets.end()}});
  for (Xapian::doccount estimate : {Xapian::doccount{0}, kCountInlineBelow * 10}) {
    CAPTURE(estimate);
    std::vector<CountResult> results = CountAcrossShards(shards, jobs, db.get_doccount(), &surnames, estimate);
    REQUIRE(results.size() == queries.size());
    for (size_t i = 0; i < queries.size(); ++i) {
      CAPTURE(queries[i].get_description());
      Xapian::Enquire enquire(db);
      enquire.set_query(queries[i]);
      CHECK(results[i].exact);
      CHECK(results[i].matches == enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated());
      for (Facet facet : kAllFacets) {
        CAPTURE(FacetName(facet));
        REQUIRE(At(results[i].facets, facet));
        CHECK(Sorted(At(results[i].facets, facet)->counts()) ==
              Sorted(OnePassFacetCount(db, queries[i], facet, &surnames)));
      }
    }
  }
}

TEST_CASE("past the count limit, counts are estimated from a uniform sample, not from the oldest matches") {
  // Older articles are all about Turkey, newer ones about Russia: counting
  // the first matches in docid order would see Turkey only.
  TempDir dir;
  constexpr int kPerShard = 2000;
  Xapian::Database db;
  std::vector<Xapian::Database> shards = WriteShards(
      dir.path(), kPerShard,
      [](int, int i, Xapian::Document& doc) {
        ArticleEntities entities;
        entities.countries = {Country(i < kPerShard / 2 ? "TR" : "RU", "")};
        AddEntityTerms(entities, doc);
      },
      &db);
  constexpr Xapian::doccount kCountLimit = 400;
  const CountResult result =
      CountAcrossShards(shards, {{Xapian::Query("Zword"), {Facet::kCountries}}}, kCountLimit, nullptr, 2 * kPerShard)
          .at(0);
  CHECK_FALSE(result.exact);
  const IdCounts counts = At(result.facets, Facet::kCountries)->counts();
  auto near = [](double estimate, double truth) { return std::abs(estimate - truth) <= 0.25 * truth; };
  CHECK(near(result.matches, 2 * kPerShard));
  REQUIRE(counts.count("TR"));
  REQUIRE(counts.count("RU"));
  CHECK(near(counts.at("TR"), kPerShard));
  CHECK(near(counts.at("RU"), kPerShard));
}

TEST_CASE("days and stories are summed over shards: a story filed on two shards counts once") {
  // Each shard holds articles 0..9 over two days; articles 0 and 1 of every
  // shard are one story (one near-duplicate key), article 2 has no key,
  // the rest a key of their own.
  TempDir dir;
  Xapian::Database db;
  std::vector<Xapian::Database> shards = WriteShards(
      dir.path(), 10,
      [](int shard, int i, Xapian::Document& doc) {
        doc.add_value(layout::kDateSlot, i < 5 ? "19870301" : "19870302");
        char key[16];
        std::snprintf(key, sizeof key, "%012x", i <= 1 ? 0xabcu : static_cast<unsigned>(shard * 100 + i));
        if (i != 2) doc.add_value(layout::kNearDuplicateSlot, key);
      },
      &db);
  CountJob job{Xapian::Query("Zword"), {}};
  job.days = true;
  job.stories = true;
  const CountResult exact = CountAcrossShards(shards, {job}, 1000, nullptr, 20).at(0);
  CHECK(exact.exact);
  CHECK(exact.matches == 20);
  // One shared story, two unkeyed articles, 2 × 7 stories of their own.
  CHECK(exact.stories == 1 + 2 + 14);
  REQUIRE(exact.story_keys);
  CHECK(exact.story_keys->ArticlesWithKey(0xabc) == 4);
  CHECK(exact.days == Counts{{"19870301", 10}, {"19870302", 10}});

  // Past the limit the day counts stand for the whole and are flagged inexact.
  const CountResult sampled = CountAcrossShards(shards, {job}, 4, nullptr, 20).at(0);
  CHECK_FALSE(sampled.exact);
  CHECK_FALSE(sampled.story_keys);
  Xapian::doccount counted_days = 0;
  for (const auto& [day, count] : sampled.days) counted_days += count;
  CHECK(counted_days == sampled.matches);
  CHECK(sampled.stories <= sampled.matches);
}

TEST_CASE("past the count limit, stories of neighbouring articles are estimated close to their number") {
  // Every two neighbouring articles of a shard are one story (a copy filed
  // right after the first), so half the matches are stories; the sample
  // takes runs of several docids, which often hold both copies.
  TempDir dir;
  constexpr int kPerShard = 12000;
  Xapian::Database db;
  std::vector<Xapian::Database> shards = WriteShards(
      dir.path(), kPerShard,
      [](int shard, int i, Xapian::Document& doc) {
        char key[16];
        std::snprintf(key, sizeof key, "%012x", static_cast<unsigned>(shard * 1000000 + i / 2));
        doc.add_value(layout::kNearDuplicateSlot, key);
      },
      &db);
  CountJob job{Xapian::Query("Zword"), {}};
  job.stories = true;
  const CountResult sampled = CountAcrossShards(shards, {job}, kPerShard - 1, nullptr, 2 * kPerShard).at(0);
  REQUIRE_FALSE(sampled.exact);
  CHECK(std::abs(static_cast<double>(sampled.stories) - kPerShard) <= 0.15 * kPerShard);
  CHECK(std::abs(static_cast<double>(sampled.matches) - 2 * kPerShard) <= 0.15 * 2 * kPerShard);
}

TEST_CASE("counts read from facet columns are those read from the value slots, exact or sampled") {
  TempDir dir;
  constexpr int kShards = 2;
  BuildFacetTestIndex(dir / "index", kShards);
  Xapian::Database db((dir / "index").string());
  std::vector<Xapian::Database> shards = OpenShards(dir / "index", kShards);
  const SurnameLookup surnames = SurnameLookup::FromIndex(db);
  const std::shared_ptr<const IndexColumns> columns = IndexColumns::Read(shards, {});
  REQUIRE(columns);
  REQUIRE(columns->Describe(shards));
  std::vector<CountJob> jobs;
  for (const Xapian::Query& query : {Xapian::Query::MatchAll, Xapian::Query("Zkarlov"), Xapian::Query("Zmarket")}) {
    CountJob job{query, {kAllFacets.begin(), kAllFacets.end()}};
    job.days = true;
    job.stories = true;
    jobs.push_back(job);
  }
  // A limit of 2 samples every shard past it; the index's size, none.
  for (Xapian::doccount limit : {db.get_doccount(), Xapian::doccount{2}}) {
    CAPTURE(limit);
    const std::vector<CountResult> slots = CountAcrossShards(shards, jobs, limit, &surnames, db.get_doccount());
    const std::vector<CountResult> read = CountAcrossShards(shards, jobs, limit, &surnames, db.get_doccount(), columns);
    REQUIRE(read.size() == slots.size());
    for (size_t j = 0; j < jobs.size(); ++j) {
      CAPTURE(jobs[j].query.get_description());
      CHECK(read[j].matches == slots[j].matches);
      CHECK(read[j].exact == slots[j].exact);
      CHECK(read[j].days == slots[j].days);
      CHECK(read[j].stories == slots[j].stories);
      for (Facet facet : kAllFacets) {
        CAPTURE(FacetName(facet));
        CHECK(Sorted(At(read[j].facets, facet)->counts()) == Sorted(At(slots[j].facets, facet)->counts()));
        CHECK(Sorted(At(read[j].facets, facet)->TopCounts(2, {"andrey-karlov"})) ==
              Sorted(At(slots[j].facets, facet)->TopCounts(2, {"andrey-karlov"})));
      }
    }
  }
  // A lone surname counts for the person it resolves to: the people of
  // every article, from columns, are those one pass over the slots finds.
  const CountResult all = CountAcrossShards(shards, {jobs[0]}, db.get_doccount(), &surnames, 0, columns).at(0);
  CHECK(Sorted(At(all.facets, Facet::kPeople)->counts()) ==
        Sorted(OnePassFacetCount(db, Xapian::Query::MatchAll, Facet::kPeople, &surnames)));
}

TEST_CASE("a phrase whose matches Xapian guesses under the limit is estimated from a probe, near its true number") {
  // 6,000 articles with both words, 5,000 of them as the phrase: Xapian
  // guesses the phrase from the conjunction, well under 5,000.
  TempDir dir;
  const std::string path = (dir / "shard-0").string();
  {
    Xapian::WritableDatabase writable(path, Xapian::DB_CREATE);
    for (int i = 0; i < 6000; ++i) {
      Xapian::Document doc;
      doc.add_posting("stock", 1);
      doc.add_posting("exchange", i % 6 == 0 ? 5 : 2);
      doc.add_posting("other", 3);
      writable.add_document(doc);
    }
    writable.commit();
  }
  Xapian::Database shard(path);
  const std::vector<Xapian::Query> words = {Xapian::Query("stock"), Xapian::Query("exchange")};
  const Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end());
  constexpr Xapian::doccount kLimit = 4500;
  Xapian::Enquire enquire(shard);
  enquire.set_query(phrase);
  const Xapian::doccount guess = enquire.get_mset(0, 0, Xapian::doccount{0}).get_matches_estimated();
  REQUIRE(guess <= kLimit);  // what the probe is for
  const double estimate = EstimateShardMatches(shard, phrase, kLimit);
  CHECK(std::abs(estimate - 5000) <= 0.2 * 5000);
  // Exact bounds, or bounds within the limit, are taken as Xapian gives them.
  CHECK(EstimateShardMatches(shard, Xapian::Query("stock"), kLimit) == 6000);
  CHECK(EstimateShardMatches(shard, phrase, 10000) == guess);
}

TEST_CASE("counting while the calling thread ranks gives the same counts, and either side's failure reaches the caller") {
  TempDir dir;
  constexpr int kShards = 2;
  BuildFacetTestIndex(dir / "index", kShards);
  Xapian::Database db((dir / "index").string());
  std::vector<Xapian::Database> shards = OpenShards(dir / "index", kShards);
  const SurnameLookup surnames = SurnameLookup::FromIndex(db);
  std::vector<CountJob> jobs = {{Xapian::Query::MatchAll, {kAllFacets.begin(), kAllFacets.end()}},
                                {Xapian::Query("Zkarlov"), {Facet::kPeople}}};
  const std::vector<CountResult> alone = CountAcrossShards(shards, jobs, db.get_doccount(), &surnames, 0);
  Xapian::doccount ranked = 0;
  const std::vector<CountResult> beside = CountAcrossShardsWhile(
      shards, jobs, db.get_doccount(), &surnames, kCountInlineBelow * 10, nullptr, [&] {
        Xapian::Enquire enquire(db);
        enquire.set_query(jobs[1].query);
        ranked = enquire.get_mset(0, 10).size();
      });
  CHECK(ranked > 0);
  REQUIRE(beside.size() == alone.size());
  for (size_t j = 0; j < jobs.size(); ++j) {
    CHECK(beside[j].matches == alone[j].matches);
    for (Facet facet : jobs[j].facets) {
      CHECK(Sorted(At(beside[j].facets, facet)->counts()) == Sorted(At(alone[j].facets, facet)->counts()));
    }
  }
  CHECK_THROWS_AS(CountAcrossShardsWhile(shards, jobs, db.get_doccount(), &surnames, 0, nullptr,
                                         [] { throw Xapian::DatabaseModifiedError("ranking failed"); }),
                  Xapian::DatabaseModifiedError);
  // A query the shards cannot run (a wildcard over too many terms) fails the count.
  std::vector<CountJob> failing = {{Xapian::Query(Xapian::Query::OP_WILDCARD, "", 1, Xapian::Query::WILDCARD_LIMIT_ERROR),
                                    {Facet::kPeople}}};
  CHECK_THROWS_AS(CountAcrossShardsWhile(shards, failing, db.get_doccount(), &surnames, 0, nullptr, [] {}),
                  Xapian::WildcardError);
}
