// A `newsfacet serve` process for end-to-end tests: started on a free
// loopback port, found by the URL it prints, and always stopped: SIGTERM
// by Stop(), or by the destructor if a test fails first, SIGKILL if it
// will not go.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <regex>
#include <thread>

#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/process.h"

namespace newsfacet::testing {

class ServerProcess {
 public:
  // `index` may be empty when `extra` names what to serve (--cluster FILE).
  explicit ServerProcess(const std::filesystem::path& index, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"serve", "--port", "0"};
    if (!index.empty()) args.insert(args.end(), {"--index", index.string()});  // else `extra` says what
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = StartNewsfacet(args, logs_ / "out", logs_ / "err");
    const std::regex url(R"(newsfacet: serving http://127\.0\.0\.1:(\d+)/)");
    for (int attempt = 0; attempt < 1000 && port_ == 0; ++attempt) {
      std::smatch match;
      std::string out = Slurp(logs_ / "out");
      if (std::regex_search(out, match, url)) {
        port_ = std::stoi(match[1]);
        break;
      }
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    INFO("server stderr: " << Slurp(logs_ / "err"));
    REQUIRE_MESSAGE(port_ > 0, "newsfacet serve did not print its URL");
  }

  ~ServerProcess() {
    if (pid_ > 0) Stop();
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30);
    return client;
  }

  // GET `path` and parse the JSON answer (null when not JSON).
  nlohmann::json GetJson(const std::string& path, int* status = nullptr) const {
    httplib::Client client = Client();
    httplib::Result result = client.Get(path.c_str());
    REQUIRE_MESSAGE(result, "no answer to GET " << path);
    if (status) *status = result->status;
    return nlohmann::json::parse(result->body, nullptr, false);
  }

  // Sends `request` as raw bytes (for what a well-behaved client would
  // never send) and returns the status code of the answer, or -1.
  int RawStatus(const std::string& request) const {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port_));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(fd);
      return -1;
    }
    ::send(fd, request.data(), request.size(), 0);
    std::string answer;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) {
      answer.append(buffer, static_cast<size_t>(n));
      if (answer.find("\r\n") != std::string::npos) break;
    }
    ::close(fd);
    return answer.size() > 12 && answer.rfind("HTTP/1.", 0) == 0 ? std::stoi(answer.substr(9, 3)) : -1;
  }

  // SIGTERM, and the exit code (SIGKILL after 10 s).
  int Stop() {
    if (pid_ <= 0) return exit_code_;
    ::kill(pid_, SIGTERM);
    for (int attempt = 0; attempt < 1000; ++attempt) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid_, SIGKILL);
    WaitExitCode(pid_);
    pid_ = -1;
    exit_code_ = 137;
    return exit_code_;
  }

  std::string Log() const { return Slurp(logs_ / "err"); }

 private:
  TempDir logs_;
  pid_t pid_ = -1;
  int port_ = 0;
  int exit_code_ = -1;
};

// Collects JSON responses and validates them all at once against
// schemas/api (or another directory of schemas: schemas/ for `export`) with
// tests/validate_json.py.
class SchemaChecker {
 public:
  explicit SchemaChecker(std::filesystem::path schema_dir = SourceDir() / "schemas/api")
      : schema_dir_(std::move(schema_dir)) {}
  void Add(const std::string& schema, const nlohmann::json& document) {
    dir_.Write("documents/" + schema + "--" + std::to_string(count_++) + ".json", document.dump());
  }
  void Check() const {
    std::string command = "python3 " + (SourceDir() / "tests/validate_json.py").string() + " " +
                          schema_dir_.string() + " " + (dir_ / "documents").string() + " > " +
                          (dir_ / "report").string() + " 2>&1";
    int status = std::system(command.c_str());
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::string report = Slurp(dir_ / "report");
    if (code == 3 || code == 127) {
      MESSAGE("schema validation skipped: " << report << " (install python3-jsonschema)");
      return;
    }
    INFO(report);
    CHECK(code == 0);
  }

 private:
  std::filesystem::path schema_dir_;
  TempDir dir_;
  int count_ = 0;
};

// Percent-encodes everything but unreserved characters ("/" too, for ids in paths).
inline std::string UrlEncode(const std::string& text) { return httplib::detail::encode_query_param(text); }

}  // namespace newsfacet::testing
