// End to end: input files made to crash, exhaust or stall the indexer. Each
// is reported and skipped, and every other article is indexed.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <map>

#include "tests/process.h"

using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string NestedTitle(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"title\":";
  return text + "\"x\"" + std::string(static_cast<size_t>(depth), '}');
}

std::map<std::string, std::string> ErrorsByPath(const Json& summary) {
  std::map<std::string, std::string> errors;
  for (const Json& error : summary["errors"]) errors[error["path"]] = error["message"];
  return errors;
}

}  // namespace

TEST_CASE("a JSON file nested 50,000 deep is skipped as an error, not a crash that stops every run") {
  TempDir dir;
  dir.Write("articles/deep.json", NestedTitle(50000));
  dir.Write("articles/deep.jsonl", "{\"title\":\"fine\"}\n{\"title\":\"x\",\"source\":" + NestedTitle(20000) + "}\n");
  dir.Write("articles/good.txt", "A good article\n\nIt has a body.");
  ProcessResult run = RunNewsfacet({"index", (dir / "articles").string(), "--index", (dir / "index").string(), "--json"});
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 1);
  Json summary = Json::parse(run.out);
  CHECK(summary["added"] == 2);  // good.txt and the first line of deep.jsonl
  auto errors = ErrorsByPath(summary);
  CHECK(errors["deep.json"].find("nested deeper than") != std::string::npos);
  CHECK(errors["deep.jsonl"].find("nested deeper than") != std::string::npos);
}

TEST_CASE("a FIFO and a link to /dev/zero named like articles are reported and skipped, and the run does not block, "
          "a directory named like one is walked") {
  TempDir dir;
  dir.Write("articles/good.txt", "A good article\n\nIt has a body.");
  dir.Write("articles/dir.txt/inner.txt", "An article in a directory named dir.txt\n\nIt has a body too.");
  REQUIRE(::mkfifo((dir / "articles/pipe.txt").c_str(), 0644) == 0);
  fs::create_symlink("/dev/zero", dir / "articles/zero.txt");
  auto started = std::chrono::steady_clock::now();
  ProcessResult run = RunNewsfacet({"index", (dir / "articles").string(), "--index", (dir / "index").string(), "--json"});
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 1);
  Json summary = Json::parse(run.out);
  CHECK(summary["added"] == 2);
  CHECK(summary["failed"] == 2);
  auto errors = ErrorsByPath(summary);
  CHECK(errors["pipe.txt"].find("FIFO") != std::string::npos);
  CHECK(errors["zero.txt"].find("device") != std::string::npos);
}

namespace {

// Runs `newsfacet ARGS...` to the end; returns its peak resident set in bytes.
long PeakRssOfRun(const std::vector<std::string>& args, const TempDir& dir) {
  pid_t pid = StartNewsfacet(args, dir / "out", dir / "err");
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  INFO("stderr: " << Slurp(dir / "err"));
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  return usage.ru_maxrss * 1024L;
}

}  // namespace

TEST_CASE("a 17 MB article is indexed within five times its size in memory, over a small run's") {
  TempDir dir;
  std::string text;
  for (const auto& entry : fs::recursive_directory_iterator(SourceDir() / "corpus")) {
    if (entry.path().extension() == ".txt") text += Slurp(entry.path()) + "\n\n";
  }
  REQUIRE(text.size() > 10000);
  std::string article = "A very long article\n\n";
  while (article.size() < 17'000'000) article += text;
  dir.Write("big/big.txt", article);
  dir.Write("small/small.txt", text.substr(0, 5000));
  const long base = PeakRssOfRun({"index", (dir / "small").string(), "--index", (dir / "small-index").string(),
                                  "--shards", "1", "--quiet"}, dir);
  const long peak = PeakRssOfRun({"index", (dir / "big").string(), "--index", (dir / "big-index").string(),
                                  "--shards", "1", "--quiet"}, dir);
  MESSAGE("peak RSS " << peak / 1000000 << " MB for a " << article.size() / 1000000 << " MB article; "
                      << base / 1000000 << " MB for a small one");
  CHECK(peak < base + 5 * static_cast<long>(article.size()));
}
