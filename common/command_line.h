// A small parser for "newsfacet SUBCOMMAND [args] [--flag] [--option VALUE]".
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/status.h"

namespace newsfacet {

class CommandLine {
 public:
  // `flags` take no value, `options` take one ("--index DIR" or
  // "--index=DIR"). Anything else starting with "-" is an error.
  static Status Parse(const std::vector<std::string>& args, const std::set<std::string>& flags,
                      const std::set<std::string>& options, CommandLine* parsed);

  bool Has(const std::string& flag) const { return flags_.count(flag) > 0; }
  std::optional<std::string> Value(const std::string& option) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::set<std::string> flags_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// "20MB", "512k", "1G", "1000": bytes (k/M/G are powers of 1000; KiB/MiB/GiB of 1024).
bool ParseByteSize(const std::string& text, unsigned long long* bytes);
bool ParsePositiveInt(const std::string& text, int* value);

}  // namespace newsfacet
