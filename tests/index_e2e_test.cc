// End to end: the built `newsfacet` tool indexing real directories into a
// real Xapian index on disk.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <set>
#include <thread>

#include "tests/facet_test_index.h"
#include "schemas/store/index_directory.h"
#include "tests/process.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Articles under `dir`, counted without newsfacet's readers: one per .txt,
// .json and .html file, one per non-blank line of .jsonl.
int64_t CountArticles(const fs::path& dir) {
  int64_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".json" || ext == ".html") ++count;
    if (ext == ".jsonl") count += static_cast<int64_t>(Lines(Slurp(entry.path())).size());
  }
  return count;
}

Json IndexJson(const fs::path& articles, const fs::path& index, std::vector<std::string> extra = {},
               int expected_exit = 0) {
  std::vector<std::string> args = {"index", articles.string(), "--index", index.string(), "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  ProcessResult run = RunNewsfacet(args);
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == expected_exit);
  Json summary = Json::parse(run.out, nullptr, false);
  REQUIRE(summary.is_object());
  return summary;
}

std::vector<Json> Export(const fs::path& index) {
  ProcessResult run = RunNewsfacet({"export", "--index", index.string()});
  REQUIRE(run.exit_code == 0);
  std::vector<Json> articles;
  for (const std::string& line : Lines(run.out)) articles.push_back(Json::parse(line));
  return articles;
}

std::set<std::string> Ids(const std::vector<Json>& articles) {
  std::set<std::string> ids;
  for (const Json& article : articles) ids.insert(article["id"].get<std::string>());
  return ids;
}

void CopyCorpus(const fs::path& to) { fs::copy(SourceDir() / "corpus", to, fs::copy_options::recursive); }

void BumpMtime(const fs::path& file) { fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(2)); }

// `files` JSON-lines files of `per_file` articles each, ~1 kB apiece.
void WriteSyntheticFeed(const TempDir& dir, int files, int per_file) {
  std::string paragraph =
      "Officials in the capital said talks on the new trade agreement would resume next week after a "
      "pause, while opposition leaders called for protests against rising fuel prices and the central "
      "bank warned that inflation could stay high for the rest of the year. ";
  for (int f = 0; f < files; ++f) {
    std::string content;
    for (int a = 0; a < per_file; ++a) {
      Json record = {{"id", "syn-" + std::to_string(f) + "-" + std::to_string(a)},
                     {"title", "Synthetic story " + std::to_string(f * per_file + a)},
                     {"maintext", paragraph + paragraph + paragraph + paragraph},
                     {"date_publish", "2020-01-01 10:00:00"}};
      content += record.dump() + "\n";
    }
    dir.Write("feed/part-" + std::to_string(f) + ".jsonl", content);
  }
}

// Opens the index as a reader until it holds a committed article (up to
// 15 s); returns how many it saw.
Xapian::doccount WaitForFirstCommit(const fs::path& index) {
  Xapian::doccount seen = 0;
  for (int attempt = 0; attempt < 3000 && seen == 0; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    try {
      seen = Xapian::Database(index.string()).get_doccount();
    } catch (const Xapian::Error&) {
      // Not created yet.
    }
  }
  return seen;
}

}  // namespace

TEST_CASE("the sample corpus is indexed whole, and a second run changes nothing") {
  TempDir dir;
  const fs::path corpus = SourceDir() / "corpus";
  const int64_t expected = CountArticles(corpus);
  REQUIRE(expected >= 40);

  Json first = IndexJson(corpus, dir / "index");
  CHECK(first["added"] == expected);
  CHECK(first["failed"] == 0);
  CHECK(first["errors"].empty());
  CHECK(first["skipped"] == 1);  // corpus/README.md
  std::set<std::string> keys;
  for (const auto& [key, value] : first.items()) keys.insert(key);
  CHECK(keys == std::set<std::string>{"added", "updated", "unchanged", "removed", "skipped", "failed", "seconds", "errors"});

  std::vector<Json> articles = Export(dir / "index");
  CHECK(static_cast<int64_t>(articles.size()) == expected);
  CHECK(static_cast<int64_t>(Ids(articles).size()) == expected);
  for (const Json& article : articles) {
    CHECK_FALSE(article["title"].get<std::string>().empty());
    if (article["path"].get<std::string>().find(".json") != std::string::npos) CHECK_FALSE(article["date"].get<std::string>().empty());
  }

  Json second = IndexJson(corpus, dir / "index");
  CHECK(second["added"] == 0);
  CHECK(second["updated"] == 0);
  CHECK(second["unchanged"] == expected);
}

TEST_CASE("the index opens in plain Xapian as one database, and a folded query finds both spellings") {
  TempDir dir;
  IndexJson(SourceDir() / "corpus", dir / "index");
  Xapian::Database db((dir / "index").string());
  CHECK(db.get_doccount() == static_cast<Xapian::doccount>(CountArticles(SourceDir() / "corpus")));
  // "Wójcik" and "Wojcik" are one term once folded.
  CHECK(db.get_termfreq("wojcik") >= 2);
  CHECK(db.get_termfreq("wójcik") == 0);
}

TEST_CASE("an edited article is updated, a touched one left alone, a deleted one removed only with --prune") {
  TempDir dir;
  CopyCorpus(dir / "articles");
  const int64_t expected = CountArticles(dir / "articles");
  IndexJson(dir / "articles", dir / "index");

  const fs::path edited = dir / "articles/politics/poland-local-elections.txt";
  std::string text = Slurp(edited);
  dir.Write("articles/politics/poland-local-elections.txt", "Wojcik wins again (corrected)\n" + text.substr(text.find('\n')));
  BumpMtime(edited);
  BumpMtime(dir / "articles/politics/uk-rail-minister-resigns.txt");  // touched, same bytes
  Json edit = IndexJson(dir / "articles", dir / "index");
  CHECK(edit["updated"] == 1);
  CHECK(edit["added"] == 0);
  CHECK(edit["unchanged"] == expected - 1);
  bool found = false;
  for (const Json& article : Export(dir / "index")) {
    if (article["id"] == "politics/poland-local-elections.txt") found = article["title"] == "Wojcik wins again (corrected)";
  }
  CHECK(found);

  fs::remove(dir / "articles/politics/uk-rail-minister-resigns.txt");
  ProcessResult kept = RunNewsfacet({"index", (dir / "articles").string(), "--index", (dir / "index").string()});
  CHECK(kept.exit_code == 0);
  CHECK(kept.out.find("--prune") != std::string::npos);
  CHECK(static_cast<int64_t>(Export(dir / "index").size()) == expected);

  Json pruned = IndexJson(dir / "articles", dir / "index", {"--prune"});
  CHECK(pruned["removed"] == 1);
  std::set<std::string> ids = Ids(Export(dir / "index"));
  CHECK(static_cast<int64_t>(ids.size()) == expected - 1);
  CHECK(ids.count("politics/uk-rail-minister-resigns.txt") == 0);
}

TEST_CASE("a JSON-lines file that loses one record and changes another: one removed, one updated") {
  TempDir dir;
  dir.Write("articles/feed.jsonl",
            "{\"id\": \"a\", \"title\": \"Alpha\"}\n{\"id\": \"b\", \"title\": \"Beta\"}\n{\"id\": \"c\", \"title\": \"Gamma\"}\n");
  IndexJson(dir / "articles", dir / "index");
  dir.Write("articles/feed.jsonl", "{\"id\": \"a\", \"title\": \"Alpha\"}\n{\"id\": \"c\", \"title\": \"Gamma, corrected\"}\n");
  BumpMtime(dir / "articles/feed.jsonl");
  Json update = IndexJson(dir / "articles", dir / "index");
  CHECK(update["unchanged"] == 1);
  CHECK(update["updated"] == 1);
  CHECK(update["removed"] == 1);
  CHECK(Ids(Export(dir / "index")) == std::set<std::string>{"a", "c"});
}

TEST_CASE("broken inputs are each reported by path (and line), and every good article is indexed") {
  TempDir dir;
  dir.Write("articles/good.txt", "A good article\n\nIt has a body.");
  dir.Write("articles/latin1.txt", "Caf\xe9 society\n\nA Windows-1252 file, as bbc/sport/199.txt is.");
  dir.Write("articles/empty.txt", "");
  dir.Write("articles/binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16));
  dir.Write("articles/broken.json", "{\"title\": \"cut off\",");
  dir.Write("articles/feed.jsonl", "{\"title\": \"first\"}\nnot json at all\n{\"title\": \"third\"}\n");
  dir.Write("articles/huge.txt", "Too big\n\n" + std::string(3000, 'x'));
  dir.Write("articles/notes.pdf", "%PDF-1.4");
  fs::create_symlink("missing.txt", dir / "articles/dangling.txt");
  fs::create_directory_symlink(".", dir / "articles/loop");

  Json summary = IndexJson(dir / "articles", dir / "index", {"--max-bytes", "2000"}, /*expected_exit=*/1);
  CHECK(summary["added"] == 4);  // good, latin1, feed lines 1 and 3
  CHECK(summary["skipped"] == 1);
  std::map<std::string, int> error_lines;
  for (const Json& error : summary["errors"]) {
    CHECK_FALSE(error["message"].get<std::string>().empty());
    error_lines[error["path"]] = error["line"];
  }
  CHECK(error_lines == std::map<std::string, int>{{"empty.txt", 0},    {"binary.txt", 0}, {"broken.json", 0},
                                                  {"feed.jsonl", 2},   {"huge.txt", 0},   {"dangling.txt", 0},
                                                  {"loop", 0}});
  CHECK(summary["failed"] == 7);
  std::set<std::string> titles;
  for (const Json& article : Export(dir / "index")) titles.insert(article["title"]);
  CHECK(titles == std::set<std::string>{"A good article", "Café society", "first", "third"});
}

TEST_CASE("files of other formats are counted by extension, and the summary says what newsfacet reads") {
  TempDir dir;
  dir.Write("articles/a.txt", "An article\n\nIts body.");
  dir.Write("articles/usenet/53721", "From: someone\n\nA message saved without an extension.");
  dir.Write("articles/usenet/53722", "From: someone else");
  dir.Write("articles/scan.PDF", "%PDF-1.4");
  dir.Write("articles/odd.\x1b[2J", "a name made to clear the screen");
  dir.Write("articles/bad\x1b]0;title\x07\xC2\x9B.json", "{not json");
  ProcessResult run = RunNewsfacet({"index", (dir / "articles").string(), "--index", (dir / "index").string()});
  CHECK(run.exit_code == 1);  // the broken .json
  CHECK(run.err.find("bad?]0;title??.json") != std::string::npos);
  const std::string said = run.out + run.err;
  CAPTURE(said);
  CHECK(said.find("1 added") != std::string::npos);
  CHECK(said.find("4 skipped") != std::string::npos);
  CHECK(said.find("\x1b") == std::string::npos);  // control characters shown as '?'
  CHECK(said.find("\x07") == std::string::npos);
  CHECK(said.find("\xC2\x9B") == std::string::npos);
  CHECK(said.find("Skipped, not an article format: 2 without an extension, 1 .?[2j, 1 .pdf. "
                  "newsfacet reads .txt, .json, .jsonl, .ndjson, .html, .htm.") != std::string::npos);
}

TEST_CASE("a second indexer is refused with who holds the lock, and the index is untouched") {
  TempDir dir;
  IndexJson(SourceDir() / "corpus", dir / "index");
  std::unique_ptr<IndexLock> held;
  REQUIRE(IndexLock::Acquire(dir / "index", &held).ok());
  ProcessResult second = RunNewsfacet({"index", (SourceDir() / "corpus").string(), "--index", (dir / "index").string()});
  CHECK(second.exit_code == 2);
  CHECK(second.err.find("is locked by pid") != std::string::npos);
  held.reset();
  CHECK(static_cast<int64_t>(Export(dir / "index").size()) == CountArticles(SourceDir() / "corpus"));
}

TEST_CASE("an indexing run killed with SIGKILL leaves an index that opens, and the next run completes it") {
  TempDir dir;
  const int files = 120, per_file = 100;
  WriteSyntheticFeed(dir, files, per_file);
  pid_t indexer = StartNewsfacet({"index", (dir / "feed").string(), "--index", (dir / "index").string(),
                                  "--commit-every", "200k", "--quiet"},
                                 dir / "out", dir / "err");
  // Search while it indexes: wait until a reader sees a committed batch.
  Xapian::doccount seen = WaitForFirstCommit(dir / "index");
  int status = 0;
  bool still_running = ::waitpid(indexer, &status, WNOHANG) == 0;
  ::kill(indexer, SIGKILL);
  WaitExitCode(indexer);
  REQUIRE_MESSAGE(still_running, "the indexer finished before it could be killed: make the feed larger");
  CHECK(seen > 0);

  Xapian::doccount after_kill = Xapian::Database((dir / "index").string()).get_doccount();
  CHECK(after_kill >= seen);
  CHECK(after_kill < static_cast<Xapian::doccount>(files * per_file));

  Json rerun = IndexJson(dir / "feed", dir / "index");
  CHECK(rerun["failed"] == 0);
  CHECK(rerun["added"].get<int64_t>() + rerun["unchanged"].get<int64_t>() == files * per_file);
  std::vector<Json> articles = Export(dir / "index");
  CHECK(articles.size() == static_cast<size_t>(files * per_file));
  CHECK(Ids(articles).size() == static_cast<size_t>(files * per_file));
}

TEST_CASE("Ctrl-C stops the run cleanly: it commits what it read, says so, and exits 130") {
  TempDir dir;
  WriteSyntheticFeed(dir, 120, 100);
  pid_t indexer = StartNewsfacet({"index", (dir / "feed").string(), "--index", (dir / "index").string(), "--commit-every", "200k"},
                                 dir / "out", dir / "err");
  WaitForFirstCommit(dir / "index");
  ::kill(indexer, SIGINT);
  int exit_code = WaitExitCode(indexer);
  if (exit_code == 0) {
    MESSAGE("the indexer finished before the interrupt arrived");
    return;
  }
  CHECK(exit_code == 130);
  CHECK(Slurp(dir / "out").find("Interrupted") != std::string::npos);
  Json rerun = IndexJson(dir / "feed", dir / "index");
  CHECK(Export(dir / "index").size() == 12000u);
}

TEST_CASE("command-line mistakes exit 2 with a message that says what to fix") {
  TempDir dir;
  ProcessResult no_dir = RunNewsfacet({"index", (dir / "nope").string(), "--index", (dir / "index").string()});
  CHECK(no_dir.exit_code == 2);
  CHECK(no_dir.err.find("does not exist") != std::string::npos);

  ProcessResult no_index = RunNewsfacet({"index", dir.path().string()});
  CHECK(no_index.exit_code == 2);
  CHECK(no_index.err.find("--index") != std::string::npos);

  dir.Write("not-an-index/precious.doc", "keep me");
  ProcessResult foreign = RunNewsfacet({"index", (SourceDir() / "corpus").string(), "--index", (dir / "not-an-index").string()});
  CHECK(foreign.exit_code == 2);
  CHECK(foreign.err.find("not a newsfacet index") != std::string::npos);

  ProcessResult huge_limit = RunNewsfacet(
      {"index", (SourceDir() / "corpus").string(), "--index", (dir / "index").string(), "--max-bytes", "2GB"});
  CHECK(huge_limit.exit_code == 2);
  CHECK(huge_limit.err.find("--max-bytes is at most 128MB") != std::string::npos);
  CHECK(!std::filesystem::exists(dir / "index"));

  ProcessResult bad_export = RunNewsfacet({"export", "--index", (dir / "nope").string()});
  CHECK(bad_export.exit_code == 2);

  ProcessResult help = RunNewsfacet({"index", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("Usage: newsfacet index") != std::string::npos);
}

TEST_CASE("the user's seed articles: both spellings of a name are found by either") {
  const fs::path seeds = SharedOrSkip("seeds");
  if (seeds.empty()) return;
  TempDir dir;
  Json summary = IndexJson(seeds, dir / "index");
  CHECK(summary["added"] == 3);
  Xapian::Database db((dir / "index").string());
  CHECK(db.get_termfreq("altintas") == 2);  // "Altıntaş" in 000, "Altintas" in 004
  CHECK(db.get_termfreq("karlov") == 3);
}

TEST_CASE("the end of an index run names each organisation as its articles spell it, and forgets vanished ones") {
  TempDir dir;
  const fs::path index = dir / "index";
  BuildFacetTestIndex(index);  // articles with organisations under several spellings
  const std::string prefix(layout::kOrganisationNameKey);
  {
    // As if no run had named them yet, plus a name whose organisation is gone.
    Xapian::WritableDatabase shard0(ShardPath(index, 0).string());
    std::vector<std::string> keys(shard0.metadata_keys_begin(prefix), shard0.metadata_keys_end(prefix));
    REQUIRE(keys.size() == 3);
    for (const std::string& key : keys) shard0.set_metadata(key, "");
    shard0.set_metadata(layout::KeyOf(prefix, "gone-inc"), "Gone Inc");
    shard0.commit();
  }
  dir.Write("articles/weather.txt", "Rain in Ankara\n\nIt rained all day.");
  IndexJson(dir / "articles", index);
  Xapian::Database db(index.string());
  CHECK(db.get_metadata(layout::KeyOf(prefix, "merrill-lynch")) == "Merrill Lynch");
  CHECK(db.get_metadata(layout::KeyOf(prefix, "societe-generale")) == "Société Générale");
  CHECK(db.get_metadata(layout::KeyOf(prefix, "anadolu-agency")) == "Anadolu Agency");
  CHECK(db.get_metadata(layout::KeyOf(prefix, "gone-inc")).empty());
}
