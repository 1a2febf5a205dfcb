#include "core/json.h"

#include <vector>

namespace timpush::core {

namespace {

// Builds the document with nlohmann's own DOM builder while checking the limits before each
// step, so a hostile paste stops at the limit instead of being built whole first. One SAX type
// for every parse keeps a single copy of nlohmann's parser in the page's wasm.
class BoundedDomBuilder {
public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  BoundedDomBuilder(Json& root, const JsonLimits& limits)
      : dom_(root, /*allow_exceptions=*/false), limits_(limits) {}

  bool null() { return scalar() && dom_.null(); }
  bool boolean(bool v) { return scalar() && dom_.boolean(v); }
  bool number_integer(number_integer_t v) { return scalar() && dom_.number_integer(v); }
  bool number_unsigned(number_unsigned_t v) { return scalar() && dom_.number_unsigned(v); }
  bool number_float(number_float_t v, const string_t& text) {
    return scalar() && dom_.number_float(v, text);
  }
  bool string(string_t& v) { return scalar() && dom_.string(v); }
  bool binary(binary_t& v) { return scalar() && dom_.binary(v); }
  bool start_object(std::size_t n) { return open() && dom_.start_object(n); }
  bool key(string_t& name) {
    size_t& count = members_.back();
    ++count;
    if (count > max_members) max_members = count;
    if (limits_.max_object_members && count > limits_.max_object_members) {
      failure = JsonReadResult::Failure::too_many_members;
      return false;
    }
    return dom_.key(name);
  }
  bool end_object() { return close() && dom_.end_object(); }
  bool start_array(std::size_t n) { return open() && dom_.start_array(n); }
  bool end_array() { return close() && dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) {
    failure = JsonReadResult::Failure::syntax;
    error_detail = ex.what();
    // The lexer counts the offending character as read: it sits one before `position`.
    error_offset = position == 0 ? 0 : position - 1;
    return dom_.parse_error(position, token, ex);
  }

  JsonReadResult::Failure failure = JsonReadResult::Failure::none;
  size_t error_offset = 0;
  std::string error_detail;
  size_t depth = 0;
  size_t max_members = 0;

private:
  bool scalar() {
    if (members_.size() + 1 > depth) depth = members_.size() + 1;
    return true;
  }
  bool open() {
    members_.push_back(0);
    if (members_.size() > depth) depth = members_.size();
    if (limits_.max_depth && members_.size() > limits_.max_depth) {
      failure = JsonReadResult::Failure::too_deep;
      return false;
    }
    return true;
  }
  bool close() {
    members_.pop_back();
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  JsonLimits limits_;
  std::vector<size_t> members_;
};

}  // namespace

Json parse_json(std::string_view text) {
  JsonReadResult result = read_json(text);
  return std::move(result.value);
}

JsonReadResult read_json(std::string_view text, const JsonLimits& limits) {
  JsonReadResult result;
  BoundedDomBuilder builder(result.value, limits);
  const bool parsed = Json::sax_parse(text, &builder);
  result.depth = builder.depth;
  result.max_members = builder.max_members;
  if (!parsed) {
    result.failure = builder.failure == JsonReadResult::Failure::none
                         ? JsonReadResult::Failure::syntax
                         : builder.failure;
    result.error_offset = builder.error_offset > text.size() ? text.size() : builder.error_offset;
    result.error_detail = std::move(builder.error_detail);
    result.value = Json(Json::value_t::discarded);
  }
  return result;
}

TextPosition text_position(std::string_view text, size_t offset) {
  TextPosition position;
  if (offset > text.size()) offset = text.size();
  for (size_t i = 0; i < offset; ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // continuation bytes belong to the previous character
      ++position.column;
    }
  }
  return position;
}

size_t text_offset(std::string_view text, TextPosition position) {
  size_t i = 0;
  for (int line = 1; line < position.line; ++line) {
    size_t newline = text.find('\n', i);
    if (newline == std::string_view::npos) return text.size();
    i = newline + 1;
  }
  for (int column = 1; column < position.column && i < text.size() && text[i] != '\n'; ++column) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace timpush::core
