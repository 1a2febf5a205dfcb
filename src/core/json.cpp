#include "core/json.h"

#include <vector>

namespace timpush::core {

namespace {

// A SAX pass that builds nothing: it finds where parsing fails and how deep and wide the
// document is, so the DOM is built only for text that is cheap to hold.
class ShapeScanner {
public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  explicit ShapeScanner(const JsonLimits& limits) : limits_(limits) {}

  bool null() { return scalar(); }
  bool boolean(bool) { return scalar(); }
  bool number_integer(number_integer_t) { return scalar(); }
  bool number_unsigned(number_unsigned_t) { return scalar(); }
  bool number_float(number_float_t, const string_t&) { return scalar(); }
  bool string(string_t&) { return scalar(); }
  bool binary(binary_t&) { return scalar(); }
  bool start_object(std::size_t) { return open(true); }
  bool key(string_t&) {
    size_t& count = members_.back();
    ++count;
    if (count > max_members) max_members = count;
    if (limits_.max_object_members && count > limits_.max_object_members) {
      failure = JsonReadResult::Failure::too_many_members;
      return false;
    }
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    failure = JsonReadResult::Failure::syntax;
    error_detail = ex.what();
    // The lexer counts the offending character as read: it sits one before `position`.
    error_offset = position == 0 ? 0 : position - 1;
    return false;
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
  bool open(bool object) {
    members_.push_back(0);
    (void)object;
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

  JsonLimits limits_;
  std::vector<size_t> members_;
};

}  // namespace

JsonReadResult read_json(std::string_view text, const JsonLimits& limits) {
  JsonReadResult result;
  ShapeScanner scanner(limits);
  bool scanned = Json::sax_parse(text, &scanner);
  result.depth = scanner.depth;
  result.max_members = scanner.max_members;
  if (!scanned) {
    result.failure = scanner.failure == JsonReadResult::Failure::none
                         ? JsonReadResult::Failure::syntax
                         : scanner.failure;
    result.error_offset = scanner.error_offset > text.size() ? text.size() : scanner.error_offset;
    result.error_detail = std::move(scanner.error_detail);
    result.value = Json(Json::value_t::discarded);
    return result;
  }
  result.value = Json::parse(text, nullptr, false);
  if (result.value.is_discarded()) result.failure = JsonReadResult::Failure::syntax;
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

}  // namespace timpush::core
