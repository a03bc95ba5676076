// End to end: `newsfacet serve` against what a hostile client or web page
// sends, over real sockets on 127.0.0.1 (raw bytes where a well-behaved
// client would never send them).
#include <doctest/doctest.h>
#include <poll.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "searcher/http_connection.h"
#include "tests/facet_test_index.h"
#include "tests/server_process.h"

using namespace newsfacet;
using namespace newsfacet::testing;
using Json = nlohmann::json;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct TestServer {
  explicit TestServer(std::vector<std::string> extra = {}) {
    BuildFacetTestIndex(dir / "index");
    server = std::make_unique<ServerProcess>(dir / "index", std::move(extra));
  }
  TempDir dir;
  std::unique_ptr<ServerProcess> server;
};

int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  return fd;
}

struct Exchange {
  std::string bytes;    // everything the server sent
  bool closed = false;  // ...and then it closed the connection
};

// Sends `request` in one write and reads until the server closes the
// connection or stays silent for `quiet_ms`.
Exchange RawExchange(int port, const std::string& request, int quiet_ms = 1500) {
  int fd = Connect(port);
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  Exchange exchange;
  char buffer[65536];
  while (true) {
    pollfd wait = {fd, POLLIN, 0};
    if (::poll(&wait, 1, quiet_ms) <= 0) break;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {
      exchange.closed = true;
      break;
    }
    exchange.bytes.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return exchange;
}

int CountOf(const std::string& text, const std::string& part) {
  int count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

std::string HeadersOf(const std::string& response) { return response.substr(0, response.find("\r\n\r\n") + 2); }
std::string BodyOf(const std::string& response) {
  size_t end = response.find("\r\n\r\n");
  return end == std::string::npos ? "" : response.substr(end + 4);
}

// A search answer without its timing, which differs from one call to the next.
Json Untimed(const std::string& body) {
  Json json = Json::parse(body, nullptr, false);
  if (json.is_object()) json.erase("took_ms");
  return json;
}

std::string Get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
}

}  // namespace

TEST_CASE("a request body is never run as a request of its own (request smuggling)") {
  TestServer t;
  const std::string hidden = Get("/api/stats");
  const std::string length = "Content-Length: " + std::to_string(hidden.size()) + "\r\n";
  for (const std::string method : {"POST", "GET"}) {
    CAPTURE(method);
    Exchange exchange = RawExchange(t.server->port(), method + " /api/search?q=oil HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                                                          length + "\r\n" + hidden);
    CHECK(CountOf(exchange.bytes, "HTTP/1.1 ") == 1);
    CHECK(exchange.bytes.rfind(method == "POST" ? "HTTP/1.1 405" : "HTTP/1.1 413", 0) == 0);
    CHECK(exchange.closed);
    CHECK(exchange.bytes.find("\"articles\"") == std::string::npos);  // the stats never ran
  }
  Exchange chunked = RawExchange(t.server->port(), "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                   "Transfer-Encoding: chunked\r\n\r\n" +
                                                       std::to_string(hidden.size()) + "\r\n" + hidden + "\r\n0\r\n\r\n");
  CHECK(CountOf(chunked.bytes, "HTTP/1.1 ") == 1);
  CHECK(chunked.bytes.rfind("HTTP/1.1 413", 0) == 0);
}

TEST_CASE("requests pipelined in one packet are each answered, in order") {
  TestServer t;
  const std::string head = " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  Exchange exchange = RawExchange(t.server->port(), "GET /api/health" + head + "\r\n" + "GET /api/stats" + head +
                                                        "\r\n" + "GET /api/nothing" + head +
                                                        "Connection: close\r\n\r\n");
  CHECK(exchange.closed);
  CHECK(CountOf(exchange.bytes, "HTTP/1.1 200") == 2);
  CHECK(CountOf(exchange.bytes, "HTTP/1.1 404") == 1);
  const size_t health = exchange.bytes.find("\"unreadable_articles\""), stats = exchange.bytes.find("\"shards\"");
  CHECK(health != std::string::npos);
  CHECK(stats != std::string::npos);
  CHECK(health < stats);
  CHECK(exchange.bytes.rfind("HTTP/1.1 404") > stats);
}

TEST_CASE("a request refused before its head was read ends the connection, so later answers stay in step") {
  // A second '?' makes httplib refuse the request line without reading the
  // headers after it; read as a request of their own, they would shift every
  // later answer on the connection by one.
  TestServer t;
  const std::string head = " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: a header line\r\n\r\n";
  for (const std::string method : {"GET", "HEAD"}) {
    Exchange exchange =
        RawExchange(t.server->port(), method + " /api/search?q=oil?x=1" + head + "GET /api/health" + head);
    CAPTURE(method);
    INFO(exchange.bytes);
    CHECK(exchange.closed);
    CHECK(CountOf(exchange.bytes, "HTTP/1.1 ") == 1);
    CHECK(exchange.bytes.rfind("HTTP/1.1 400", 0) == 0);
    CHECK(HeadersOf(exchange.bytes).find("Connection: close") != std::string::npos);
  }
}

TEST_CASE("a request whose head trickles in for longer than the deadline is dropped") {
  TestServer t;
  const int fd = Connect(t.server->port());
  const std::string start = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  ::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
  const auto started = Clock::now();
  bool dropped = false;
  std::string answer;  // what the server says before it closes (a 400)
  while (!dropped && Clock::now() - started < ConnectionServer::kRequestDeadline + std::chrono::seconds(5)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ::send(fd, "a", 1, MSG_NOSIGNAL);
    pollfd wait = {fd, POLLIN, 0};
    while (!dropped && ::poll(&wait, 1, 0) > 0) {
      char buffer[4096];
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n <= 0) {
        dropped = true;  // the end of the connection, or its reset
      } else {
        answer.append(buffer, static_cast<size_t>(n));
      }
    }
  }
  INFO("the server said: " << answer);
  const auto took = Clock::now() - started;
  ::close(fd);
  CHECK(dropped);
  CHECK(took >= ConnectionServer::kRequestDeadline - std::chrono::seconds(1));
  CHECK(took < ConnectionServer::kRequestDeadline + std::chrono::seconds(3));
}

TEST_CASE("Range is ignored on API answers, and many ranges on a static file never multiply it") {
  TestServer t;
  const std::string plain = BodyOf(RawExchange(t.server->port(), Get("/api/search?q=karlov&limit=100",
                                                                      "Connection: close\r\n")).bytes);
  REQUIRE(Json::parse(plain, nullptr, false).is_object());
  std::string many = "Range: bytes=0-";
  for (int i = 0; i < 1000; ++i) many += ",0-";
  many += "\r\n";
  for (const std::string& range : {std::string("Range: bytes=0-10\r\n"), many}) {
    Exchange exchange = RawExchange(t.server->port(), Get("/api/search?q=karlov&limit=100", range + "Connection: close\r\n"));
    CHECK(exchange.bytes.rfind("HTTP/1.1 200", 0) == 0);
    CHECK(Untimed(BodyOf(exchange.bytes)) == Untimed(plain));
    CHECK(BodyOf(exchange.bytes).size() < plain.size() + 10);
  }
  const std::string page = BodyOf(RawExchange(t.server->port(), Get("/index.html", "Connection: close\r\n")).bytes);
  REQUIRE(page.size() > 100);
  Exchange ranged = RawExchange(t.server->port(), Get("/index.html", many + "Connection: close\r\n"));
  CHECK(BodyOf(ranged.bytes).size() <= page.size());
  Exchange one = RawExchange(t.server->port(), Get("/index.html", "Range: bytes=0-9\r\nConnection: close\r\n"));
  CHECK(one.bytes.rfind("HTTP/1.1 206", 0) == 0);
  CHECK(BodyOf(one.bytes) == page.substr(0, 10));
}

TEST_CASE("HEAD with a URI over 8 kB leaves no body on a kept-alive connection") {
  TestServer t;
  Exchange exchange = RawExchange(t.server->port(), "HEAD /api/search?q=" + std::string(9000, 'a') +
                                                        " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(exchange.bytes.rfind("HTTP/1.1 4", 0) == 0);
  // Whatever follows the headers cannot be taken for the next response:
  // the connection ends with this one.
  CHECK(exchange.closed);
  CHECK(HeadersOf(exchange.bytes).find("Connection: close") != std::string::npos);
  Exchange head = RawExchange(t.server->port(), "HEAD /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  CHECK(BodyOf(head.bytes).empty());
}

TEST_CASE("slowloris with four times the thread count: a normal request is answered within 1 s, "
          "and SIGTERM stops the server within 2 s") {
  TestServer t({"--threads", "16"});
  const int slow_clients = 64;
  const std::string head_start = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  std::vector<int> sockets;
  for (int i = 0; i < slow_clients; ++i) {
    int fd = Connect(t.server->port());
    ::send(fd, head_start.data(), head_start.size(), MSG_NOSIGNAL);
    sockets.push_back(fd);
  }
  std::atomic<bool> trickling{true};
  std::thread trickle([&] {
    while (trickling) {
      for (int fd : sockets) ::send(fd, "a", 1, MSG_NOSIGNAL);
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  for (int attempt = 0; attempt < 3; ++attempt) {
    httplib::Client client = t.server->Client();
    const auto started = Clock::now();
    httplib::Result result = client.Get("/api/health");
    const auto took = Clock::now() - started;
    CHECK(result);
    CHECK(took < std::chrono::seconds(1));
  }
  const auto stop_asked = Clock::now();
  CHECK(t.server->Stop() == 0);
  CHECK(Clock::now() - stop_asked < std::chrono::milliseconds(2500));
  trickling = false;
  trickle.join();
  for (int fd : sockets) ::close(fd);
}

TEST_CASE("control characters in a request are escaped in the access log, so no line can be forged") {
  TestServer t;
  RawExchange(t.server->port(), "\x1b[2K\rGET /api/health\x1b]0;x\x07 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 500);
  RawExchange(t.server->port(), Get("/api/search?q=a%0Ab\x1b[31m", "Connection: close\r\n"), 500);
  RawExchange(t.server->port(), Get("/api/health", "Connection: close\r\n"), 500);
  CHECK(t.server->Stop() == 0);
  const std::string log = t.server->Log();
  CAPTURE(log);
  CHECK(log.find('\x1b') == std::string::npos);
  CHECK(log.find('\r') == std::string::npos);
  CHECK(log.find('\x07') == std::string::npos);
  CHECK(log.find("\\x1b") != std::string::npos);
}

TEST_CASE("every response carries nosniff, a strict Content-Security-Policy and frame-ancestors 'none'") {
  TestServer t;
  for (const std::string target : {"/", "/index.html", "/api/health", "/api/search?q=karlov", "/api/nothing",
                                   "/no-such-file", "/api/search?limit=x"}) {
    CAPTURE(target);
    const std::string headers = HeadersOf(RawExchange(t.server->port(), Get(target, "Connection: close\r\n")).bytes);
    CHECK(headers.find("X-Content-Type-Options: nosniff") != std::string::npos);
    CHECK(headers.find("Content-Security-Policy: default-src 'none'; script-src 'self'") != std::string::npos);
    CHECK(headers.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(headers.find("X-Frame-Options: DENY") != std::string::npos);
  }
}

TEST_CASE("a Host header naming another site is refused (DNS rebinding), --allowed-host adds names") {
  TestServer t({"--allowed-host", "news.example,Archive.Example"});
  auto status_for_host = [&](const std::string& host) {
    return t.server->RawStatus("GET /api/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  };
  const std::string port = std::to_string(t.server->port());
  CHECK(status_for_host("127.0.0.1:" + port) == 200);
  CHECK(status_for_host("127.0.0.1") == 200);
  CHECK(status_for_host("localhost:" + port) == 200);
  CHECK(status_for_host("news.example:" + port) == 200);
  CHECK(status_for_host("archive.example") == 200);
  CHECK(status_for_host("attacker.example:" + port) == 403);
  CHECK(status_for_host("127.0.0.1.attacker.example") == 403);
  CHECK(t.server->RawStatus("GET / HTTP/1.1\r\nHost: rebind.attacker.example\r\nConnection: close\r\n\r\n") == 403);
}

TEST_CASE("<, > and & are escaped in JSON strings, and the decoded values are unchanged") {
  TestServer t;
  const std::string body = BodyOf(
      RawExchange(t.server->port(), Get("/api/search?q=%3Cscript%3Ekarlov%26", "Connection: close\r\n")).bytes);
  CAPTURE(body);
  CHECK(body.find('<') == std::string::npos);
  CHECK(body.find('>') == std::string::npos);
  CHECK(body.find('&') == std::string::npos);
  CHECK(body.find("\\u003cscript\\u003e") != std::string::npos);
  Json search = t.server->GetJson("/api/search?q=karlov");
  bool marked = false;
  for (const Json& hit : search["hits"]) {
    if (hit["title_html"].get<std::string>().find("<mark>") != std::string::npos) marked = true;
  }
  CHECK(marked);
}

TEST_CASE("a damaged index is reported as 503 without the index's path") {
  TestServer t;
  CHECK(t.server->GetJson("/api/health")["status"] == "ok");
  for (const auto& entry : fs::recursive_directory_iterator(t.dir / "index")) {
    if (entry.is_regular_file() && entry.path().extension() == ".glass") fs::resize_file(entry.path(), 0);
  }
  int status = 0;
  Json answer = t.server->GetJson("/api/search?q=karlov", &status);
  CAPTURE(answer.dump());
  CHECK(status >= 500);
  CHECK(answer.dump().find(t.dir.path().string()) == std::string::npos);
  CHECK(answer.dump().find("/index") == std::string::npos);
  CHECK(t.server->Log().find(t.dir.path().string()) != std::string::npos);  // the log keeps the detail
}
