#include "schemas/store/json_text.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace newsfacet;

namespace {

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

}  // namespace

TEST_CASE("json text: strings are escaped as JSON requires and read back unchanged") {
  const std::string samples[] = {"", "plain", "quote \" and backslash \\", "lines\nand\ttabs\r", std::string("nul\0byte", 8),
                                 "\x01\x1f control", "Altıntaş, Путин, 東京, 😀"};
  for (const std::string& sample : samples) {
    CAPTURE(sample);
    CHECK(nlohmann::json::parse(Quoted(sample)).get<std::string>() == sample);
  }
  CHECK(Quoted("a\"b") == "\"a\\\"b\"");
  CHECK(Quoted("\x01") == "\"\\u0001\"");
}

TEST_CASE("json text: invalid UTF-8 becomes U+FFFD") {
  const std::string broken[] = {"caf\xE9", "\xC3", "\xED\xA0\x80 surrogate", "\xF8\x88\x80\x80\x80", "\xC0\xAF overlong"};
  for (const std::string& text : broken) {
    CAPTURE(text);
    const std::string read_back = nlohmann::json::parse(Quoted(text)).get<std::string>();
    CHECK(read_back.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(Quoted(read_back) == "\"" + read_back + "\"");  // valid now: copied as it is
  }
  CHECK(nlohmann::json::parse(Quoted("caf\xE9")).get<std::string>() == "caf\xEF\xBF\xBD");
}

TEST_CASE("json text: the writer puts commas between members and elements, never after") {
  std::string out;
  JsonWriter writer(out);
  writer.BeginObject().Key("id").String("a").Key("n").Int(-3).Key("ok").Bool(true);
  writer.Key("list").BeginArray().String("x").BeginObject().Key("k").Int(1).EndObject().BeginArray().EndArray().EndArray();
  writer.Key("empty").BeginObject().EndObject().EndObject();
  CHECK(out == R"({"id":"a","n":-3,"ok":true,"list":["x",{"k":1},[]],"empty":{}})");
  CHECK(nlohmann::json::parse(out)["list"][1]["k"] == 1);
}
