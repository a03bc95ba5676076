// `newsfacet index ARTICLES_DIR --index INDEX_DIR`
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "indexer/readers/article_file_reader.h"
#include "common/command_line.h"
#include "cli/commands.h"
#include "indexer/index_run.h"
#include "cli/progress_line.h"

namespace newsfacet {
namespace {

constexpr unsigned long long kLargestMaxBytes = 128'000'000;  // "128MB": sizes count 10^6 bytes a MB

constexpr char kUsage[] = R"(Usage: newsfacet index ARTICLES_DIR --index INDEX_DIR [options]

Builds or updates a search index of the news articles under ARTICLES_DIR.
The first run builds it; later runs read only new and changed files.

Formats: .txt (first line is the title), .json (an article, or an array),
.jsonl/.ndjson (one article a line), .html/.htm (a saved article page).
Other files are skipped and counted. Broken files are reported by path and
line and skipped; everything else is indexed.

Options:
  --index DIR       where the index lives (created if missing)
  --prune           remove articles whose files are gone from ARTICLES_DIR
  --shards N        shards of a new index, written in parallel (default: one per core)
  --shard K/N       only the articles of shard K (0 to N-1) of a cluster of N
                    hosts, by a hash of each article's id, in a one-shard index
                    that host K serves with xapian-tcpsrv (README: Cluster)
  --max-bytes SIZE  largest file (for .jsonl: largest line) to read (default 20MB,
                    at most 128MB)
  --commit-every SIZE  commit after about this much input (default 32MB): the
                    most a crash or kill can cost, at the price of speed
  --no-entities     index the text only: no people, organisations, countries or events
  --json            print the summary as one JSON object on stdout
  --quiet           print nothing but errors
  --verbose         print every error (on a terminal only the first 20 are shown)
  --help            show this help

Exit status: 0 every article indexed; 1 some files or articles skipped as
errors; 2 the run failed (bad arguments, index locked or unwritable);
130 interrupted (what was committed is kept; run again to finish).
)";

std::atomic<bool> g_stop{false};

extern "C" void OnInterrupt(int) {
  if (g_stop.exchange(true)) _exit(kExitInterrupted);  // a second Ctrl-C: leave now
}

void InstallInterruptHandlers() {
  struct sigaction action {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

nlohmann::json SummaryJson(const IndexSummary& summary) {
  nlohmann::json errors = nlohmann::json::array();
  for (const ReadProblem& problem : summary.errors) {
    errors.push_back({{"path", problem.path}, {"line", problem.line}, {"message", problem.message}});
  }
  return {{"added", summary.added},     {"updated", summary.updated}, {"unchanged", summary.unchanged},
          {"removed", summary.removed}, {"skipped", summary.skipped}, {"failed", summary.failed},
          {"seconds", summary.seconds}, {"errors", errors}};
}

// Text from file names, as printed on a terminal: control characters (C0,
// DEL, and C1 as UTF-8) shown as '?', so a hostile name can neither drive
// the terminal nor break a report over two lines.
std::string Printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c1) ++i;
    out.push_back(c < 0x20 || c == 0x7F || c1 ? '?' : text[i]);
  }
  return out;
}

// Which files were passed over, most common extensions first, and what
// would be read: a directory of extension-less files otherwise looks empty.
std::string SkippedText(const IndexSummary& summary) {
  std::vector<std::pair<int64_t, std::string>> by_count;
  for (const auto& [extension, files] : summary.skipped_by_extension) by_count.emplace_back(files, extension);
  std::sort(by_count.begin(), by_count.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::string text = "Skipped, not an article format: ";
  for (size_t i = 0; i < by_count.size() && i < 3; ++i) {
    if (i > 0) text += ", ";
    text.append(FormatCount(by_count[i].first)).append(" ");
    text.append(by_count[i].second.empty() ? "without an extension" : Printable(by_count[i].second));
  }
  if (by_count.size() > 3) text += ", ...";
  return text + ". newsfacet reads " + SupportedExtensions() + ".";
}

std::string SummaryText(const IndexSummary& summary, const IndexProgress& progress) {
  char rate[96] = "";
  if (summary.seconds > 0 && progress.bytes_done > 0) {
    std::snprintf(rate, sizeof rate, " (%s articles/s, %.1f MB/s)",
                  FormatCount(static_cast<int64_t>(progress.articles_done / summary.seconds)).c_str(),
                  progress.bytes_done / summary.seconds / 1e6);
  }
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f", summary.seconds);
  std::string text = std::string(summary.interrupted ? "Interrupted after " : "Indexed in ") + seconds + " s" +
                     rate + ": " + FormatCount(summary.added) + " added, " + FormatCount(summary.updated) +
                     " updated, " + FormatCount(summary.unchanged) + " unchanged, " +
                     FormatCount(summary.removed) + " removed, " + FormatCount(summary.skipped) +
                     " skipped, " + FormatCount(summary.failed) + " failed.";
  // Appended piecewise: "\n" + a std::string trips GCC 12's -Wrestrict.
  if (summary.skipped > 0) text.append("\n").append(SkippedText(summary));
  if (summary.gone_files > 0 && summary.removed == 0) {
    text.append("\n").append(FormatCount(summary.gone_files));
    text += " indexed files are no longer there; run with --prune to remove their articles.";
  }
  if (summary.interrupted) text += "\nEverything read so far is committed; run the same command again to finish.";
  return text;
}

std::string ProblemText(const ReadProblem& problem) {
  std::string text = Printable(problem.path);
  if (problem.line > 0) text.append(":").append(std::to_string(problem.line));
  return text.append(": ").append(Printable(problem.message));
}

// --shard K/N.
Status ParseClusterShard(const std::string& text, IndexOptions* options) {
  const size_t slash = text.find('/');
  int shard = 0;
  int shards = 0;
  if (slash == std::string::npos || !ParsePositiveInt(text.substr(slash + 1), &shards) ||
      !(text.substr(0, slash) == "0" || ParsePositiveInt(text.substr(0, slash), &shard)) || shard >= shards) {
    return Status::Error("--shard takes K/N, shard K of N from 0 to N-1 (0/3, 1/3, 2/3), not '" + text + "'");
  }
  options->cluster_shard = shard;
  options->cluster_shards = shards;
  return Status::Ok();
}

// The options of `index`, checked in the order its usage lists them.
Status ParseIndexOptions(const CommandLine& command_line, IndexOptions* options) {
  if (command_line.positional().size() != 1) {
    return Status::Error(command_line.positional().empty() ? "missing ARTICLES_DIR" : "expected one ARTICLES_DIR");
  }
  if (!command_line.Value("--index")) return Status::Error("missing --index INDEX_DIR");
  if (command_line.Value("--shards") && !ParsePositiveInt(*command_line.Value("--shards"), &options->shards)) {
    return Status::Error("--shards takes a whole number from 1 up");
  }
  if (command_line.Value("--shard")) {
    Status status = ParseClusterShard(*command_line.Value("--shard"), options);
    if (!status.ok()) return status;
  }
  unsigned long long max_bytes = options->max_bytes;
  if (command_line.Value("--max-bytes") && !ParseByteSize(*command_line.Value("--max-bytes"), &max_bytes)) {
    return Status::Error("--max-bytes takes a size such as 20MB, 512k or 1000000");
  }
  if (max_bytes > kLargestMaxBytes) {
    // Each article is kept whole in the index, as JSON (escaping can make
    // it six times the text), and the searcher refuses to unpack one over
    // 1 GiB as damaged.
    return Status::Error("--max-bytes is at most 128MB");
  }
  unsigned long long commit_every = options->batch_bytes;
  if (command_line.Value("--commit-every") && !ParseByteSize(*command_line.Value("--commit-every"), &commit_every)) {
    return Status::Error("--commit-every takes a size such as 32MB or 500k");
  }
  options->articles_dir = command_line.positional()[0];
  options->index_dir = *command_line.Value("--index");
  options->max_bytes = max_bytes;
  options->batch_bytes = commit_every;
  options->prune = command_line.Has("--prune");
  options->entities = !command_line.Has("--no-entities");
  return Status::Ok();
}

// What a run shows, and where: the flags --json, --quiet and --verbose, and
// whether stderr is a terminal (which gets the progress line).
struct IndexOutput {
  explicit IndexOutput(const CommandLine& command_line)
      : json(command_line.Has("--json")),
        quiet(command_line.Has("--quiet")),
        on_terminal(!quiet && ::isatty(STDERR_FILENO)),
        print_each_problem(!quiet && (command_line.Has("--verbose") || !on_terminal)) {}
  const bool json;
  const bool quiet;
  const bool on_terminal;
  const bool print_each_problem;
};

// On a terminal the first few problems go above the progress line; all of
// them are printed with --verbose or when stderr is not a terminal.
constexpr int64_t kProblemsShownOnTerminal = 20;

// Runs the index with the progress line and the problems shown as `output`
// says; `problems_seen` counts them.
Status RunWithProgress(const IndexOptions& options, const IndexOutput& output, IndexProgress* progress,
                       IndexSummary* summary, int64_t* problems_seen) {
  std::unique_ptr<ProgressLine> line;
  if (output.on_terminal) line = std::make_unique<ProgressLine>(progress, stderr);
  auto on_problem = [&](const ReadProblem& problem) {
    ++*problems_seen;
    std::string text = "newsfacet index: error: " + ProblemText(problem);
    if (line && (output.print_each_problem || *problems_seen <= kProblemsShownOnTerminal)) {
      line->Print(text);
    } else if (output.print_each_problem) {
      std::fprintf(stderr, "%s\n", text.c_str());
    }
  };
  return RunIndex(options, progress, &g_stop, on_problem, summary);
}

// Prints the outcome of a run and returns the exit status.
int ReportIndexRun(const Status& status, const IndexSummary& summary, const IndexProgress& progress,
                   const IndexOutput& output, int64_t problems_seen) {
  if (!status.ok()) {
    std::fprintf(stderr, "newsfacet index: %s\n", status.message().c_str());
    if (output.json) std::printf("%s\n", nlohmann::json{{"error", status.message()}}.dump().c_str());
    return kExitError;
  }
  if (output.json) {
    std::printf("%s\n", SummaryJson(summary).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else if (!output.quiet) {
    std::printf("%s\n", SummaryText(summary, progress).c_str());
  }
  if (output.on_terminal && !output.print_each_problem && problems_seen > kProblemsShownOnTerminal) {
    std::fprintf(stderr, "(%lld more errors not shown; --verbose or --json lists them all)\n",
                 static_cast<long long>(problems_seen - kProblemsShownOnTerminal));
  }
  if (summary.interrupted) return kExitInterrupted;
  return summary.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

int RunIndexCommand(const std::vector<std::string>& args) {
  CommandLine command_line;
  Status status = CommandLine::Parse(args, {"--prune", "--json", "--quiet", "--verbose", "--help", "--no-entities"},
                                     {"--index", "--shards", "--shard", "--max-bytes", "--commit-every"}, &command_line);
  if (status.ok() && command_line.Has("--help")) {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  IndexOptions options;
  if (status.ok()) status = ParseIndexOptions(command_line, &options);
  if (!status.ok()) {
    std::fprintf(stderr, "newsfacet index: %s\nTry 'newsfacet index --help'.\n", status.message().c_str());
    return kExitError;
  }
  const IndexOutput output(command_line);
  InstallInterruptHandlers();
  IndexProgress progress;
  IndexSummary summary;
  int64_t problems_seen = 0;
  status = RunWithProgress(options, output, &progress, &summary, &problems_seen);
  return ReportIndexRun(status, summary, progress, output, problems_seen);
}

}  // namespace newsfacet
