#include "core/json.h"

#include "core/text_util.h"

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

// ---- why a text is not JSON (90001) ----

// How the byte at `rest` reads in a message: the character, or its number when it is a
// control character or not UTF-8 (so messages stay valid UTF-8 whatever the input).
std::string describe_char(std::string_view rest) {
  auto c = static_cast<unsigned char>(rest[0]);
  static const char hex[] = "0123456789ABCDEF";
  std::string byte = std::string("0x") + hex[c >> 4] + hex[c & 0x0F];
  if (c < 0x20 || c == 0x7F) return "control character " + byte;
  if (c < 0x80) return "'" + std::string(1, static_cast<char>(c)) + "'";
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || c > 0xF4 || rest.size() < len) return "byte " + byte;
  // Well-formed by RFC 3629 too: an overlong form (0xC1 0x9B) or a surrogate has the right
  // shape but is no character, and would make the message itself not UTF-8.
  const std::string_view seq = rest.substr(0, len);
  if (valid_utf8(seq) != seq) return "byte " + byte;
  return "'" + std::string(seq) + "'";
}

bool has(const std::string& text, const char* part) {
  return text.find(part) != std::string::npos;
}

bool trailing_comma_before(std::string_view text, size_t offset) {
  while (offset > 0) {
    char c = text[--offset];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == ',';
  }
  return false;
}

}  // namespace

Words explain_syntax_error(std::string_view text, const JsonReadResult& read) {
  const size_t offset = read.error_offset;
  const std::string& detail = read.error_detail;
  TextPosition at = text_position(text, offset);
  std::string where_en = "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
  std::string where_zh = "第 " + std::to_string(at.line) + " 行第 " + std::to_string(at.column) + " 列";
  std::string en, zh;
  std::string_view rest = offset < text.size() ? text.substr(offset) : std::string_view{};
  auto starts = [&](std::string_view prefix) { return rest.substr(0, prefix.size()) == prefix; };
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    en = "the body is empty; a REST body is at least {}";
    zh = "请求体为空;REST 请求体至少应为 {}";
  } else if (starts("//") || starts("/*")) {
    en = "JSON has no comments (the docs' examples carry // comments: remove them)";
    zh = "JSON 不支持注释(文档示例里的 // 注释需要删除)";
  } else if (starts("'")) {
    en = "JSON strings need double quotes \", not '";
    zh = "JSON 字符串须用英文双引号 \",不能用 '";
  } else if (starts("\xE2\x80\x9C") || starts("\xE2\x80\x9D") || starts("\xEF\xBC\x8C") ||
             starts("\xEF\xBC\x9A")) {
    en = "a Chinese (full-width) quotation mark, comma or colon where JSON needs the ASCII one";
    zh = "此处是中文(全角)引号、逗号或冒号,JSON 需要英文(半角)符号";
  } else if ((starts("}") || starts("]")) && trailing_comma_before(text, offset)) {
    en = "a comma before " + std::string(rest.substr(0, 1)) + " (JSON allows no trailing comma)";
    zh = std::string(rest.substr(0, 1)) + " 前多了一个逗号(JSON 不允许末尾逗号)";
  } else if (has(detail, "ill-formed UTF-8") ||
             (!rest.empty() && describe_char(rest).rfind("byte ", 0) == 0)) {
    en = "bytes that are not valid UTF-8 (JSON text must be UTF-8; was it saved as GBK?)";
    zh = "不是合法 UTF-8 的字节(JSON 必须是 UTF-8 编码;文件是否存成了 GBK?)";
  } else if (has(detail, "control character")) {
    en = "a raw control character (a line break or tab) inside a string; write it as \\n, \\t "
         "or \\u00XX";
    zh = "字符串中有未转义的控制字符(换行或制表符);应写成 \\n、\\t 或 \\u00XX";
  } else if (has(detail, "after backslash")) {
    en = "an invalid escape after \\ (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
    zh = "\\ 后的转义无效(可用:\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
  } else if (has(detail, "surrogate") || has(detail, "\\u")) {
    en = "a malformed \\u escape (four hex digits; a surrogate needs its pair)";
    zh = "\\u 转义格式错误(需 4 位十六进制;代理项须成对出现)";
  } else if (has(detail, "invalid number")) {
    en = "a malformed number (no leading zeros or '+', digits after '.' and 'e')";
    zh = "数字格式错误(不能有前导零或 '+','.' 和 'e' 后须有数字)";
  } else if (has(detail, "invalid literal")) {
    en = "a word that is not true, false or null (text values need double quotes)";
    zh = "出现了 true、false、null 以外的裸词(文本值须加英文双引号)";
  } else if (rest.empty()) {
    en = "the text ends before the JSON is complete (a missing } ] or \")";
    zh = "JSON 不完整就结束了(缺少 } ] 或 \")";
  } else {
    std::string shown = describe_char(rest);
    en = "unexpected " + shown;
    zh = "意外的字符 " + shown;
    if (has(detail, "; expected ':'")) {
      en += "; expected ':' after the member name";
      zh += ";成员名后应为 ':'";
    } else if (has(detail, "; expected '}'")) {
      en += "; expected ',' or '}'";
      zh += ";此处应为 ',' 或 '}'";
    } else if (has(detail, "; expected ']'")) {
      en += "; expected ',' or ']'";
      zh += ";此处应为 ',' 或 ']'";
    } else if (has(detail, "; expected string literal")) {
      en += "; expected a member name in double quotes";
      zh += ";此处应为带英文双引号的成员名";
    } else if (has(detail, "; expected end of input")) {
      en += "; nothing may follow the closing }";
      zh += ";最外层 } 之后不能再有内容";
    } else if (has(detail, "; expected '[', '{', or a literal")) {
      en += "; expected a value";
      zh += ";此处应为一个值";
    }
  }
  return {"not valid JSON at " + where_en + ": " + en, "JSON 格式错误(" + where_zh + "):" + zh};
}

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

const Json* find_member(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> get_string(const Json& object, const char* key) {
  const Json* v = find_member(object, key);
  if (!v || !v->is_string()) return std::nullopt;
  return v->get<std::string>();
}

std::optional<bool> get_bool(const Json& object, const char* key) {
  const Json* v = find_member(object, key);
  if (!v || !v->is_boolean()) return std::nullopt;
  return v->get<bool>();
}

std::optional<int64_t> as_int64(const Json& value) {
  if (value.is_number_unsigned()) {
    auto u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<int64_t>(u);
  }
  if (value.is_number_integer()) return value.get<int64_t>();
  return std::nullopt;
}

std::optional<uint32_t> as_uint32(const Json& value) {
  std::optional<int64_t> n = as_int64(value);
  if (!n || *n < 0 || *n > static_cast<int64_t>(UINT32_MAX)) return std::nullopt;
  return static_cast<uint32_t>(*n);
}

std::optional<int64_t> get_int64(const Json& object, const char* key) {
  const Json* v = find_member(object, key);
  return v ? as_int64(*v) : std::nullopt;
}

std::optional<uint32_t> get_uint32(const Json& object, const char* key) {
  const Json* v = find_member(object, key);
  return v ? as_uint32(*v) : std::nullopt;
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
