#include "searcher/http_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <memory>
#include <string_view>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <httplib.h>

#include "searcher/http_connection.h"
#include "searcher/http_server_threads.h"
#include "searcher/response_json.h"

namespace newsfacet {
namespace {

using Clock = std::chrono::steady_clock;
using httplib::Request;
using httplib::Response;

constexpr char kJsonType[] = "application/json; charset=utf-8";

// The page loads its own scripts and styles and talks to its own API,
// nothing else. Inline style attributes are allowed (the timeline draws its
// bars with them); inline scripts and <style> elements are not.
constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// When the request this thread is serving arrived, for the access log: each
// connection is served start to end on one pool thread.
thread_local Clock::time_point t_request_start;
thread_local bool t_request_started = false;

// JSON's own syntax never uses <, > or &, so escaping them in strings keeps
// an answer that a browser sniffs or a page embeds from ever being markup.
std::string EscapeMarkup(std::string json) {
  if (json.find_first_of("<>&") == std::string::npos) return json;
  std::string escaped;
  escaped.reserve(json.size() + 32);
  for (char c : json) {
    switch (c) {
      case '<': escaped += "\\u003c"; break;
      case '>': escaped += "\\u003e"; break;
      case '&': escaped += "\\u0026"; break;
      default: escaped.push_back(c);
    }
  }
  return escaped;
}

// Bytes a terminal would act on (C0, DEL, C1 as UTF-8) shown as \xHH, so
// that a request cannot forge or erase access log lines.
std::string Printable(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string shown;
  shown.reserve(text.size());
  auto escape = [&](unsigned char c) {
    shown += "\\x";
    shown.push_back(kHex[c >> 4]);
    shown.push_back(kHex[c & 0xF]);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // a C1 control in UTF-8
      escape(c);
      escape(next);
      ++i;
    } else if (c < 0x20 || c == 0x7F || c == '\\') {
      escape(c);
    } else {
      shown.push_back(static_cast<char>(c));
    }
  }
  return shown;
}

void SendJson(Response& res, int status, const nlohmann::json& json) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(EscapeMarkup(DumpJson(json)), kJsonType);
}

// A server-side failure's detail (Xapian's message, the index's path) goes
// to the log; the client learns only what it can act on.
void SendError(Response& res, const ApiError& error) {
  if (error.http_status < 500) return SendJson(res, error.http_status, ErrorJson(error));
  std::fprintf(stderr, "newsfacet serve: %d %s: %s\n", error.http_status, error.code.c_str(),
               Printable(error.message).c_str());
  ApiError shown = error;
  shown.message = error.http_status == 503 ? "the index cannot be read just now; try again"
                                           : "internal error; the server log says more";
  SendJson(res, error.http_status, ErrorJson(shown));
}

// For a request whose bytes were not all read (a body, a request line past
// httplib's limit): the rest of it would be read next as a request of its
// own. httplib closes a connection whose content provider fails, so this
// provider sends the whole answer and then fails.
void SendErrorAndClose(Response& res, const ApiError& error) {
  auto body = std::make_shared<std::string>(EscapeMarkup(DumpJson(ErrorJson(error))));
  res.status = error.http_status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Connection", "close");
  res.set_content_provider(body->size(), kJsonType, [body](size_t offset, size_t, httplib::DataSink& sink) {
    sink.write(body->data() + offset, body->size() - offset);
    return false;
  });
}

bool CarriesBody(const Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  const std::string length = req.get_header_value("Content-Length");
  return !length.empty() && length.find_first_not_of('0') != std::string::npos;
}

bool IsApiPath(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

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

void LogRequest(const Request& req, const Response& res) {
  const double ms = t_request_started ? std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count() : 0;
  t_request_started = false;
  std::string target = req.target.empty() ? "-" : Printable(req.target.substr(0, 300));
  if (req.target.size() > 300) target += "...";
  const std::string method = req.method.empty() ? "-" : Printable(req.method.substr(0, 40));
  std::fprintf(stderr, "%s %s %d %.1fms\n", method.c_str(), target.c_str(), res.status, ms);
}

void AddSecurityHeaders(const Request&, Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
}

// Failures httplib detects before routing (an unreadable request line or
// header, a URI past its 8 kB limit) arrive here without a body: give
// them one. Such a request may not have been read to its end, so its
// connection is closed after the answer (ConnectionServer ends it in any
// case: see BufferedSocketStream::read_whole_head); the method may be
// unknown then, or HEAD, which gets no body.
httplib::Server::HandlerResponse AnswerUnreadRequest(const Request& req, Response& res) {
  if (!res.body.empty() || res.content_length_ > 0) return httplib::Server::HandlerResponse::Unhandled;
  ApiError error = {res.status, "bad_request", "the request could not be read as HTTP"};
  if (res.status == 414) {
    error = ApiError::QueryTooLong("the request is longer than 8 kB; a query may have at most " +
                                   std::to_string(kMaxQueryChars) + " characters");
  } else if (res.status == 404) {
    error = ApiError::NotFound("nothing here");
  }
  if (req.method == "HEAD") {
    res.set_header("Connection", "close");
  } else if (req.method.empty() || res.status == 400) {
    SendErrorAndClose(res, error);
  } else {
    SendError(res, error);
  }
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

HttpServer::HttpServer(SearchEngine* engine, HttpServerOptions options)
    : engine_(engine), options_(std::move(options)), allowed_hosts_(options_.host, options_.allowed_hosts),
      static_files_(options_.web_dir),
      server_(std::make_unique<ConnectionServer>()) {
  InstallRoutes();
}

HttpServer::~HttpServer() = default;

bool HttpServer::RefuseUnwanted(const Request& req, Response& res) const {
  t_request_start = Clock::now();
  t_request_started = true;
  // httplib cuts whatever a handler answers to the ranges asked for, even
  // a JSON answer, and many ranges multiply it. This is the one hook
  // before that, and `req` is httplib's own mutable request.
  auto& ranges = const_cast<Request&>(req).ranges;
  if (ranges.size() > 1 || IsApiPath(req.path)) ranges.clear();
  if (!allowed_hosts_.Allows(req.get_header_value("Host"))) {
    SendErrorAndClose(res, {403, "bad_request",
                            "this server answers requests for " + options_.host +
                                "; to serve another host name, start it with --allowed-host NAME"});
    return true;
  }
  if (req.method != "GET" && req.method != "HEAD") {
    res.set_header("Allow", "GET, HEAD");
    ApiError error = ApiError::MethodNotAllowed(Printable(req.method.substr(0, 40)) +
                                                " is not allowed: this server only answers GET");
    CarriesBody(req) ? SendErrorAndClose(res, error) : SendError(res, error);
    return true;
  }
  if (CarriesBody(req)) {
    SendErrorAndClose(res, {413, "bad_request", "this server takes no request bodies: send GET without one"});
    return true;
  }
  return false;
}

void HttpServer::InstallGuards() {
  httplib::Server& server = *server_;
  server.set_pre_routing_handler([this](const Request& req, Response& res) {
    return RefuseUnwanted(req, res) ? httplib::Server::HandlerResponse::Handled
                                    : httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_post_routing_handler(AddSecurityHeaders);
  server.set_error_handler(httplib::Server::HandlerWithResponse(AnswerUnreadRequest));
  server.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
    SendError(res, {500, "internal_error", "internal error"});
  });
}

void HttpServer::ConfigureServer() {
  httplib::Server& server = *server_;
  const size_t threads = static_cast<size_t>(options_.threads);
  server.new_task_queue = [threads] { return new HttpServerThreads(threads, std::max<size_t>(threads * 16, 256)); };
  server.set_keep_alive_max_count(1000);
  server.set_keep_alive_timeout(5);
  server.set_read_timeout(5);
  server.set_write_timeout(5);
  server.set_payload_max_length(64 * 1024);
  server.set_tcp_nodelay(true);
  // SO_REUSEADDR, not httplib's default SO_REUSEPORT: a second server on a
  // port in use must fail, not quietly take half its connections. The
  // socket is kept to lengthen its listen queue once bound.
  server.set_socket_options([this](int fd) {
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd_ = fd;
  });
}

void HttpServer::InstallRoutes() {
  ConfigureServer();
  InstallGuards();
  httplib::Server& server = *server_;
  if (!options_.quiet) server.set_logger(LogRequest);
  auto route = [this](void (HttpServer::*handle)(const Request&, Response&)) {
    return Guarded([this, handle](const Request& req, Response& res) { (this->*handle)(req, res); });
  };
  server.Get("/api/search", route(&HttpServer::ServeSearch));
  server.Get("/api/article/(.*)", route(&HttpServer::ServeArticle));
  server.Get("/api/facets/(.*)", route(&HttpServer::ServeFacetValues));
  server.Get("/api/suggest", route(&HttpServer::ServeSuggestions));
  server.Get("/api/stats", route(&HttpServer::ServeStats));
  server.Get("/api/health", route(&HttpServer::ServeHealth));
  server.Get("/api(/.*)?", route(&HttpServer::ServeUnknownApi));
  server.Get("/.*", route(&HttpServer::ServeStaticFile));
}

void HttpServer::ServeSearch(const Request& req, Response& res) {
  SearchRequest request;
  SearchResponse response;
  MaybeError error = ParseSearchRequest(ParamsOf(req), &request);
  if (!error) error = engine_->Search(request, &response);
  if (error) return SendError(res, *error);
  SendJson(res, 200, SearchResponseJson(response));
}

void HttpServer::ServeArticle(const Request& req, Response& res) {
  ArticleRequest request;
  ArticleResponse response;
  MaybeError error = ParseArticleRequest(req.matches[1].str(), ParamsOf(req), &request);
  if (!error) error = engine_->GetArticle(request, &response);
  if (error) return SendError(res, *error);
  SendJson(res, 200, ArticleResponseJson(response));
}

void HttpServer::ServeFacetValues(const Request& req, Response& res) {
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
}

// Autocomplete: every facet's values matching a prefix, in one request.
void HttpServer::ServeSuggestions(const Request& req, Response& res) {
  const Clock::time_point start = Clock::now();
  FacetValuesRequest request;
  MaybeError error = ParseSuggestRequest(ParamsOf(req), &request);
  if (error) return SendError(res, *error);
  nlohmann::json facets = nlohmann::json::object();
  for (Facet facet : kAllFacets) {
    request.facet = facet;
    FacetValuesResponse response;
    if (MaybeError failed = engine_->FacetValues(request, &response)) return SendError(res, *failed);
    facets[std::string(FacetName(facet))] = FacetValuesJson(response)["values"];
  }
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  SendJson(res, 200, {{"prefix", request.prefix}, {"facets", facets}, {"took_ms", std::round(ms * 10) / 10}});
}

void HttpServer::ServeStats(const Request&, Response& res) {
  IndexStats stats;
  if (MaybeError error = engine_->Stats(&stats)) return SendError(res, *error);
  SendJson(res, 200, StatsJson(stats));
}

void HttpServer::ServeHealth(const Request&, Response& res) {
  Xapian::doccount articles = 0;
  if (MaybeError error = engine_->Health(&articles)) return SendError(res, *error);
  nlohmann::json health = HealthJson(articles, engine_->unreadable_articles());
  if (std::vector<EndpointHealth> endpoints = engine_->Endpoints(); !endpoints.empty()) {
    AddEndpointsJson(endpoints, &health);
  }
  SendJson(res, 200, health);
}

void HttpServer::ServeUnknownApi(const Request& req, Response& res) {
  SendError(res, ApiError::NotFound("no API endpoint " + req.path.substr(0, 100) +
                                    ": see /api/search, /api/article/{id}, /api/facets/{facet}, /api/suggest, "
                                    "/api/stats, /api/health"));
}

void HttpServer::ServeStaticFile(const Request& req, Response& res) {
  std::optional<std::filesystem::path> file = static_files_.Resolve(req.path);
  if (!file) return SendError(res, ApiError::NotFound("no file " + req.path.substr(0, 100)));
  std::string content;
  if (!ReadStaticFile(*file, &content)) {
    return SendError(res, {500, "internal_error", "the file " + req.path.substr(0, 100) + " could not be read"});
  }
  res.set_content(std::move(content), ContentTypeFor(*file).c_str());
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
