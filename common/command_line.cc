#include "common/command_line.h"

#include <cctype>
#include <cstdlib>

namespace newsfacet {

Status CommandLine::Parse(const std::vector<std::string>& args, const std::set<std::string>& flags,
                          const std::set<std::string>& options, CommandLine* parsed) {
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positional || arg.size() < 2 || arg[0] != '-') {
      parsed->positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (size_t equals = arg.find('='); equals != std::string::npos) {
      name = arg.substr(0, equals);
      inline_value = arg.substr(equals + 1);
    }
    if (flags.count(name)) {
      if (inline_value) return Status::Error(name + " takes no value");
      parsed->flags_.insert(name);
    } else if (options.count(name)) {
      if (inline_value) {
        parsed->values_[name] = *inline_value;
      } else if (i + 1 < args.size()) {
        parsed->values_[name] = args[++i];
      } else {
        return Status::Error(name + " needs a value");
      }
    } else {
      return Status::Error("unknown option " + name);
    }
  }
  return Status::Ok();
}

std::optional<std::string> CommandLine::Value(const std::string& option) const {
  auto it = values_.find(option);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

bool ParseByteSize(const std::string& text, unsigned long long* bytes) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 15) return false;
  unsigned long long number = std::strtoull(text.substr(0, digits).c_str(), nullptr, 10);
  std::string unit = text.substr(digits);
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<const char*, unsigned long long> kUnits[] = {
      {"", 1},          {"b", 1},          {"k", 1000ull},      {"kb", 1000ull},
      {"m", 1000000ull}, {"mb", 1000000ull}, {"g", 1000000000ull}, {"gb", 1000000000ull},
      {"kib", 1024ull}, {"mib", 1048576ull}, {"gib", 1073741824ull}};
  for (const auto& [name, factor] : kUnits) {
    if (unit == name) {
      *bytes = number * factor;
      return *bytes > 0;
    }
  }
  return false;
}

bool ParsePositiveInt(const std::string& text, int* value) {
  if (text.empty() || text.size() > 6) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  *value = std::atoi(text.c_str());
  return *value > 0;
}

}  // namespace newsfacet
