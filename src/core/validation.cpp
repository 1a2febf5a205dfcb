#include "core/validation.h"

#include <cstdint>
#include <limits>
#include <string>

#include "core/json.h"

namespace timpush::core {

bool ValidationReport::ok() const {
  for (const auto& issue : issues) {
    if (issue.severity == Severity::error) return false;
  }
  return true;
}

std::string json_pointer_token(std::string_view name) {
  std::string token;
  for (char c : name) {
    if (c == '~') token += "~0";
    else if (c == '/') token += "~1";
    else token += c;
  }
  return token;
}

namespace {

// Validation needs no depth limit (it never recurses into unknown values), only the guard
// against objects so wide that ordered_json's linear key lookup would take seconds.
constexpr JsonLimits validation_limits{0, 10000};

std::string num(size_t n) { return std::to_string(n); }

// How a JSON value's type reads in a message.
std::string type_en(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number with a fraction or exponent";
    case Json::value_t::string: return "a string";
    case Json::value_t::array: return "an array";
    case Json::value_t::object: return "an object";
    default: return "an unknown value";
  }
}

std::string type_zh(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return "布尔值";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "整数";
    case Json::value_t::number_float: return "带小数点或指数的数";
    case Json::value_t::string: return "字符串";
    case Json::value_t::array: return "数组";
    case Json::value_t::object: return "对象";
    default: return "未知值";
  }
}

// A short, printable excerpt of a value for messages (never the whole of a long string).
std::string excerpt(const Json& v) {
  std::string text = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  constexpr size_t keep = 40;
  if (text.size() <= keep) return text;
  size_t cut = keep;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

bool is_integer(const Json& v) { return v.is_number_integer(); }  // signed or unsigned

class Validator {
public:
  explicit Validator(std::string_view body) : body_(body) {}

  ValidationReport run() {
    if (body_.size() > max_body_bytes) {
      add(90056, Severity::error, "",
          "the body is " + num(body_.size()) + " bytes; the limit is " + num(max_body_bytes) +
              " bytes (10 K)",
          "请求体为 " + num(body_.size()) + " 字节,超过上限 " + num(max_body_bytes) +
              " 字节(10K)");
    }
    JsonReadResult read = read_json(body_, validation_limits);
    if (read.failure == JsonReadResult::Failure::too_many_members) {
      // Only reachable far beyond 10 K, which is already reported.
      add(90056, Severity::error, "",
          "an object has more than " + num(validation_limits.max_object_members) +
              " members; the body was not checked further",
          "某个对象的成员超过 " + num(validation_limits.max_object_members) +
              " 个,未再继续检查");
      return std::move(report_);
    }
    if (!read.ok()) {
      syntax_error(read.error_offset, read.error_detail);
      return std::move(report_);
    }
    const Json& doc = read.value;
    if (!doc.is_object()) {
      size_t first = body_.find_first_not_of(" \t\r\n");
      if (first == std::string_view::npos) first = 0;
      TextPosition at = text_position(body_, first);
      add(90001, Severity::error, "",
          "the body is " + type_en(doc) + ", not a JSON object ({...})",
          "请求体是" + type_zh(doc) + ",不是 JSON 对象({...})", at.line, at.column);
      return std::move(report_);
    }
    top_level(doc);
    return std::move(report_);
  }

private:
  void add(int code, Severity severity, std::string pointer, std::string en, std::string zh,
           int line = 0, int column = 0) {
    Issue issue;
    issue.code = code;
    issue.severity = severity;
    issue.pointer = std::move(pointer);
    issue.message_en = std::move(en);
    issue.message_zh = std::move(zh);
    issue.line = line;
    issue.column = column;
    report_.issues.push_back(std::move(issue));
  }

  void wrong_type(const std::string& pointer, const std::string& field, const Json& v,
                  const std::string& want_en, const std::string& want_zh, int code = local_code::wrong_type) {
    add(code, Severity::error, pointer,
        field + " is " + type_en(v) + " (" + excerpt(v) + "); it must be " + want_en,
        field + " 是" + type_zh(v) + "(" + excerpt(v) + "),应为" + want_zh);
  }

  // ---- 90001 ----

  // How the byte at `rest` reads in a message: the character, or its number when it is a
  // control character or not UTF-8 (so messages stay valid UTF-8 whatever the input).
  static std::string describe_char(std::string_view rest) {
    auto c = static_cast<unsigned char>(rest[0]);
    static const char hex[] = "0123456789ABCDEF";
    std::string byte = std::string("0x") + hex[c >> 4] + hex[c & 0x0F];
    if (c < 0x20 || c == 0x7F) return "control character " + byte;
    if (c < 0x80) return "'" + std::string(1, static_cast<char>(c)) + "'";
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || c > 0xF4 || rest.size() < len) return "byte " + byte;
    for (size_t i = 1; i < len; ++i) {
      if ((static_cast<unsigned char>(rest[i]) & 0xC0) != 0x80) return "byte " + byte;
    }
    return "'" + std::string(rest.substr(0, len)) + "'";
  }

  static bool has(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
  }

  void syntax_error(size_t offset, const std::string& detail) {
    TextPosition at = text_position(body_, offset);
    std::string where_en = "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
    std::string where_zh = "第 " + std::to_string(at.line) + " 行第 " + std::to_string(at.column) + " 列";
    std::string en, zh;
    std::string_view rest = offset < body_.size() ? body_.substr(offset) : std::string_view{};
    auto starts = [&](std::string_view prefix) { return rest.substr(0, prefix.size()) == prefix; };
    if (body_.find_first_not_of(" \t\r\n") == std::string_view::npos) {
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
    } else if ((starts("}") || starts("]")) && trailing_comma_before(offset)) {
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
    add(90001, Severity::error, "", "not valid JSON at " + where_en + ": " + en,
        "JSON 格式错误(" + where_zh + "):" + zh, at.line, at.column);
  }

  bool trailing_comma_before(size_t offset) const {
    while (offset > 0) {
      char c = body_[--offset];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
      return c == ',';
    }
    return false;
  }

  // ---- the body ----

  void top_level(const Json& doc) {
    bool saw_msg_random = false;
    const Json* offline = nullptr;
    for (const auto& [key, value] : doc.items()) {
      std::string ptr = "/" + json_pointer_token(key);
      if (key == "From_Account") {
        // The server names this case among its common codes: an account must be a string.
        if (!value.is_string()) wrong_type(ptr, "From_Account", value, "a string", "字符串", 60015);
      } else if (key == "MsgRandom") {
        saw_msg_random = true;
        msg_random(ptr, value);
      } else if (key == "Condition") {
        if (value.is_object()) condition(ptr, value);
        else wrong_type(ptr, "Condition", value, "an object", "对象");
      } else if (key == "OfflinePushInfo") {
        if (value.is_object()) {
          offline = &value;
          offline_push_info(ptr, value);
        } else {
          wrong_type(ptr, "OfflinePushInfo", value, "an object", "对象");
        }
      } else if (key == "DataId") {
        data_id(ptr, value);
      }
    }
    // Issues about what is absent come after those about what is there.
    if (!saw_msg_random) {
      add(90005, Severity::error, "/MsgRandom",
          "MsgRandom is missing; the server needs an integer from 0 to 4294967295 (its key for "
          "removing duplicate pushes)",
          "缺少 MsgRandom;服务端要求 0 到 4294967295 之间的整数(用于推送去重)");
    }
    if (!doc.contains("OfflinePushInfo")) {
      add(local_code::desc_missing, Severity::warning, "/OfflinePushInfo",
          "there is no OfflinePushInfo, so no Desc: offline users get no notification",
          "没有 OfflinePushInfo,也就没有 Desc:离线用户不会收到通知");
    }
    if (!doc.contains("Condition")) {
      add(local_code::all_users, Severity::warning, "/Condition",
          "there is no Condition: this push goes to every user of the app",
          "没有 Condition:本次推送将发给应用的全部用户");
    }
    (void)offline;
  }

  void msg_random(const std::string& ptr, const Json& v) {
    const std::string range_en = "an integer from 0 to 4294967295";
    const std::string range_zh = "0 到 4294967295 之间的整数";
    if (v.is_number_unsigned()) {
      auto u = v.get<uint64_t>();
      if (u > UINT32_MAX) {
        add(90005, Severity::error, ptr,
            "MsgRandom is " + std::to_string(u) + "; the largest allowed is 4294967295 (32-bit unsigned)",
            "MsgRandom 为 " + std::to_string(u) + ",最大只能是 4294967295(32 位无符号整数)");
      }
    } else if (v.is_number_integer()) {
      auto i = v.get<int64_t>();
      if (i < 0) {
        add(90005, Severity::error, ptr,
            "MsgRandom is " + std::to_string(i) + "; it must be " + range_en,
            "MsgRandom 为 " + std::to_string(i) + ",应为" + range_zh);
      }
    } else if (v.is_number_float()) {
      // 1.0 is refused too: the server asks for an Integer, and a number written with "." or
      // "e" is a float to the JSON libraries servers use.
      add(90005, Severity::error, ptr,
          "MsgRandom is " + excerpt(v) + ", written with a fraction or exponent; it must be " +
              range_en + ", written without \".\" or \"e\"",
          "MsgRandom 为 " + excerpt(v) + ",带小数点或指数;应为" + range_zh + ",不能写 \".\" 或 \"e\"");
    } else {
      add(90005, Severity::error, ptr,
          "MsgRandom is " + type_en(v) + " (" + excerpt(v) + "); it must be " + range_en +
              (v.is_string() ? ", without quotes" : ""),
          "MsgRandom 是" + type_zh(v) + "(" + excerpt(v) + "),应为" + range_zh +
              (v.is_string() ? ",不加引号" : ""));
    }
  }

  void data_id(const std::string& ptr, const Json& v) {
    if (!v.is_string()) {
      wrong_type(ptr, "DataId", v, "a string", "字符串");
      return;
    }
    size_t bytes = v.get_ref<const std::string&>().size();
    if (bytes > max_data_id_bytes) {
      add(local_code::data_id_too_long, Severity::error, ptr,
          "DataId is " + num(bytes) + " bytes; the limit is " + num(max_data_id_bytes),
          "DataId 为 " + num(bytes) + " 字节,上限为 " + num(max_data_id_bytes) + " 字节");
    }
  }

  // ---- Condition ----

  static bool is_tag_key(const std::string& key) {
    return key == "TagsAnd" || key == "TagsOr" || key == "TagsNot";
  }
  static bool is_attr_key(const std::string& key) { return key == "AttrsAnd" || key == "AttrsOr"; }

  void condition(const std::string& ptr, const Json& cond) {
    std::string first_tag_key, first_attr_key;
    bool mix_reported = false;
    bool any_known = false;
    for (const auto& [key, value] : cond.items()) {
      std::string kptr = ptr + "/" + json_pointer_token(key);
      bool tag = is_tag_key(key), attr = is_attr_key(key);
      if (!tag && !attr) continue;  // unknown keys pass through unjudged
      any_known = true;
      if (tag && first_tag_key.empty()) first_tag_key = key;
      if (attr && first_attr_key.empty()) first_attr_key = key;
      if (!mix_reported && !first_tag_key.empty() && !first_attr_key.empty()) {
        mix_reported = true;
        const std::string& tk = first_tag_key;
        const std::string& ak = first_attr_key;
        add(90039, Severity::error, kptr,
            "Condition has both a tag condition (" + tk + ") and an attribute condition (" + ak +
                "); use tags or attributes, not both",
            "Condition 同时包含标签条件(" + tk + ")和属性条件(" + ak + ");标签和属性只能选其一");
      }
      if (tag) tags(kptr, key, value, cond);
      else attrs(kptr, key, value);
    }
    if (!any_known) {
      add(local_code::all_users, Severity::warning, ptr,
          "Condition has none of TagsAnd, TagsOr, TagsNot, AttrsAnd, AttrsOr: it selects no "
          "users by tag or attribute and may reach every user",
          "Condition 中没有 TagsAnd、TagsOr、TagsNot、AttrsAnd、AttrsOr:不按标签或属性筛选,"
          "可能推送给全部用户");
    }
  }

  void tags(const std::string& ptr, const std::string& key, const Json& list, const Json& cond) {
    if (!list.is_array()) {
      wrong_type(ptr, key, list, "an array of strings", "字符串数组");
      return;
    }
    if (list.size() > max_tags_per_condition) {
      add(90032, Severity::error, ptr,
          key + " has " + num(list.size()) + " tags; the limit is " + num(max_tags_per_condition),
          key + " 有 " + num(list.size()) + " 个标签,上限为 " + num(max_tags_per_condition) + " 个");
    }
    // 90022 is reported on the list that comes second, at the repeated tag.
    const Json* other = nullptr;
    if (key == "TagsOr" || key == "TagsAnd") {
      const char* other_key = key == "TagsOr" ? "TagsAnd" : "TagsOr";
      for (const auto& [k, v] : cond.items()) {
        if (k == key) break;  // the other list counts only if it came first
        if (k == other_key && v.is_array()) other = &v;
      }
    }
    for (size_t i = 0; i < list.size(); ++i) {
      const Json& tag = list[i];
      std::string tptr = ptr + "/" + num(i);
      std::string name_en = "tag " + num(i + 1) + " of " + key;
      std::string name_zh = key + " 的第 " + num(i + 1) + " 个标签";
      if (!tag.is_string()) {
        add(local_code::wrong_type, Severity::error, tptr,
            name_en + " is " + type_en(tag) + " (" + excerpt(tag) + "); tags are strings",
            name_zh + "是" + type_zh(tag) + "(" + excerpt(tag) + "),标签应为字符串");
        continue;
      }
      const std::string& text = tag.get_ref<const std::string&>();
      if (text.empty()) {
        add(90040, Severity::error, tptr, name_en + " is empty; a tag is 1 to 50 bytes",
            name_zh + "为空;标签长度应为 1 到 50 字节");
      } else if (text.size() > max_tag_bytes) {
        add(90020, Severity::error, tptr,
            name_en + " is " + num(text.size()) + " bytes of UTF-8; the limit is " +
                num(max_tag_bytes) + " (a Chinese character takes 3)",
            name_zh + "为 " + num(text.size()) + " 字节(UTF-8),上限为 " + num(max_tag_bytes) +
                " 字节(一个汉字占 3 字节)");
      }
      if (other) {
        const char* other_key = key == "TagsOr" ? "TagsAnd" : "TagsOr";
        for (size_t j = 0; j < other->size(); ++j) {
          if ((*other)[j] == tag) {
            add(90022, Severity::error, tptr,
                name_en + " (" + excerpt(tag) + ") is also tag " + num(j + 1) + " of " +
                    other_key + "; a tag may not be in both TagsAnd and TagsOr",
                name_zh + "(" + excerpt(tag) + ")同时是 " + other_key + " 的第 " + num(j + 1) +
                    " 个标签;同一标签不能同时出现在 TagsAnd 和 TagsOr 中");
            break;
          }
        }
      }
    }
  }

  void attrs(const std::string& ptr, const std::string& key, const Json& map) {
    if (!map.is_object()) {
      wrong_type(ptr, key, map, "an object of attribute name to string value",
                 "对象(属性名到字符串值)");
      return;
    }
    for (const auto& [name, value] : map.items()) {
      std::string aptr = ptr + "/" + json_pointer_token(name);
      std::string field = key + "." + name;
      if (!value.is_string()) {
        wrong_type(aptr, "attribute " + field, value, "a string", "字符串");
        continue;
      }
      size_t bytes = value.get_ref<const std::string&>().size();
      if (bytes > max_attr_value_bytes) {
        add(local_code::attr_value_too_long, Severity::error, aptr,
            "the value of attribute " + field + " is " + num(bytes) + " bytes; the limit is " +
                num(max_attr_value_bytes),
            "属性 " + field + " 的值为 " + num(bytes) + " 字节,上限为 " +
                num(max_attr_value_bytes) + " 字节");
      }
    }
  }

  // ---- OfflinePushInfo ----

  // A documented string field: reports a wrong type and returns the text when it is a string.
  const std::string* string_field(const std::string& ptr, const std::string& field, const Json& v) {
    if (v.is_string()) return &v.get_ref<const std::string&>();
    wrong_type(ptr, field, v, "a string", "字符串");
    return nullptr;
  }

  // A documented integer field with a closed set of values.
  void choice_field(const std::string& ptr, const std::string& field, const Json& v,
                    int64_t low, int64_t high, const std::string& meaning_en,
                    const std::string& meaning_zh) {
    std::string range = std::to_string(low) + " or " + std::to_string(high);
    std::string range_zh = std::to_string(low) + " 或 " + std::to_string(high);
    if (!is_integer(v)) {
      wrong_type(ptr, field, v, "the integer " + range + " (" + meaning_en + ")",
                 "整数 " + range_zh + "(" + meaning_zh + ")");
      return;
    }
    bool in = v.is_number_unsigned() ? v.get<uint64_t>() <= static_cast<uint64_t>(high) &&
                                           v.get<uint64_t>() >= static_cast<uint64_t>(low < 0 ? 0 : low)
                                     : v.get<int64_t>() >= low && v.get<int64_t>() <= high;
    if (!in) {
      add(local_code::bad_value, Severity::error, ptr,
          field + " is " + excerpt(v) + "; it must be " + range + " (" + meaning_en + ")",
          field + " 为 " + excerpt(v) + ",应为 " + range_zh + "(" + meaning_zh + ")");
    }
  }

  void offline_push_info(const std::string& ptr, const Json& info) {
    const std::string* desc = nullptr;
    const std::string* ext = nullptr;
    bool online_only = false;
    std::string ext_ptr = ptr + "/Ext";
    for (const auto& [key, value] : info.items()) {
      std::string kptr = ptr + "/" + json_pointer_token(key);
      if (key == "PushFlag") {
        choice_field(kptr, "PushFlag", value, 0, 1, "0 offline push too, 1 online only",
                     "0 同时离线推送,1 仅在线推送");
        online_only = is_integer(value) && value == 1;
      } else if (key == "Title") {
        string_field(kptr, "Title", value);
      } else if (key == "Desc") {
        desc = string_field(kptr, "Desc", value);
      } else if (key == "Ext") {
        ext = string_field(kptr, "Ext", value);
        if (ext && !ext->empty() && !read_json(*ext, validation_limits).ok()) {
          add(local_code::ext_not_json, Severity::warning, kptr,
              "Ext is not JSON text; some vendors drop a push whose Ext is not JSON",
              "Ext 不是 JSON 文本;部分厂商通道会丢弃 Ext 不是 JSON 的推送");
        }
      } else if (key == "AndroidInfo") {
        if (value.is_object()) android_info(kptr, value);
        else wrong_type(kptr, "AndroidInfo", value, "an object", "对象");
      } else if (key == "ApnsInfo") {
        if (value.is_object()) apns_info(kptr, value);
        else wrong_type(kptr, "ApnsInfo", value, "an object", "对象");
      }
    }
    size_t payload = (desc ? desc->size() : 0) + (ext ? ext->size() : 0);
    if (payload > apns_payload_warn_bytes) {
      add(local_code::payload_too_big_for_apns, Severity::warning, ptr,
          "Desc and Ext together are " + num(payload) + " bytes; keep them under " +
              num(apns_payload_warn_bytes) + " (APNs packets are 4 KB) or the text may be cut",
          "Desc 与 Ext 合计 " + num(payload) + " 字节;建议不超过 " + num(apns_payload_warn_bytes) +
              " 字节(APNs 包上限 4KB),否则可能被截断");
    }
    bool has_desc_text = desc && !desc->empty();
    if (!online_only && !has_desc_text && !(info.contains("Desc") && !desc)) {
      add(local_code::desc_missing, Severity::warning, ptr + "/Desc",
          "Desc is missing or empty while PushFlag is 0 (offline push): offline users get no "
          "notification",
          "PushFlag 为 0(离线推送)但 Desc 缺失或为空:离线用户不会收到通知");
    }
  }

  void android_info(const std::string& ptr, const Json& info) {
    for (const auto& [key, value] : info.items()) {
      std::string kptr = ptr + "/" + json_pointer_token(key);
      std::string field = "AndroidInfo." + key;
      if (key == "Sound" || key == "HuaWeiChannelID" || key == "XiaoMiChannelID" ||
          key == "OPPOChannelID" || key == "GoogleChannelID" || key == "HuaWeiCategory") {
        string_field(kptr, field, value);
      } else if (key == "VIVOClassification") {
        choice_field(kptr, field, value, 0, 1, "0 marketing, 1 system", "0 运营消息,1 系统消息");
      } else if (key == "ExtAsHuaweiIntentParam") {
        choice_field(kptr, field, value, 0, 1, "1 Ext as intent parameter, 0 as action parameter",
                     "1 Ext 作为 Intent 参数,0 作为 Action 参数");
      } else if (key == "HuaWeiImportance") {
        if (const std::string* text = string_field(kptr, field, value)) {
          if (*text != "LOW" && *text != "NORMAL") {
            add(local_code::bad_value, Severity::error, kptr,
                field + " is " + excerpt(value) + "; it must be \"LOW\" or \"NORMAL\"",
                field + " 为 " + excerpt(value) + ",应为 \"LOW\" 或 \"NORMAL\"");
          }
        }
      }
      // Newer vendor fields (PushStyle, HonorImportance, ...) are unverified: passed through.
    }
  }

  void apns_info(const std::string& ptr, const Json& info) {
    for (const auto& [key, value] : info.items()) {
      std::string kptr = ptr + "/" + json_pointer_token(key);
      std::string field = "ApnsInfo." + key;
      if (key == "Sound" || key == "Title" || key == "SubTitle" || key == "Image") {
        string_field(kptr, field, value);
      } else if (key == "BadgeMode") {
        choice_field(kptr, field, value, 0, 1, "0 count the badge, 1 keep it",
                     "0 角标计数,1 角标不变");
      } else if (key == "MutableContent") {
        choice_field(kptr, field, value, 0, 1, "1 lets a notification extension change it",
                     "1 允许通知扩展修改内容");
      }
    }
  }

  std::string_view body_;
  ValidationReport report_;
};

}  // namespace

ValidationReport validate_body(std::string_view body) { return Validator(body).run(); }

}  // namespace timpush::core
