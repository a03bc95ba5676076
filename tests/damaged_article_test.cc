// End to end: an article whose stored copy is damaged on disk is left out
// of search results (not shown as a blank hit), logged, and counted by
// /api/health; asking for it is a 500 with a JSON error.
#include <doctest/doctest.h>
#include <xapian.h>

#include "schemas/index_layout.h"
#include "tests/server_process.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr char kDamagedId[] = "courts/malatya-building-collapse-verdict.txt";

// Overwrites the stored copy of article `id` with bytes that are neither
// zstd nor JSON, in whichever shard holds it.
void DamageStoredArticle(const fs::path& index, const std::string& id) {
  const std::string id_term = layout::KeyOf(layout::kIdPrefix, id);
  for (const auto& entry : fs::directory_iterator(index)) {
    if (entry.path().filename().string().rfind("shard-", 0) != 0) continue;
    Xapian::WritableDatabase shard(entry.path().string());
    Xapian::PostingIterator posting = shard.postlist_begin(id_term);
    if (posting == shard.postlist_end(id_term)) continue;
    Xapian::Document doc = shard.get_document(*posting);
    doc.add_value(layout::kArticleSlot, std::string("\x28\xb5\x2f\xfd damaged", 12));
    shard.replace_document(*posting, doc);
    shard.commit();
    return;
  }
  FAIL("no shard holds " << id);
}

}  // namespace

TEST_CASE("a damaged stored article is left out of hits, logged, counted by /api/health, and a 500 when asked for") {
  TempDir dir;
  ProcessResult indexed = RunNewsfacet({"index", (SourceDir() / "corpus").string(), "--index",
                                        (dir / "index").string(), "--quiet"});
  REQUIRE(indexed.exit_code == 0);
  DamageStoredArticle(dir / "index", kDamagedId);

  ServerProcess server(dir / "index", {"--quiet"});
  int status = 0;
  Json health = server.GetJson("/api/health", &status);
  CHECK(status == 200);
  CHECK(health["unreadable_articles"] == 0);  // nothing met yet

  Json search = server.GetJson("/api/search?q=malatya+collapse&limit=50", &status);
  REQUIRE(status == 200);
  for (const Json& hit : search["hits"]) {
    CHECK(hit["id"] != kDamagedId);
    CHECK_FALSE(hit["title"].get<std::string>().empty());  // no blank hit in its place
  }
  Json article = server.GetJson(std::string("/api/article/") + kDamagedId, &status);
  CHECK(status == 500);
  CHECK(article["error"]["code"] == "internal_error");

  health = server.GetJson("/api/health", &status);
  CHECK(status == 200);
  CHECK(health["unreadable_articles"] == 1);  // the same article met twice counts once
  server.Stop();
  CHECK(server.Log().find("warning: the stored article Q" + std::string(kDamagedId)) != std::string::npos);
}
