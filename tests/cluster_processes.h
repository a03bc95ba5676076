// Stock Xapian servers for the cluster tests: `xapian-tcpsrv` over a shard
// on a free loopback port, always stopped.
//
// Debian's xapian-tcpsrv, stopped by SIGTERM, signals its whole process
// group: started as an ordinary child it would take the test down with it.
// So each is started in a session of its own (setsid), and stopped by
// SIGKILL to that session's process group, which also ends the children it
// forks per connection (a connection open to a killed server must fail, as
// it would were its host gone).
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

namespace newsfacet::testing {

// Whether Debian's xapian-tools are installed; else says the test is skipped.
inline bool HaveXapianToolsOrSkip() {
  for (const char* tool : {"xapian-tcpsrv", "xapian-replicate", "xapian-replicate-server"}) {
    if (std::system((std::string("command -v ") + tool + " > /dev/null 2>&1").c_str()) != 0) {
      MESSAGE("skipped: " << tool << " is not installed (Debian package xapian-tools)");
      return false;
    }
  }
  return true;
}

// A loopback port nothing listens on right now.
inline int FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

inline bool Accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool accepted = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return accepted;
}

// Starts `argv` in a session of its own, output to `log`; returns its pid.
inline pid_t StartInOwnSession(std::vector<std::string> argv, const std::filesystem::path& log) {
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setsid();
    // Should the test itself be killed, the server goes with it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
    ::dup2(::open("/dev/null", O_RDONLY), STDIN_FILENO);
    std::vector<char*> args;
    for (std::string& arg : argv) args.push_back(arg.data());
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

// SIGKILL to the session `pid` leads, and its exit collected.
inline void KillSession(pid_t pid) {
  ::kill(-pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
}

class XapianTcpServer {
 public:
  // Serves `database` (a shard, or a replica's directory) on a free port.
  explicit XapianTcpServer(std::filesystem::path database, std::filesystem::path log)
      : database_(std::move(database)), log_(std::move(log)) {
    Start();
  }
  ~XapianTcpServer() { Kill(); }
  XapianTcpServer(const XapianTcpServer&) = delete;
  XapianTcpServer& operator=(const XapianTcpServer&) = delete;

  // As a host that dies: the server and every connection it holds.
  void Kill() {
    if (pid_ > 0) KillSession(pid_);
    pid_ = -1;
  }
  // As the host coming back: on the same port.
  void Restart() {
    Kill();
    Listen();
  }
  int port() const { return port_; }
  std::string endpoint() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  void Start() {
    port_ = FreeLoopbackPort();
    Listen();
  }
  void Listen() {
    pid_ = StartInOwnSession({"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port_),
                              database_.string()},
                             log_);
    for (int attempt = 0; attempt < 500 && !Accepts(port_); ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE_MESSAGE(Accepts(port_), "xapian-tcpsrv did not listen on " << port_ << " over " << database_);
  }

  std::filesystem::path database_;
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace newsfacet::testing
