// The HTTP front of the engine: the JSON API under /api/ and the static
// front end, on cpp-httplib's thread pool.
//
//   GET /api/search?q=&person=&country=&event=&from=&to=&sort=&offset=&limit=&facets=&facet_limit=
//   GET /api/article/{id}?q=&person=&country=&event=    (id URL-encoded)
//   GET /api/facets/{people|countries|events}?prefix=&limit=&q=&person=...
//   GET /api/stats
//   GET /api/health
//   GET /anything-else  -> a file under the web directory
//
// Every refusal is a 4xx JSON error (api_error.h); other methods get 405.
// Exceptions stop at this boundary: a request can fail, the server cannot.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "search_engine.h"
#include "static_files.h"
#include "status.h"

namespace httplib {
class Server;
}

namespace newsfacet {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::filesystem::path web_dir;
  bool quiet = false;  // no access log
  // Worker threads. A kept-alive connection holds one between requests, so
  // this is how many clients are served at once; more wait for a
  // connection to close. Threads are cheap here: the engine runs only as
  // many searches at once as there are cores (EngineOptions::max_parallel).
  int threads = 64;
};

class HttpServer {
 public:
  // `engine` must outlive the server.
  HttpServer(SearchEngine* engine, HttpServerOptions options);
  ~HttpServer();

  // Binds the socket: after this, port() is known and connections queue.
  Status Bind();
  int port() const { return port_; }
  std::string url() const;

  // Serves until Stop(); returns once in-flight requests have finished.
  Status Run();
  // Thread-safe; safe to call before Run() has started.
  void Stop();

 private:
  void InstallRoutes();

  SearchEngine* engine_;
  HttpServerOptions options_;
  StaticFiles static_files_;
  std::unique_ptr<httplib::Server> server_;
  int listen_fd_ = -1;
  int port_ = 0;
};

}  // namespace newsfacet
