// Status: the outcome of an operation that can fail for a reason a person
// should read. Modelled on LevelDB's Status: failure is a value the caller
// must look at, and its message says where and why.
#pragma once

#include <string>
#include <utility>

namespace newsfacet {

class Status {
 public:
  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace newsfacet
