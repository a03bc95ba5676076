// End to end: the indexer and the compactor killed (kill -9) at each
// rename and fsync they make, failed writes, fsyncs and commits, exceptions
// on worker threads, and two indexers racing to create one index. Whatever
// the moment, running the same command again opens the index and finishes
// the job, and nothing is lost.
//
// The kills and failed system calls are made by strace's syscall tampering
// (-e inject=...:signal=KILL, -e inject=...:error=EIO), so the code under
// test is the shipped binary, unchanged; exceptions are injected through
// the NEWSFACET_INJECT_FAULT seam (common/injected_fault.h).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <chrono>
#include <set>

#include "tests/process.h"

using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kDurabilitySyscalls = "rename,renameat,renameat2,fsync,fdatasync";

// Runs `program ARGS...` to the end; returns its exit code (128 + signal).
int RunProgram(const std::string& program, const std::vector<std::string>& args, const fs::path& log) {
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    std::vector<std::string> copies = args;
    std::vector<char*> argv = {const_cast<char*>(program.c_str())};
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execvp(program.c_str(), argv.data());
    ::_exit(127);
  }
  return WaitExitCode(pid);
}

bool StraceCanTrace() {
  TempDir scratch;
  if (RunProgram("strace", {"-f", "-o", "/dev/null", "true"}, scratch / "log") == 0) return true;
  MESSAGE("skipped: strace is not installed or may not trace here (scripts/install-deps.sh --test installs it)");
  return false;
}

// `newsfacet ARGS...` under strace, killed at the `nth` call of one of the
// rename/fsync syscalls (counted per thread and per syscall). True when the
// kill happened; false when the command ran to its end first.
bool RunKilledAtSyscall(int nth, const std::vector<std::string>& args, const fs::path& log) {
  std::vector<std::string> strace = {"-f", "-o", "/dev/null", "-e", "trace=" + std::string(kDurabilitySyscalls),
                                     "-e", "inject=" + std::string(kDurabilitySyscalls) + ":signal=KILL:when=" +
                                               std::to_string(nth),
                                     NEWSFACET_BINARY};
  strace.insert(strace.end(), args.begin(), args.end());
  int code = RunProgram("strace", strace, log);
  if (code == 128 + SIGKILL) return true;
  INFO(Slurp(log));
  CHECK(code == 0);
  return false;
}

std::set<std::string> ExportedIds(const fs::path& index) {
  ProcessResult run = RunNewsfacet({"export", "--index", index.string()});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  std::set<std::string> ids;
  for (const std::string& line : Lines(run.out)) ids.insert(Json::parse(line)["id"].get<std::string>());
  return ids;
}

Xapian::doccount DocumentsInIndex(const fs::path& index) { return Xapian::Database(index.string()).get_doccount(); }

void WriteSmallArticles(const TempDir& dir, int count) {
  for (int i = 0; i < count; ++i) {
    dir.Write("tiny/" + std::to_string(i) + ".txt",
              "Story number " + std::to_string(i) + "\n\nAnkara officials said talks resume on day " +
                  std::to_string(i) + ".");
  }
}

constexpr int kMaxKills = 400;  // far above the calls a small run makes

}  // namespace

TEST_CASE("an indexer killed at any rename or fsync of creation or commit leaves an index the next run finishes") {
  if (!StraceCanTrace()) return;
  TempDir dir;
  const fs::path corpus = SourceDir() / "corpus";
  const std::vector<std::string> index_args = {"index", corpus.string(), "--index", (dir / "index").string(),
                                               "--shards", "2", "--commit-every", "40k", "--quiet"};
  std::set<std::string> expected;
  {
    TempDir reference;
    REQUIRE(RunNewsfacet({"index", corpus.string(), "--index", (reference / "index").string(), "--quiet"})
                .exit_code == 0);
    expected = ExportedIds(reference / "index");
  }
  REQUIRE(expected.size() > 10);
  int kills = 0;
  for (int nth = 1; nth <= kMaxKills; ++nth) {
    fs::remove_all(dir / "index");
    if (!RunKilledAtSyscall(nth, index_args, dir / "strace.log")) break;
    ++kills;
    CAPTURE(nth);
    ProcessResult rerun = RunNewsfacet(index_args);
    INFO("re-run: " << rerun.err);
    REQUIRE(rerun.exit_code == 0);
    CHECK(ExportedIds(dir / "index") == expected);
    CHECK(DocumentsInIndex(dir / "index") == expected.size());
  }
  MESSAGE(kills << " kill points tried");
  CHECK(kills > 5);
  CHECK(kills < kMaxKills);
}

TEST_CASE("a compaction killed at any rename or fsync leaves an index that opens whole, and compacts again") {
  if (!StraceCanTrace()) return;
  TempDir dir;
  const fs::path built = dir / "built";
  REQUIRE(RunNewsfacet({"index", (SourceDir() / "corpus").string(), "--index", built.string(), "--shards", "2",
                        "--quiet"})
              .exit_code == 0);
  const std::set<std::string> expected = ExportedIds(built);
  const fs::path index = dir / "index";
  int kills = 0;
  for (int nth = 1; nth <= kMaxKills; ++nth) {
    fs::remove_all(index);
    fs::copy(built, index, fs::copy_options::recursive);
    if (!RunKilledAtSyscall(nth, {"compact", "--index", index.string()}, dir / "strace.log")) break;
    ++kills;
    CAPTURE(nth);
    CHECK(ExportedIds(index) == expected);  // opens between the kill and the next compaction
    ProcessResult again = RunNewsfacet({"compact", "--index", index.string()});
    INFO("compact again: " << again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(ExportedIds(index) == expected);
  }
  MESSAGE(kills << " kill points tried");
  CHECK(kills > 2);
  CHECK(kills < kMaxKills);
}

TEST_CASE("two indexers racing to create one new index lose no article, whichever wins") {
  TempDir dir;
  const int articles = 49;
  WriteSmallArticles(dir, articles);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int tries = 0;
  while (tries < 40 && std::chrono::steady_clock::now() < deadline) {
    ++tries;
    const fs::path index = dir / ("index-" + std::to_string(tries));
    auto start = [&](const char* shards, const char* name) {
      return StartNewsfacet({"index", (dir / "tiny").string(), "--index", index.string(), "--shards", shards,
                             "--no-entities", "--quiet"},
                            dir / (std::string(name) + ".out"), dir / (std::string(name) + ".err"));
    };
    pid_t first = start("2", "first");
    pid_t second = start("5", "second");
    int first_code = WaitExitCode(first), second_code = WaitExitCode(second);
    CAPTURE(tries);
    INFO("first: " << Slurp(dir / "first.err") << " second: " << Slurp(dir / "second.err"));
    CHECK((first_code == 0 || first_code == 2));
    CHECK((second_code == 0 || second_code == 2));
    CHECK((first_code == 0 || second_code == 0));
    // Whoever lost, one more run leaves the index complete and consistent.
    ProcessResult rerun = RunNewsfacet({"index", (dir / "tiny").string(), "--index", index.string(), "--json"});
    REQUIRE(rerun.exit_code == 0);
    CHECK(ExportedIds(index).size() == static_cast<size_t>(articles));
    CHECK(DocumentsInIndex(index) == static_cast<Xapian::doccount>(articles));
    Json manifest = Json::parse(Slurp(index / "newsfacet.json"));
    int shard_dirs = 0;
    for (const auto& entry : fs::directory_iterator(index)) {
      if (entry.path().filename().string().rfind("shard-", 0) == 0) ++shard_dirs;
    }
    CHECK(manifest["shards"].get<int>() == shard_dirs);
    fs::remove_all(index);
  }
  MESSAGE(tries << " races run");
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK_MESSAGE(entry.path().filename().string().find(".creating-") == std::string::npos,
                  "a creation left " << entry.path());
  }
}

namespace {

// `newsfacet ARGS...` under strace, the `nth` call of `syscalls` failing
// with `error`. Returns the exit code; `*injected` says whether a call did fail.
int RunWithFailingSyscall(const std::string& syscalls, const std::string& error, int nth,
                          const std::vector<std::string>& args, const fs::path& log, bool* injected) {
  const fs::path trace = log.string() + ".trace";
  std::vector<std::string> strace = {"-f", "-o", trace.string(), "-e", "trace=" + syscalls, "-e",
                                     "inject=" + syscalls + ":error=" + error + ":when=" + std::to_string(nth),
                                     NEWSFACET_BINARY};
  strace.insert(strace.end(), args.begin(), args.end());
  const int code = RunProgram("strace", strace, log);
  *injected = Slurp(trace).find("(INJECTED)") != std::string::npos;
  return code;
}

// Every `nth` call of `syscalls` made to fail in turn, until a run makes
// fewer calls: each failed run exits 2 with a message (never a success that
// lost articles; aborts inside Xapian are counted in `*aborts_in_xapian`),
// and the next plain run completes the index. Returns the failed runs.
int CheckFailuresRecover(const std::string& syscalls, const std::string& error, int stride, int* aborts_in_xapian) {
  TempDir dir;
  const fs::path corpus = SourceDir() / "corpus";
  const std::vector<std::string> index_args = {"index", corpus.string(), "--index", (dir / "index").string(),
                                               "--shards", "2", "--commit-every", "40k", "--quiet"};
  std::set<std::string> expected;
  {
    TempDir reference;
    REQUIRE(RunNewsfacet({"index", corpus.string(), "--index", (reference / "index").string(), "--quiet"})
                .exit_code == 0);
    expected = ExportedIds(reference / "index");
  }
  int failures = 0;
  for (int nth = 1; nth <= kMaxKills; nth += stride) {
    fs::remove_all(dir / "index");
    CAPTURE(syscalls);
    CAPTURE(nth);
    bool injected = false;
    const int code = RunWithFailingSyscall(syscalls, error, nth, index_args, dir / "strace.log", &injected);
    INFO(Slurp(dir / "strace.log"));
    if (!injected) {
      CHECK(code == 0);
      break;  // the run made fewer calls: all tried
    }
    if (code == 0) {  // a failure the run may shrug off (a write to a terminal, a retried call)
      CHECK(ExportedIds(dir / "index") == expected);
      continue;
    }
    ++failures;
    const std::string log = Slurp(dir / "strace.log");
    // Xapian 1.4 can throw from inside its own error handling when a block
    // write fails during a commit (std::terminate from libxapian, with no
    // newsfacet frame to catch it): that is an abort, recoverable like a
    // kill. Anything else must be newsfacet's exit 2 and message.
    if (code == 128 + SIGABRT && log.find("terminate called after throwing an instance of 'Xapian::") != std::string::npos) {
      ++*aborts_in_xapian;
    } else {
      REQUIRE(code == 2);
      CHECK(log.find("newsfacet index: ") != std::string::npos);
    }
    ProcessResult rerun = RunNewsfacet(index_args);
    INFO("re-run: " << rerun.err);
    REQUIRE(rerun.exit_code == 0);
    CHECK(ExportedIds(dir / "index") == expected);
    CHECK(DocumentsInIndex(dir / "index") == expected.size());
  }
  return failures;
}

struct InjectedFaultScope {
  explicit InjectedFaultScope(const char* fault) { ::setenv("NEWSFACET_INJECT_FAULT", fault, 1); }
  ~InjectedFaultScope() { ::unsetenv("NEWSFACET_INJECT_FAULT"); }
};

}  // namespace

TEST_CASE("an indexer whose fsyncs fail exits 2 with a message, and the next run completes the index") {
  if (!StraceCanTrace()) return;
  int aborts_in_xapian = 0;
  const int failures = CheckFailuresRecover("fsync,fdatasync", "EIO", 1, &aborts_in_xapian);
  MESSAGE(failures << " failed fsyncs tried, " << aborts_in_xapian << " aborted inside Xapian");
  CHECK(failures > 3);
  CHECK(aborts_in_xapian == 0);
}

TEST_CASE("an indexer whose writes fail (disk full) exits 2 with a message, and the next run completes the index") {
  if (!StraceCanTrace()) return;
  int aborts_in_xapian = 0;
  const int failures = CheckFailuresRecover("pwrite64,write", "ENOSPC", 7, &aborts_in_xapian);
  MESSAGE(failures << " failed writes tried, " << aborts_in_xapian << " aborted inside Xapian");
  CHECK(failures > 3);
  CHECK(aborts_in_xapian < failures);
}

namespace {

// Indexes corpus/ with `fault_name` injected: the run must end with exit 2 and
// the fault's message, and a second run without it must finish.
void CheckInjectedThrowEndsRunThenRerunFinishes(const std::string& fault_name) {
  TempDir dir;
  const std::vector<std::string> index_args = {"index", (SourceDir() / "corpus").string(), "--index",
                                               (dir / "index").string(), "--quiet"};
  {
    InjectedFaultScope fault(fault_name.c_str());
    ProcessResult run = RunNewsfacet(index_args);
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("injected fault: " + fault_name) != std::string::npos);
  }
  ProcessResult rerun = RunNewsfacet(index_args);
  INFO(rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK(ExportedIds(dir / "index").size() > 10);
}

}  // namespace

TEST_CASE("an exception thrown on a shard writer's thread ends the run with exit 2 and its message") {
  CheckInjectedThrowEndsRunThenRerunFinishes("writer-throws");
}

TEST_CASE("an exception thrown on a reader's thread ends the run with exit 2 and its message") {
  CheckInjectedThrowEndsRunThenRerunFinishes("reader-throws");
}
