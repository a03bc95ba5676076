#include "searcher/http_connection.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsfacet {
namespace {

using Clock = BufferedSocketStream::Clock;
constexpr std::chrono::milliseconds kPollSlice{100};

void AddressOf(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service,
                    sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

BufferedSocketStream::BufferedSocketStream(socket_t sock, const std::atomic<socket_t>& server_socket,
                                           std::chrono::milliseconds read_timeout,
                                           std::chrono::milliseconds write_timeout)
    : sock_(sock), server_socket_(server_socket), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

bool BufferedSocketStream::Poll(short events, Clock::time_point until) const {
  for (;;) {
    if (server_socket_ == INVALID_SOCKET) return false;
    const Clock::time_point now = Clock::now();
    if (now >= until) return false;
    const auto wait = std::min(kPollSlice, std::chrono::duration_cast<std::chrono::milliseconds>(until - now));
    pollfd fd{sock_, events, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(std::max<long long>(wait.count(), 1)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

bool BufferedSocketStream::WaitForRequest(std::chrono::milliseconds timeout) {
  return begin_ < end_ || Poll(POLLIN, Clock::now() + timeout);
}

bool BufferedSocketStream::is_readable() const {
  return begin_ < end_ || Poll(POLLIN, std::min(deadline_, Clock::now() + read_timeout_));
}

bool BufferedSocketStream::is_writable() const { return Poll(POLLOUT, Clock::now() + write_timeout_); }

ssize_t BufferedSocketStream::read(char* ptr, size_t size) {
  if (begin_ == end_) {
    // httplib reads a request's head a byte at a time: fill the buffer with
    // whatever has arrived, keeping any next request's bytes for later.
    if (Clock::now() >= deadline_ || !is_readable()) {
      read_failed_ = true;
      return -1;
    }
    ssize_t got;
    do {
      got = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    } while (got < 0 && errno == EINTR);
    if (got <= 0) {
      read_failed_ = true;
      return got;
    }
    begin_ = 0;
    end_ = static_cast<size_t>(got);
  }
  const size_t n = std::min(size, end_ - begin_);
  std::memcpy(ptr, buffer_.data() + begin_, n);
  begin_ += n;
  for (size_t i = n > 3 ? n - 3 : 0; i < n; ++i) {
    last_read_[0] = last_read_[1];
    last_read_[1] = last_read_[2];
    last_read_[2] = ptr[i];
  }
  return static_cast<ssize_t>(n);
}

ssize_t BufferedSocketStream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  ssize_t sent;
  do {
    sent = ::send(sock_, ptr, size, MSG_NOSIGNAL);
  } while (sent < 0 && errno == EINTR);
  return sent;
}

void BufferedSocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) AddressOf(address, length, ip, port);
}

void BufferedSocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) AddressOf(address, length, ip, port);
}

bool ConnectionServer::process_and_close_socket(socket_t sock) {
  auto milliseconds = [](time_t seconds, time_t microseconds) {
    return std::chrono::milliseconds(seconds * 1000 + microseconds / 1000);
  };
  BufferedSocketStream stream(sock, svr_sock_, milliseconds(read_timeout_sec_, read_timeout_usec_),
                              milliseconds(write_timeout_sec_, write_timeout_usec_));
  bool served = false;
  for (size_t left = keep_alive_max_count_; left > 0; --left) {
    if (!stream.WaitForRequest(std::chrono::seconds(keep_alive_timeout_sec_))) break;
    stream.SetReadDeadline(Clock::now() + kRequestDeadline);
    bool connection_closed = false;
    served = process_request(stream, /*close_connection=*/left == 1, connection_closed, nullptr);
    if (!served || connection_closed || stream.read_failed() || !stream.read_whole_head()) break;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return served;
}

}  // namespace newsfacet
