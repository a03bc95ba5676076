// How the server reads and writes one HTTP connection, in place of
// cpp-httplib's own.
//
// cpp-httplib (0.11) serves a kept-alive connection through a new stream per
// request, and each stream reads ahead into a buffer of its own: a second
// request that came in the same packet as the first (HTTP/1.1 pipelining)
// was read into the first one's buffer and lost with it, and its client
// waited for an answer that never came. A ConnectionServer serves each
// connection through one BufferedSocketStream for its whole life, so bytes
// read ahead stay for the next request. The stream also bounds the time a
// whole request may take to arrive (kRequestDeadline), where httplib bounds
// only each read: a client sending a header byte now and then (slowloris)
// is dropped instead of holding a thread for as long as it likes.
#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include <httplib.h>

namespace newsfacet {

class BufferedSocketStream : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  // `server_socket` is the listening socket: once it is closed (the server
  // stopping), waits end within a tenth of a second and reads fail.
  BufferedSocketStream(socket_t sock, const std::atomic<socket_t>& server_socket,
                       std::chrono::milliseconds read_timeout, std::chrono::milliseconds write_timeout);

  // Waits up to `timeout` for the next request to begin: true when a byte of
  // it is buffered or arrives.
  bool WaitForRequest(std::chrono::milliseconds timeout);
  // From now on, reads fail after `deadline` (until the next call).
  void SetReadDeadline(Clock::time_point deadline) { deadline_ = deadline; }
  // Whether a read failed (the deadline, a timeout, the end of the
  // connection): httplib then answers 400 and would carry on reading a
  // request from the middle of the failed one, so the connection ends.
  bool read_failed() const { return read_failed_; }
  // Whether the bytes read so far end with a blank line, the end of a
  // request's head. httplib answers some unreadable requests (a second '?'
  // in the target, a header line it refuses) without reading the rest of
  // their head; those bytes would be read next as a request of their own,
  // and every later answer on the connection would be one request late. So
  // a connection whose last request was not read to the end of its head
  // ends after the answer. (Bodies are refused and end the connection too.)
  bool read_whole_head() const { return last_read_[0] == '\n' && last_read_[1] == '\r' && last_read_[2] == '\n'; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  // Polls the socket for `events` until `until`, in short slices so that a
  // stopping server is noticed; true when ready.
  bool Poll(short events, Clock::time_point until) const;

  const socket_t sock_;
  const std::atomic<socket_t>& server_socket_;
  const std::chrono::milliseconds read_timeout_;
  const std::chrono::milliseconds write_timeout_;
  Clock::time_point deadline_ = Clock::time_point::max();
  std::vector<char> buffer_ = std::vector<char>(16 * 1024);
  size_t begin_ = 0, end_ = 0;  // the unread bytes in buffer_
  bool read_failed_ = false;
  char last_read_[3] = {0, 0, 0};  // the last three bytes handed to httplib, oldest first
};

// An httplib::Server that serves each connection through a
// BufferedSocketStream, with httplib's own request handling.
class ConnectionServer : public httplib::Server {
 public:
  // A whole request (its line and headers: bodies are refused) must arrive
  // within this time of its first byte.
  static constexpr std::chrono::seconds kRequestDeadline{10};

 private:
  bool process_and_close_socket(socket_t sock) override;
};

}  // namespace newsfacet
