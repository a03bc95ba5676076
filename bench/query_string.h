// Query strings as bench/query.sh writes them ("q=oil+prices&country=US"),
// read into request parameters: shared by the engine benchmarks.
#pragma once

#include <algorithm>
#include <string>

#include "searcher/search_request.h"

namespace newsfacet::bench {

inline int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline std::string UrlDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

inline RequestParams ParseQueryString(const std::string& line) {
  RequestParams params;
  size_t start = 0;
  while (start < line.size()) {
    size_t amp = std::min(line.find('&', start), line.size());
    std::string pair = line.substr(start, amp - start);
    size_t equals = pair.find('=');
    if (equals != std::string::npos) params.emplace_back(UrlDecode(pair.substr(0, equals)), UrlDecode(pair.substr(equals + 1)));
    start = amp + 1;
  }
  return params;
}

}  // namespace newsfacet::bench
