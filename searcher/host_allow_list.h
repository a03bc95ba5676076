// Which Host headers a server answers: a defence against DNS rebinding,
// where a hostile site's name is made to resolve to this machine so that a
// browser's page on that site can read the server's answers.
#pragma once

#include <string>
#include <vector>

namespace newsfacet {

class HostAllowList {
 public:
  // `bound_host`: the address the server listens on ("127.0.0.1", "::1",
  // "0.0.0.0"); `also_allowed`: names given besides it, with or without a
  // port.
  HostAllowList(const std::string& bound_host, const std::vector<std::string>& also_allowed);

  // Whether a request with this Host header (port or not, any case) is
  // answered: the bound address; localhost and the loopback addresses when
  // bound to loopback; any IP address when bound to every address, but no
  // name, since a hostile name can resolve to one; the names allowed. An
  // empty header (HTTP/1.0) is answered.
  bool Allows(const std::string& host_header) const;

 private:
  std::string bound_;  // lower case, no port, an IPv6 address in brackets
  std::vector<std::string> also_allowed_;  // lower case, no port
};

}  // namespace newsfacet
