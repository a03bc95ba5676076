#include "searcher/host_allow_list.h"

#include <doctest/doctest.h>

using namespace newsfacet;

TEST_CASE("host allow list: a loopback server answers its address and localhost, with any port or case") {
  HostAllowList hosts("127.0.0.1", {});
  CHECK(hosts.Allows("127.0.0.1:8080"));
  CHECK(hosts.Allows("LocalHost:8080"));
  CHECK(hosts.Allows("[::1]:8080"));
  CHECK(hosts.Allows(""));  // HTTP/1.0 sends none
  CHECK_FALSE(hosts.Allows("attacker.example"));
  CHECK_FALSE(hosts.Allows("attacker.example:8080"));
  CHECK_FALSE(hosts.Allows("127.0.0.1.attacker.example"));
}

TEST_CASE("host allow list: a server bound to every address answers any IP address but no name") {
  HostAllowList v4("0.0.0.0", {});
  CHECK(v4.Allows("192.168.1.20:8080"));
  CHECK(v4.Allows("[fe80::1]:8080"));
  CHECK_FALSE(v4.Allows("rebound.example"));
  CHECK_FALSE(v4.Allows("localhost"));
  HostAllowList v6("::", {});
  CHECK(v6.Allows("[::]:8080"));
  CHECK(v6.Allows("10.0.0.1"));
  CHECK_FALSE(v6.Allows("999.1.1.1"));
}

TEST_CASE("host allow list: names given besides the address are answered, whatever their port or case") {
  HostAllowList hosts("::1", {"News.Example:8080", "archive.example"});
  CHECK(hosts.Allows("[::1]:9000"));
  CHECK(hosts.Allows("localhost"));
  CHECK(hosts.Allows("news.example"));
  CHECK(hosts.Allows("ARCHIVE.example:80"));
  CHECK_FALSE(hosts.Allows("other.example"));
}
