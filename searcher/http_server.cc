#include "http_server.h"

#include <sys/socket.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <httplib.h>

#include "response_json.h"

namespace newsfacet {
namespace {

using Clock = std::chrono::steady_clock;
using httplib::Request;
using httplib::Response;

constexpr char kJsonType[] = "application/json; charset=utf-8";

// When the request this thread is serving arrived, for the access log: each
// connection is served start to end on one pool thread.
thread_local Clock::time_point t_request_start;
thread_local bool t_request_started = false;

void SendJson(Response& res, int status, const nlohmann::json& json) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(DumpJson(json), kJsonType);
}

void SendError(Response& res, const ApiError& error) { SendJson(res, error.http_status, ErrorJson(error)); }

RequestParams ParamsOf(const Request& req) {
  RequestParams params;
  for (const auto& [name, value] : req.params) params.emplace_back(name, value);
  return params;
}

// Every route body runs inside this: an exception becomes a JSON 500, and
// the server carries on.
template <typename Handler>
httplib::Server::Handler Guarded(Handler handler) {
  return [handler](const Request& req, Response& res) {
    try {
      handler(req, res);
    } catch (const Xapian::Error& error) {
      SendError(res, {500, "internal_error", "the index could not be searched: " + error.get_description()});
    } catch (const std::exception& error) {
      SendError(res, {500, "internal_error", std::string("internal error: ") + error.what()});
    }
  };
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

void LogRequest(const Request& req, const Response& res) {
  const double ms = t_request_started ? std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count() : 0;
  t_request_started = false;
  std::string target = req.target.empty() ? "-" : req.target;
  if (target.size() > 300) target = target.substr(0, 300) + "...";
  std::fprintf(stderr, "%s %s %d %.1fms\n", req.method.empty() ? "-" : req.method.c_str(), target.c_str(),
               res.status, ms);
}

}  // namespace

HttpServer::HttpServer(SearchEngine* engine, HttpServerOptions options)
    : engine_(engine), options_(std::move(options)), static_files_(options_.web_dir),
      server_(std::make_unique<httplib::Server>()) {
  InstallRoutes();
}

HttpServer::~HttpServer() = default;

void HttpServer::InstallRoutes() {
  httplib::Server& server = *server_;
  const int threads = options_.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(5);
  server.set_read_timeout(10);
  server.set_write_timeout(10);
  server.set_payload_max_length(64 * 1024);  // GET only: a body is never needed
  server.set_tcp_nodelay(true);
  // SO_REUSEADDR, not httplib's default SO_REUSEPORT: a second server on a
  // port in use must fail, not quietly take half its connections. The
  // socket is kept to lengthen its listen queue once bound.
  server.set_socket_options([this](int fd) {
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd_ = fd;
  });

  server.set_pre_routing_handler([](const Request& req, Response& res) {
    t_request_start = Clock::now();
    t_request_started = true;
    if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Allow", "GET, HEAD");
    SendError(res, ApiError::MethodNotAllowed(req.method + " is not allowed: this server only answers GET"));
    return httplib::Server::HandlerResponse::Handled;
  });
  // Failures httplib detects before routing (an unreadable request line, a
  // URI past its 8 kB limit) arrive here without a body: give them one.
  server.set_error_handler(httplib::Server::HandlerWithResponse([](const Request&, Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 414) {
      SendError(res, ApiError::QueryTooLong("the request is longer than 8 kB; a query may have at most " +
                                            std::to_string(kMaxQueryChars) + " characters"));
    } else if (res.status == 404) {
      SendError(res, ApiError::NotFound("nothing here"));
    } else {
      SendError(res, {res.status, "bad_request", "the request could not be read as HTTP"});
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
    SendError(res, {500, "internal_error", "internal error"});
  });
  if (!options_.quiet) server.set_logger(LogRequest);

  server.Get("/api/search", Guarded([this](const Request& req, Response& res) {
    SearchRequest request;
    SearchResponse response;
    MaybeError error = ParseSearchRequest(ParamsOf(req), &request);
    if (!error) error = engine_->Search(request, &response);
    if (error) return SendError(res, *error);
    SendJson(res, 200, SearchResponseJson(response));
  }));
  server.Get("/api/article/(.*)", Guarded([this](const Request& req, Response& res) {
    ArticleRequest request;
    ArticleResponse response;
    MaybeError error = ParseArticleRequest(req.matches[1].str(), ParamsOf(req), &request);
    if (!error) error = engine_->GetArticle(request, &response);
    if (error) return SendError(res, *error);
    SendJson(res, 200, ArticleResponseJson(response));
  }));
  server.Get("/api/facets/(.*)", Guarded([this](const Request& req, Response& res) {
    std::optional<Facet> facet = ParseFacet(req.matches[1].str());
    if (!facet) {
      return SendError(res, ApiError::BadParameter("unknown facet '" + req.matches[1].str().substr(0, 40) +
                                                   "': use /api/facets/people, /api/facets/organisations, "
                                                   "/api/facets/countries or /api/facets/events"));
    }
    FacetValuesRequest request;
    FacetValuesResponse response;
    MaybeError error = ParseFacetValuesRequest(*facet, ParamsOf(req), &request);
    if (!error) error = engine_->FacetValues(request, &response);
    if (error) return SendError(res, *error);
    SendJson(res, 200, FacetValuesJson(response));
  }));
  server.Get("/api/stats", Guarded([this](const Request&, Response& res) {
    IndexStats stats;
    if (MaybeError error = engine_->Stats(&stats)) return SendError(res, *error);
    SendJson(res, 200, StatsJson(stats));
  }));
  server.Get("/api/health", Guarded([this](const Request&, Response& res) {
    Xapian::doccount articles = 0;
    if (MaybeError error = engine_->Health(&articles)) return SendError(res, *error);
    SendJson(res, 200, HealthJson(articles));
  }));
  server.Get("/api(/.*)?", Guarded([](const Request& req, Response& res) {
    SendError(res, ApiError::NotFound("no API endpoint " + req.path.substr(0, 100) +
                                      ": see /api/search, /api/article/{id}, /api/facets/{facet}, /api/stats, /api/health"));
  }));
  server.Get("/.*", Guarded([this](const Request& req, Response& res) {
    std::optional<std::filesystem::path> file = static_files_.Resolve(req.path);
    if (!file) return SendError(res, ApiError::NotFound("no file " + req.path.substr(0, 100)));
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(ReadFile(*file), ContentTypeFor(*file).c_str());
  }));
}

Status HttpServer::Bind() {
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
    if (port_ < 0) port_ = 0;
  } else if (server_->bind_to_port(options_.host, options_.port)) {
    port_ = options_.port;
  }
  if (port_ <= 0) {
    return Status::Error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                         " (in use, or not an address of this machine)");
  }
  // httplib listens with a queue of 5: a burst of new connections beyond
  // it is dropped, and each client retries a second or more later. Linux
  // lets listen() be called again to lengthen the queue.
  if (listen_fd_ >= 0) ::listen(listen_fd_, SOMAXCONN);
  return Status::Ok();
}

std::string HttpServer::url() const {
  const bool ipv6 = options_.host.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + options_.host + "]" : options_.host) + ":" + std::to_string(port_) + "/";
}

Status HttpServer::Run() {
  if (!server_->listen_after_bind()) return Status::Error("the server stopped unexpectedly");
  return Status::Ok();
}

void HttpServer::Stop() { server_->stop(); }

}  // namespace newsfacet
