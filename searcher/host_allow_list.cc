#include "searcher/host_allow_list.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <cctype>

namespace newsfacet {
namespace {

std::string HostWithoutPort(std::string host) {
  if (!host.empty() && host.front() == '[') {
    size_t close = host.find(']');
    return close == std::string::npos ? host : host.substr(0, close + 1);
  }
  size_t colon = host.find(':');
  if (colon != std::string::npos && host.find(':', colon + 1) == std::string::npos) host.resize(colon);
  return host;
}

std::string Lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool IsIpLiteral(const std::string& host) {
  unsigned char address[16];
  if (!host.empty() && host.front() == '[' && host.back() == ']') {
    return ::inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), address) == 1;
  }
  return ::inet_pton(AF_INET, host.c_str(), address) == 1;
}

}  // namespace

HostAllowList::HostAllowList(const std::string& bound_host, const std::vector<std::string>& also_allowed)
    : bound_(Lowercase(HostWithoutPort(bound_host.find(':') != std::string::npos ? "[" + bound_host + "]"
                                                                                  : bound_host))) {
  for (const std::string& allowed : also_allowed) also_allowed_.push_back(Lowercase(HostWithoutPort(allowed)));
}

bool HostAllowList::Allows(const std::string& host_header) const {
  if (host_header.empty()) return true;  // HTTP/1.0; browsers always send one
  const std::string host = Lowercase(HostWithoutPort(host_header));
  if (host == bound_) return true;
  const bool loopback = bound_.rfind("127.", 0) == 0 || bound_ == "[::1]" || bound_ == "localhost";
  if (loopback && (host == "localhost" || host == "127.0.0.1" || host == "[::1]")) return true;
  // Bound to every address: any address of this machine may be asked for.
  // A name may not: DNS rebinding gives a hostile name a loopback address.
  if ((bound_ == "0.0.0.0" || bound_ == "[::]") && IsIpLiteral(host)) return true;
  for (const std::string& allowed : also_allowed_) {
    if (host == allowed) return true;
  }
  return false;
}

}  // namespace newsfacet
