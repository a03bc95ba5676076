// `newsfacet serve --index INDEX_DIR`: the search API and web page over HTTP.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <sstream>
#include <cstdio>
#include <ctime>
#include <optional>
#include <thread>

#include "common/command_line.h"
#include "cli/commands.h"
#include "analysis/data_files.h"
#include "searcher/http_server.h"
#include "searcher/search_engine.h"

namespace newsfacet {
namespace {

constexpr char kUsage[] = R"(Usage: newsfacet serve --index INDEX_DIR [options]
       newsfacet serve --cluster FILE [options]

Serves the search API under /api/ and the web page from the web directory.
Searching goes on while `newsfacet index` updates the index: each request
sees the latest commit.

Options:
  --index DIR     the index to search
  --cluster FILE  search the shards a cluster file lists, on other hosts
                  (README: Cluster); its metadata copy is written first
                  (newsfacet cluster-metadata) when it does not exist
  --port N        TCP port (default 8080; 0 picks a free one)
  --host ADDR     address to listen on (default 127.0.0.1: this machine only;
                  0.0.0.0 serves the network, without any authentication)
  --web-dir DIR   the web page's files (default: $NEWSFACET_WEB_DIR, else
                  PREFIX/share/newsfacet/web beside an installed binary, else
                  the source tree's web/ for a build tree); --web DIR is the same
  --threads N     connection threads kept ready (default 64); more are
                  started while all are busy, up to 16 times as many
  --allowed-host NAME[,NAME...]
                  Host header values to answer besides the bound address
                  (and localhost): the names this server is reached by.
                  Others are refused, so that a web page cannot reach the
                  server through a name of its own (DNS rebinding)
  --count-limit N matches a shard counts for a search's total and facets
                  (default 10000): exact up to it; past it, estimated from a
                  uniform sample and flagged as inexact
  --no-facet-columns
                  count facets from the index on disk only. By default every
                  article's facet ids are also read into memory (about 100
                  bytes an article, in the background, again after each
                  commit), which makes counting a broad search several times
                  cheaper; /api/stats reports their size
  --quiet         no access log (one line per request on stderr otherwise)
  --help          show this help

Once listening it prints "newsfacet: serving http://HOST:PORT/" on stdout.
SIGINT (Ctrl-C) or SIGTERM stops it after the requests in flight, within
2 seconds whatever clients do.

Exit status: 0 stopped by a signal; 2 could not start (bad arguments, an
unusable index, the port taken).
)";

// Counting looks at every match up to the limit on every request: past a
// million, one search could hold a thread for seconds.
constexpr int kMaxCountLimit = 999999;

constexpr auto kStopGrace = std::chrono::milliseconds(1500);

// --web-dir, or its older name --web.
std::optional<std::string> WebDirOption(const CommandLine& command_line) {
  if (auto dir = command_line.Value("--web-dir")) return dir;
  return command_line.Value("--web");
}

struct ServeOptions {
  HttpServerOptions http;
  EngineOptions engine;
};

// --port, --threads and --count-limit into `options`; each checked for its range.
Status ParseServeNumbers(const CommandLine& command_line, ServeOptions* options) {
  if (command_line.Value("--port")) {
    const std::string port = *command_line.Value("--port");
    if (port == "0") {
      options->http.port = 0;
    } else if (!ParsePositiveInt(port, &options->http.port) || options->http.port > 65535) {
      return Status::Error("--port must be a number from 0 to 65535, not '" + port + "'");
    }
  }
  if (command_line.Value("--threads") &&
      (!ParsePositiveInt(*command_line.Value("--threads"), &options->http.threads) || options->http.threads > 1024)) {
    return Status::Error("--threads must be a number from 1 to 1024");
  }
  if (WebDirOption(command_line) && !std::filesystem::is_directory(options->http.web_dir)) {
    return Status::Error("--web-dir " + options->http.web_dir.string() + " is not a directory");
  }
  if (command_line.Value("--index")) options->engine.index_dir = *command_line.Value("--index");
  if (command_line.Value("--count-limit")) {
    int count_limit = 0;
    if (!ParsePositiveInt(*command_line.Value("--count-limit"), &count_limit) || count_limit > kMaxCountLimit) {
      return Status::Error("--count-limit must be a number from 1 to " + std::to_string(kMaxCountLimit));
    }
    options->engine.count_limit = static_cast<Xapian::doccount>(count_limit);
  }
  return Status::Ok();
}

// The options of `serve`, checked in the order its usage lists them.
Status ParseServeOptions(const CommandLine& command_line, ServeOptions* options) {
  options->http.quiet = command_line.Has("--quiet");
  options->engine.facet_columns = !command_line.Has("--no-facet-columns");
  options->http.web_dir = WebDirOption(command_line).value_or(WebDirectory().string());
  options->http.host = command_line.Value("--host").value_or("127.0.0.1");
  if (command_line.Value("--index").has_value() == command_line.Value("--cluster").has_value()) {
    return Status::Error("expected --index INDEX_DIR or --cluster FILE");
  }
  if (command_line.Value("--cluster")) {
    ClusterConfig cluster;
    Status status = ReadClusterConfig(*command_line.Value("--cluster"), &cluster);
    if (!status.ok()) return status;
    options->engine.cluster = std::move(cluster);
  }
  if (command_line.Value("--allowed-host")) {
    std::stringstream names(*command_line.Value("--allowed-host"));
    for (std::string name; std::getline(names, name, ',');) {
      if (!name.empty()) options->http.allowed_hosts.push_back(name);
    }
  }
  if (!command_line.positional().empty()) return Status::Error("unexpected argument " + command_line.positional()[0]);
  return ParseServeNumbers(command_line, options);
}

// SIGINT and SIGTERM, blocked in the calling thread and every thread it
// starts afterwards, so that only WaitForStopSignal receives them.
sigset_t BlockStopSignals() {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  return stop_signals;
}

// Until `finished`: on a stop signal, stops `server`, and exits the process
// should requests still hold it past the grace period.
void WaitForStopSignal(const sigset_t& stop_signals, HttpServer& server, const std::atomic<bool>& finished) {
  const timespec poll = {0, 100 * 1000 * 1000};
  bool stopping = false;
  std::chrono::steady_clock::time_point stop_asked;
  while (!finished) {
    int signal = sigtimedwait(&stop_signals, nullptr, &poll);
    if (!stopping && (signal == SIGINT || signal == SIGTERM)) {
      std::fprintf(stderr, "newsfacet serve: stopping (%s)\n", signal == SIGINT ? "SIGINT" : "SIGTERM");
      stopping = true;
      stop_asked = std::chrono::steady_clock::now();
    }
    // A client trickling bytes holds its thread in a read that httplib
    // only leaves between requests; the server writes nothing that needs
    // an orderly end, so past the grace period it just exits.
    if (stopping && std::chrono::steady_clock::now() - stop_asked > kStopGrace) {
      std::fprintf(stderr, "newsfacet serve: stopped; connections still open were closed\n");
      std::fflush(stderr);
      std::_Exit(kExitOk);
    }
    // Again until Run() returns: a stop that lands before the server is
    // listening does nothing.
    if (stopping) server.Stop();
  }
}

int ServeError(const Status& status) {
  std::fprintf(stderr, "newsfacet serve: %s\n", status.message().c_str());
  return kExitError;
}

}  // namespace

int RunServeCommand(const std::vector<std::string>& args) {
  CommandLine command_line;
  Status status = CommandLine::Parse(args, {"--help", "--quiet", "--no-facet-columns"}, {"--index", "--port", "--host", "--web", "--web-dir", "--threads", "--count-limit", "--allowed-host", "--cluster"},
                                     &command_line);
  if (status.ok() && command_line.Has("--help")) {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  ServeOptions options;
  if (status.ok()) status = ParseServeOptions(command_line, &options);
  if (status.ok() && options.engine.cluster && !std::filesystem::exists(options.engine.cluster->metadata)) {
    std::fprintf(stderr, "newsfacet serve: writing the cluster's metadata copy %s\n",
                 options.engine.cluster->metadata.c_str());
    status = BuildClusterMetadata(*options.engine.cluster);
  }
  std::unique_ptr<SearchEngine> engine;
  if (status.ok()) status = SearchEngine::Open(options.engine, &engine);
  if (!status.ok()) return ServeError(status);
  for (const std::string& warning : engine->warnings()) std::fprintf(stderr, "newsfacet serve: warning: %s\n", warning.c_str());
  if (!std::filesystem::is_directory(options.http.web_dir)) {
    std::fprintf(stderr, "newsfacet serve: warning: no web directory at %s; serving the API only\n",
                 options.http.web_dir.c_str());
  }

  // Before any other thread starts, so that every thread inherits the mask.
  const sigset_t stop_signals = BlockStopSignals();
  HttpServer server(engine.get(), options.http);
  status = server.Bind();
  if (!status.ok()) return ServeError(status);
  std::printf("newsfacet: serving %s\n", server.url().c_str());
  std::fflush(stdout);

  std::atomic<bool> finished{false};
  std::thread signal_waiter([&] { WaitForStopSignal(stop_signals, server, finished); });
  status = server.Run();
  finished = true;
  signal_waiter.join();
  if (!status.ok()) return ServeError(status);
  return kExitOk;
}

}  // namespace newsfacet
