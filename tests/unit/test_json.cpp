// The core's one way of reading JSON text: strict RFC 8259 JSON, the writer's member order kept,
// never a throw, and limits that stop a hostile paste where it crosses them.
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"

using timpush::Json;
using namespace timpush::core;

TEST_CASE("read_json keeps members in the order they were written") {
  JsonReadResult read = read_json(R"({"b":1,"a":[true,null,"x"],"c":{"z":2,"y":3}})");
  REQUIRE(read.ok());
  CHECK(read.value.dump() == R"({"b":1,"a":[true,null,"x"],"c":{"z":2,"y":3}})");
  CHECK(read.depth == 3);  // object > array or object > scalar
  CHECK(read.max_members == 3);
}

TEST_CASE("read_json is strict: what RFC 8259 does not allow is a syntax error at its byte") {
  struct Case {
    const char* text;
    size_t offset;  // the byte the error is reported at
  };
  // RFC 8259 section 2: no trailing commas (grammar of object and array), no comments, one value.
  const Case cases[] = {
      {R"({"a":1,})", 7},     // the '}' after a trailing comma
      {R"([1,2,])", 5},       // the ']' after a trailing comma
      {R"({"a":1} x)", 8},    // a second value
      {R"({'a':1})", 1},      // single quotes
      {"// c\n{}", 0},        // a comment
      {R"({"a":01})", 6},     // a leading zero (section 6): the parser stops at the second digit
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    JsonReadResult read = read_json(c.text);
    CHECK(read.failure == JsonReadResult::Failure::syntax);
    CHECK(read.value.is_discarded());
    CHECK(read.error_offset == c.offset);
    CHECK_FALSE(read.error_detail.empty());
  }
  CHECK(read_json("").failure == JsonReadResult::Failure::syntax);
}

TEST_CASE("read_json stops at the depth and member limits instead of building the document") {
  JsonLimits limits;
  limits.max_depth = 3;
  limits.max_object_members = 2;
  CHECK(read_json("[[[1]]]", limits).ok());
  JsonReadResult deep = read_json("[[[[1]]]]", limits);
  CHECK(deep.failure == JsonReadResult::Failure::too_deep);
  CHECK(deep.value.is_discarded());
  CHECK(read_json(R"({"a":1,"b":2})", limits).ok());
  JsonReadResult wide = read_json(R"({"a":1,"b":2,"c":3})", limits);
  CHECK(wide.failure == JsonReadResult::Failure::too_many_members);
  CHECK(wide.value.is_discarded());

  // A hostile paste: a million nested arrays is refused at once rather than built.
  std::string bomb(1000000, '[');
  limits.max_depth = 64;
  CHECK(read_json(bomb, limits).failure == JsonReadResult::Failure::too_deep);
}

TEST_CASE("parse_json gives the document, or a discarded value for anything that is not JSON") {
  CHECK(parse_json(R"({"ErrorCode":0,"TaskId":"t"})")["TaskId"].get<std::string>() == "t");
  CHECK(parse_json("not json").is_discarded());
  CHECK(parse_json(R"({"a":1}{"b":2})").is_discarded());
  CHECK(parse_json("\"\\ud800\"").is_discarded());  // a lone surrogate is no character (RFC 8259 8.2)
}

TEST_CASE("text_position counts lines and characters, not bytes") {
  const std::string text = "{\n  \"标题\": x}";
  // Bytes before the 'x': "{\n" (2), two spaces (2), a quote (1), two 3-byte characters (6), a
  // quote, a colon and a space (3): 14.
  TextPosition at = text_position(text, 14);
  CHECK(at.line == 2);
  CHECK(at.column == 9);  // two spaces, quote, 标, 题, quote, colon, space, then x
  CHECK(text_position(text, 0).line == 1);
  CHECK(text_position(text, 1000).line == 2);  // past the end: the end
}

TEST_CASE("text_offset finds the byte of a line and column, the inverse of text_position") {
  const std::string text = "{\n  \"标题\": x,\r\n\t\"b\": 1}";
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    if (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) continue;
    CAPTURE(offset);
    CHECK(text_offset(text, text_position(text, offset)) == offset);
  }
  CHECK(text_offset(text, {2, 99}) == text.find('\n', 2));  // past the line's end: its end
  CHECK(text_offset(text, {9, 1}) == text.size());
}
