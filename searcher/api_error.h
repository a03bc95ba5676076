// A request the API refuses: an HTTP status, a stable machine-readable code
// and a message that tells the caller what to fix. Every refusal the server
// sends is one of these, as {"error": {"code", "message"}}
// (schemas/api/error.schema.json); the CLI prints the message and exits 2.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace newsfacet {

struct ApiError {
  int http_status = 400;
  std::string code;
  std::string message;

  static ApiError BadParameter(std::string message) { return {400, "bad_parameter", std::move(message)}; }
  static ApiError BadQuery(std::string message) { return {400, "bad_query", std::move(message)}; }
  static ApiError QueryTooLong(std::string message) { return {400, "query_too_long", std::move(message)}; }
  static ApiError NotFound(std::string message) { return {404, "not_found", std::move(message)}; }
  static ApiError MethodNotAllowed(std::string message) { return {405, "method_not_allowed", std::move(message)}; }
  // The index could not be read (being replaced, damaged): retrying may help.
  static ApiError IndexUnavailable(std::string message) { return {503, "index_unavailable", std::move(message)}; }
};

// What a validating step returns: nothing when all is well.
using MaybeError = std::optional<ApiError>;

}  // namespace newsfacet
