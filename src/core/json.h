// The JSON type of the core: nlohmann's ordered_json, so documents keep the order they were
// written in (the docs' order when we emit, the user's order when we round-trip a paste).
// Also the one guarded way the core reads untrusted JSON text (no exceptions, bounded cost).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/words.h"

namespace timpush {
using Json = nlohmann::ordered_json;
}

namespace timpush::core {

// Limits that keep reading a hostile paste cheap: ordered_json looks keys up linearly, so an
// object with a huge number of members costs quadratic time, and copying or printing a document
// recurses once per nesting level.
struct JsonLimits {
  size_t max_depth = 0;           // 0: no limit
  size_t max_object_members = 0;  // 0: no limit
};

struct JsonReadResult {
  enum class Failure { none, syntax, too_deep, too_many_members };
  Json value;                     // discarded unless failure == none
  Failure failure = Failure::none;
  size_t error_offset = 0;        // syntax: byte offset of the offending byte (may equal size)
  std::string error_detail;       // syntax: the parser's own (English, technical) description
  size_t depth = 0;               // deepest nesting seen (1 for a scalar or an empty object)
  size_t max_members = 0;         // largest member count of one object
  bool ok() const { return failure == Failure::none; }
};

// Parses strictly (no comments, nothing after the value) and never throws: a discarded value
// (is_discarded()) on any error. For trusted or already bounded text; read_json for pastes.
Json parse_json(std::string_view text);

// Parses strictly (no comments, nothing after the value) and never throws.
JsonReadResult read_json(std::string_view text, const JsonLimits& limits = {});

// Typed reads of one member, for every reader of stored or received JSON: nothing when `object`
// is not an object, the member is absent, or it holds another type. Integers must fit the type
// asked for (a uint32 read of -1 or 2^32 gives nothing, as does an int64 read of 2^63).
const Json* find_member(const Json& object, const char* key);
std::optional<std::string> get_string(const Json& object, const char* key);
std::optional<bool> get_bool(const Json& object, const char* key);
std::optional<int64_t> get_int64(const Json& object, const char* key);
std::optional<uint32_t> get_uint32(const Json& object, const char* key);
// The same rules on a value itself.
std::optional<int64_t> as_int64(const Json& value);
std::optional<uint32_t> as_uint32(const Json& value);

// Why read_json refused a text as JSON, in words a person can act on (the usual mistakes: the
// docs' // comments, single or full-width quotes, a trailing comma, GBK bytes, raw line breaks),
// with the line and column: "not valid JSON at line 3, column 5: ...". read must be a syntax
// failure of read_json(text).
Words explain_syntax_error(std::string_view text, const JsonReadResult& read);

// 1-based line and column of a byte offset. Columns count characters (UTF-8 code points), as
// editors do, not bytes.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition text_position(std::string_view text, size_t offset);
// The byte offset of a line and column as text_position counts them (its inverse). A column past
// the end of its line gives the line's end; a line past the last gives the end of the text.
size_t text_offset(std::string_view text, TextPosition position);

}  // namespace timpush::core
