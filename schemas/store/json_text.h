// JSON text written by hand for the one document every article stores
// (document_builder.cc): building an nlohmann::json tree of maps and
// dumping it costs a share of indexing out of proportion to a fixed, flat
// shape.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsfacet {

// Appends `text` as a JSON string literal, quotes included. Invalid UTF-8
// becomes U+FFFD, as nlohmann::json's "replace" handler does.
void AppendJsonString(std::string& out, std::string_view text);

// Writes one JSON object or array at a time, with the commas: Key() then a
// value inside an object, values alone inside an array.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view text);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  void BeforeValue();

  std::string& out_;
  bool first_ = true;      // nothing yet in the innermost object or array
  bool after_key_ = false;  // a Key() waits for its value
};

}  // namespace newsfacet
