#include "indexer/file_walker.h"

#include <sys/stat.h>

#include <map>

#include <doctest/doctest.h>

#include "tests/temp_dir.h"

using namespace newsfacet;
using newsfacet::testing::TempDir;

namespace {

std::vector<std::string> Paths(const WalkResult& walk) {
  std::vector<std::string> paths;
  for (const FoundFile& file : walk.files) paths.push_back(file.relative_path);
  return paths;
}

}  // namespace

TEST_CASE("walker: finds supported files recursively, sorted, and counts the others") {
  TempDir dir;
  dir.Write("b/2.json", "{}");
  dir.Write("a.txt", "x");
  dir.Write("b/c/3.html", "x");
  dir.Write("notes.pdf", "x");
  dir.Write("b/NOTES.PDF", "x");
  dir.Write("b/53721", "x");
  dir.Write(".hidden/4.txt", "x");
  dir.Write(".DS_Store", "x");
  WalkResult walk = WalkArticleFiles(dir.path());
  CHECK(Paths(walk) == std::vector<std::string>{"a.txt", "b/2.json", "b/c/3.html"});
  CHECK(walk.unsupported == 3);
  CHECK(walk.unsupported_by_extension == std::map<std::string, int64_t>{{".pdf", 2}, {"", 1}});
  CHECK(walk.problems.empty());
  CHECK(walk.files[0].size == 1);
  CHECK(walk.files[0].mtime_ns > 0);
}

TEST_CASE("walker: a symbolic link loop is reported and not followed") {
  TempDir dir;
  dir.Write("news/a.txt", "x");
  std::filesystem::create_directory_symlink("..", dir / "news/up");
  std::filesystem::create_symlink("self", dir / "news/self");
  WalkResult walk = WalkArticleFiles(dir.path());
  CHECK(Paths(walk) == std::vector<std::string>{"news/a.txt"});
  REQUIRE(walk.problems.size() == 2);
}

TEST_CASE("walker: linked directories elsewhere are followed") {
  TempDir dir, other;
  other.Write("x.txt", "x");
  dir.Write("a.txt", "x");
  std::filesystem::create_directory_symlink(other.path(), dir / "linked");
  CHECK(Paths(WalkArticleFiles(dir.path())) == std::vector<std::string>{"a.txt", "linked/x.txt"});
}

TEST_CASE("walker: the index directory inside the articles is passed over") {
  TempDir dir;
  dir.Write("a.txt", "x");
  dir.Write("index/shard-0/junk.txt", "x");
  CHECK(Paths(WalkArticleFiles(dir.path(), dir / "index")) == std::vector<std::string>{"a.txt"});
}

TEST_CASE("walker: a FIFO and a link to a device named like articles are reported, never opened") {
  TempDir dir;
  dir.Write("a.txt", "x");
  REQUIRE(::mkfifo((dir / "pipe.txt").c_str(), 0644) == 0);
  std::filesystem::create_symlink("/dev/zero", dir / "zero.txt");
  WalkResult walk = WalkArticleFiles(dir.path());
  CHECK(Paths(walk) == std::vector<std::string>{"a.txt"});
  std::map<std::string, std::string> problems;
  for (const ReadProblem& problem : walk.problems) problems[problem.path] = problem.message;
  REQUIRE(problems.size() == 2);
  CHECK(problems["pipe.txt"].find("a FIFO") != std::string::npos);
  CHECK(problems["zero.txt"].find("a character device") != std::string::npos);
}
