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
//
// Hardened for a hostile network, since a browser on this machine is one:
// a request with a body is refused (413) and its connection closed, so the
// body is never run as a request; API responses ignore Range, static files
// take at most one; a Host header naming another site (DNS rebinding) is
// refused; every response carries nosniff and a strict Content-Security-
// Policy; 5xx messages carry no file-system paths (those go to the log);
// JSON escapes <, > and &; the access log escapes control characters.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "searcher/host_allow_list.h"
#include "searcher/search_engine.h"
#include "searcher/static_files.h"
#include "common/status.h"

namespace httplib {
class Server;
struct Request;
struct Response;
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
  // Host header values accepted besides the bound address (and localhost,
  // when bound to a loopback address), with or without a port.
  std::vector<std::string> allowed_hosts;
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
  // Threads, timeouts, limits and socket options.
  void ConfigureServer();
  void InstallRoutes();
  void InstallGuards();
  // One method per route (the list at the top of this file).
  void ServeSearch(const httplib::Request& req, httplib::Response& res);
  void ServeArticle(const httplib::Request& req, httplib::Response& res);
  void ServeFacetValues(const httplib::Request& req, httplib::Response& res);
  void ServeSuggestions(const httplib::Request& req, httplib::Response& res);
  void ServeStats(const httplib::Request& req, httplib::Response& res);
  void ServeHealth(const httplib::Request& req, httplib::Response& res);
  void ServeUnknownApi(const httplib::Request& req, httplib::Response& res);
  void ServeStaticFile(const httplib::Request& req, httplib::Response& res);
  // Answers, before routing, a request this server will not serve (another
  // host, another method, a body); false when it may go on.
  bool RefuseUnwanted(const httplib::Request& req, httplib::Response& res) const;

  SearchEngine* engine_;
  HttpServerOptions options_;
  HostAllowList allowed_hosts_;
  StaticFiles static_files_;
  std::unique_ptr<httplib::Server> server_;
  int listen_fd_ = -1;
  int port_ = 0;
};

}  // namespace newsfacet
