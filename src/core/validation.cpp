// Checks a push body against the server's rules (validation.h): the walk of the body, MsgRandom,
// DataId and the Condition; the notification fields are in validation_offline.cpp.
#include "core/validation.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "core/audience.h"
#include "core/json.h"
#include "core/text_util.h"
#include "core/validation_detail.h"

namespace timpush::core {

bool ValidationReport::ok() const {
  for (const auto& issue : issues) {
    if (issue.severity == Severity::error) return false;
  }
  return true;
}

namespace validation_detail {

std::string num(size_t n) { return std::to_string(n); }

Phrase type_words(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return {"null", "null"};
    case Json::value_t::boolean: return {"a boolean", "布尔值"};
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return {"an integer", "整数"};
    case Json::value_t::number_float: return {"a number with a fraction or exponent", "带小数点或指数的数"};
    case Json::value_t::string: return {"a string", "字符串"};
    case Json::value_t::array: return {"an array", "数组"};
    case Json::value_t::object: return {"an object", "对象"};
    default: return {"an unknown value", "未知值"};
  }
}

std::string type_en(const Json& v) { return std::string(type_words(v).en); }
std::string type_zh(const Json& v) { return std::string(type_words(v).zh); }

std::string excerpt(const Json& v) {
  std::string text = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  constexpr size_t keep = 40;
  if (text.size() <= keep) return text;
  return std::string(utf8_prefix(text, keep)) + "...";
}

void Issues::add(int code, Severity severity, std::string pointer, std::string en, std::string zh,
                 int line, int column) {
  Issue issue;
  issue.code = code;
  issue.severity = severity;
  issue.pointer = std::move(pointer);
  issue.message = {std::move(en), std::move(zh)};
  issue.line = line;
  issue.column = column;
  report.issues.push_back(std::move(issue));
}

void Issues::wrong_type(const std::string& pointer, const std::string& field, const Json& v,
                        const std::string& want_en, const std::string& want_zh, int code) {
  add(code, Severity::error, pointer,
      field + " is " + type_en(v) + " (" + excerpt(v) + "); it must be " + want_en,
      field + " 是" + type_zh(v) + "(" + excerpt(v) + "),应为" + want_zh);
}

}  // namespace validation_detail

namespace {

using namespace validation_detail;

class Validator : public Issues {
public:
  Validator(std::string_view body, const ValidationOptions& options)
      : body_(body), options_(options) {}

  ValidationReport run(std::optional<Json> read_already = std::nullopt) {
    if (body_.size() > max_body_bytes) {
      add(90056, Severity::error, "",
          "the body is " + num(body_.size()) + " bytes; the limit is " + num(max_body_bytes) +
              " bytes (10 K)",
          "请求体为 " + num(body_.size()) + " 字节,超过上限 " + num(max_body_bytes) +
              " 字节(10K)");
    }
    if (read_already) {
      report.document = std::move(*read_already);
      if (report.document.is_object()) top_level(report.document);
      return std::move(report);
    }
    JsonReadResult read = read_json(body_, validation_limits);
    if (read.failure == JsonReadResult::Failure::too_many_members) {
      // Only reachable far beyond 10 K, which is already reported.
      add(90056, Severity::error, "",
          "an object has more than " + num(validation_limits.max_object_members) +
              " members; the body was not checked further",
          "某个对象的成员超过 " + num(validation_limits.max_object_members) +
              " 个,未再继续检查");
      return std::move(report);
    }
    if (!read.ok()) {
      syntax_error(read);
      return std::move(report);
    }
    report.document = std::move(read.value);
    const Json& doc = report.document;
    if (!doc.is_object()) {
      size_t first = body_.find_first_not_of(" \t\r\n");
      if (first == std::string_view::npos) first = 0;
      TextPosition at = text_position(body_, first);
      add(90001, Severity::error, "",
          "the body is " + type_en(doc) + ", not a JSON object ({...})",
          "请求体是" + type_zh(doc) + ",不是 JSON 对象({...})", at.line, at.column);
      return std::move(report);
    }
    top_level(doc);
    return std::move(report);
  }

private:
  void syntax_error(const JsonReadResult& read) {
    TextPosition at = text_position(body_, read.error_offset);
    Words why = explain_syntax_error(body_, read);
    add(90001, Severity::error, "", std::move(why.en), std::move(why.zh), at.line, at.column);
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
        if (value.is_object()) {
          condition(ptr, value);
          everyone_warning(doc);
        } else wrong_type(ptr, "Condition", value, "an object", "对象");
      } else if (key == "OfflinePushInfo") {
        if (value.is_object()) {
          offline = &value;
          offline_push_info(*this, ptr, value);
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
    if (!doc.contains("Condition")) everyone_warning(doc);
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
    for (const auto& [key, value] : cond.items()) {
      std::string kptr = ptr + "/" + json_pointer_token(key);
      bool tag = is_tag_key(key), attr = is_attr_key(key);
      if (!tag && !attr) continue;  // unknown keys pass through unjudged
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
  }

  // The all-user warning, exactly when audience.h's rule says so (the send guard asks for the
  // SDKAppID on the same rule).
  void everyone_warning(const Json& doc) {
    if (!reaches_everyone(doc)) return;
    if (!doc.contains("Condition")) {
      add(local_code::all_users, Severity::warning, "/Condition",
          "there is no Condition: this push goes to every user of the app",
          "没有 Condition:本次推送将发给应用的全部用户");
    } else {
      add(local_code::all_users, Severity::warning, "/Condition",
          "Condition has no non-empty TagsAnd, TagsOr, AttrsAnd or AttrsOr: it selects no users "
          "by tag or attribute, so this push goes to every user of the app",
          "Condition 中没有非空的 TagsAnd、TagsOr、AttrsAnd 或 AttrsOr:不按标签或属性筛选,"
          "本次推送将发给应用的全部用户");
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
      unknown_attr(aptr, field, name);
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

  // Only when the caller read the app's names: without them every name may be real.
  void unknown_attr(const std::string& ptr, const std::string& field, const std::string& name) {
    if (!options_.attr_names) return;
    const auto& names = *options_.attr_names;
    if (std::find(names.begin(), names.end(), name) != names.end()) return;
    add(90033, Severity::error, ptr,
        "attribute " + field + ": the app has no attribute named " + excerpt(Json(name)) +
            " (set_attr_name sets the names; the app has " + num(names.size()) + ")",
        "属性 " + field + ":应用没有名为 " + excerpt(Json(name)) +
            " 的属性(属性名由 set_attr_name 设置;应用现有 " + num(names.size()) + " 个)");
  }

  std::string_view body_;
  const ValidationOptions& options_;
};

}  // namespace

ValidationReport validate_body(std::string_view body, const ValidationOptions& options) {
  return Validator(body, options).run();
}

ValidationReport validate_document(std::string_view body, Json document, const ValidationOptions& options) {
  // A model's document is always an object; anything else goes the text's way, with its 90001.
  if (!document.is_object()) return validate_body(body, options);
  return Validator(body, options).run(std::move(document));
}

}  // namespace timpush::core
