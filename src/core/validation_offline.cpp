// The notification fields of a push body (reference.md section 3): OfflinePushInfo, AndroidInfo
// and ApnsInfo, each documented field's type and closed set of values, and the warnings about
// what vendors drop (Ext not JSON, a payload over what APNs carries, no Desc offline).
#include <string>

#include "core/json.h"
#include "core/validation_detail.h"

namespace timpush::core::validation_detail {

namespace {

// A documented string field: reports a wrong type and returns the text when it is a string.
const std::string* string_field(Issues& out, const std::string& ptr, const std::string& field, const Json& v) {
  if (v.is_string()) return &v.get_ref<const std::string&>();
  out.wrong_type(ptr, field, v, "a string", "字符串");
  return nullptr;
}

// A documented integer field with a closed set of values.
void choice_field(Issues& out, const std::string& ptr, const std::string& field, const Json& v,
                  int64_t low, int64_t high, const std::string& meaning_en,
                  const std::string& meaning_zh) {
  std::string range = std::to_string(low) + " or " + std::to_string(high);
  std::string range_zh = std::to_string(low) + " 或 " + std::to_string(high);
  if (!is_integer(v)) {
    out.wrong_type(ptr, field, v, "the integer " + range + " (" + meaning_en + ")",
               "整数 " + range_zh + "(" + meaning_zh + ")");
    return;
  }
  bool in = v.is_number_unsigned() ? v.get<uint64_t>() <= static_cast<uint64_t>(high) &&
                                         v.get<uint64_t>() >= static_cast<uint64_t>(low < 0 ? 0 : low)
                                   : v.get<int64_t>() >= low && v.get<int64_t>() <= high;
  if (!in) {
    out.add(local_code::bad_value, Severity::error, ptr,
        field + " is " + excerpt(v) + "; it must be " + range + " (" + meaning_en + ")",
        field + " 为 " + excerpt(v) + ",应为 " + range_zh + "(" + meaning_zh + ")");
  }
}

void android_info(Issues& out, const std::string& ptr, const Json& info) {
  for (const auto& [key, value] : info.items()) {
    std::string kptr = ptr + "/" + json_pointer_token(key);
    std::string field = "AndroidInfo." + key;
    if (key == "Sound" || key == "HuaWeiChannelID" || key == "XiaoMiChannelID" ||
        key == "OPPOChannelID" || key == "GoogleChannelID" || key == "HuaWeiCategory") {
      string_field(out, kptr, field, value);
    } else if (key == "VIVOClassification") {
      choice_field(out, kptr, field, value, 0, 1, "0 marketing, 1 system", "0 运营消息,1 系统消息");
    } else if (key == "ExtAsHuaweiIntentParam") {
      choice_field(out, kptr, field, value, 0, 1, "1 Ext as intent parameter, 0 as action parameter",
                   "1 Ext 作为 Intent 参数,0 作为 Action 参数");
    } else if (key == "HuaWeiImportance") {
      if (const std::string* text = string_field(out, kptr, field, value)) {
        if (*text != "LOW" && *text != "NORMAL") {
          out.add(local_code::bad_value, Severity::error, kptr,
              field + " is " + excerpt(value) + "; it must be \"LOW\" or \"NORMAL\"",
              field + " 为 " + excerpt(value) + ",应为 \"LOW\" 或 \"NORMAL\"");
        }
      }
    }
    // Newer vendor fields (PushStyle, HonorImportance, ...) are unverified: passed through.
  }
}

void apns_info(Issues& out, const std::string& ptr, const Json& info) {
  for (const auto& [key, value] : info.items()) {
    std::string kptr = ptr + "/" + json_pointer_token(key);
    std::string field = "ApnsInfo." + key;
    if (key == "Sound" || key == "Title" || key == "SubTitle" || key == "Image") {
      string_field(out, kptr, field, value);
    } else if (key == "BadgeMode") {
      choice_field(out, kptr, field, value, 0, 1, "0 count the badge, 1 keep it",
                   "0 角标计数,1 角标不变");
    } else if (key == "MutableContent") {
      choice_field(out, kptr, field, value, 0, 1, "1 lets a notification extension change it",
                   "1 允许通知扩展修改内容");
    }
  }
}

}  // namespace

void offline_push_info(Issues& out, const std::string& ptr, const Json& info) {
  const std::string* desc = nullptr;
  const std::string* ext = nullptr;
  bool online_only = false;
  std::string ext_ptr = ptr + "/Ext";
  for (const auto& [key, value] : info.items()) {
    std::string kptr = ptr + "/" + json_pointer_token(key);
    if (key == "PushFlag") {
      choice_field(out, kptr, "PushFlag", value, 0, 1, "0 offline push too, 1 online only",
                   "0 同时离线推送,1 仅在线推送");
      online_only = is_integer(value) && value == 1;
    } else if (key == "Title") {
      string_field(out, kptr, "Title", value);
    } else if (key == "Desc") {
      desc = string_field(out, kptr, "Desc", value);
    } else if (key == "Ext") {
      ext = string_field(out, kptr, "Ext", value);
      if (ext && !ext->empty() && !read_json(*ext, validation_limits).ok()) {
        out.add(local_code::ext_not_json, Severity::warning, kptr,
            "Ext is not JSON text; some vendors drop a push whose Ext is not JSON",
            "Ext 不是 JSON 文本;部分厂商通道会丢弃 Ext 不是 JSON 的推送");
      }
    } else if (key == "AndroidInfo") {
      if (value.is_object()) android_info(out, kptr, value);
      else out.wrong_type(kptr, "AndroidInfo", value, "an object", "对象");
    } else if (key == "ApnsInfo") {
      if (value.is_object()) apns_info(out, kptr, value);
      else out.wrong_type(kptr, "ApnsInfo", value, "an object", "对象");
    }
  }
  size_t payload = (desc ? desc->size() : 0) + (ext ? ext->size() : 0);
  if (payload > apns_payload_warn_bytes) {
    out.add(local_code::payload_too_big_for_apns, Severity::warning, ptr,
        "Desc and Ext together are " + num(payload) + " bytes; keep them under " +
            num(apns_payload_warn_bytes) + " (APNs packets are 4 KB) or the text may be cut",
        "Desc 与 Ext 合计 " + num(payload) + " 字节;建议不超过 " + num(apns_payload_warn_bytes) +
            " 字节(APNs 包上限 4KB),否则可能被截断");
  }
  bool has_desc_text = desc && !desc->empty();
  if (!online_only && !has_desc_text && !(info.contains("Desc") && !desc)) {
    out.add(local_code::desc_missing, Severity::warning, ptr + "/Desc",
        "Desc is missing or empty while PushFlag is 0 (offline push): offline users get no "
        "notification",
        "PushFlag 为 0(离线推送)但 Desc 缺失或为空:离线用户不会收到通知");
  }
}

}  // namespace timpush::core::validation_detail
