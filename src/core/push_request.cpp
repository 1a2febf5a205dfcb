#include "core/push_request.h"

#include <cstdint>
#include <initializer_list>
#include <limits>

namespace timpush::core {

namespace {

// Deep enough for any real request, shallow enough that copying and printing (both recursive
// in nlohmann) stay far from the stack's end, also in the browser build.
constexpr JsonLimits request_limits{512, 10000};

// ---- reading: a value of the wrong type is not taken into the typed member ----

bool read_string(const Json& value, std::optional<std::string>& out) {
  if (!value.is_string()) return false;
  out = value.get<std::string>();
  return true;
}

bool read_int(const Json& value, std::optional<int64_t>& out) {
  if (value.is_number_unsigned()) {
    auto u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return false;
    out = static_cast<int64_t>(u);
    return true;
  }
  if (value.is_number_integer()) {
    out = value.get<int64_t>();
    return true;
  }
  return false;
}

bool read_uint32(const Json& value, std::optional<uint32_t>& out) {
  std::optional<int64_t> wide;
  if (!read_int(value, wide) || *wide < 0 || *wide > int64_t{UINT32_MAX}) return false;
  out = static_cast<uint32_t>(*wide);
  return true;
}

bool read_tags(const Json& value, std::optional<std::vector<std::string>>& out) {
  if (!value.is_array()) return false;
  std::vector<std::string> tags;
  for (const auto& item : value) {
    if (!item.is_string()) return false;
    tags.push_back(item.get<std::string>());
  }
  out = std::move(tags);
  return true;
}

bool read_attrs(const Json& value, std::optional<AttributeMap>& out) {
  if (!value.is_object()) return false;
  AttributeMap attrs;
  for (const auto& [name, item] : value.items()) {
    if (!item.is_string()) return false;
    attrs.emplace_back(name, item.get<std::string>());
  }
  out = std::move(attrs);
  return true;
}

AndroidInfo read_android(const Json& object) {
  AndroidInfo info;
  for (const auto& [key, value] : object.items()) {
    bool taken = false;
    if (key == "Sound") taken = read_string(value, info.sound);
    else if (key == "HuaWeiChannelID") taken = read_string(value, info.huawei_channel_id);
    else if (key == "XiaoMiChannelID") taken = read_string(value, info.xiaomi_channel_id);
    else if (key == "OPPOChannelID") taken = read_string(value, info.oppo_channel_id);
    else if (key == "GoogleChannelID") taken = read_string(value, info.google_channel_id);
    else if (key == "VIVOClassification") taken = read_int(value, info.vivo_classification);
    else if (key == "HuaWeiImportance") taken = read_string(value, info.huawei_importance);
    else if (key == "ExtAsHuaweiIntentParam") taken = read_int(value, info.ext_as_huawei_intent_param);
    else if (key == "HuaWeiCategory") taken = read_string(value, info.huawei_category);
    if (!taken) info.extra[key] = value;
  }
  return info;
}

ApnsInfo read_apns(const Json& object) {
  ApnsInfo info;
  for (const auto& [key, value] : object.items()) {
    bool taken = false;
    if (key == "Sound") taken = read_string(value, info.sound);
    else if (key == "BadgeMode") taken = read_int(value, info.badge_mode);
    else if (key == "Title") taken = read_string(value, info.title);
    else if (key == "SubTitle") taken = read_string(value, info.sub_title);
    else if (key == "Image") taken = read_string(value, info.image);
    else if (key == "MutableContent") taken = read_int(value, info.mutable_content);
    if (!taken) info.extra[key] = value;
  }
  return info;
}

OfflinePushInfo read_offline(const Json& object) {
  OfflinePushInfo info;
  for (const auto& [key, value] : object.items()) {
    bool taken = false;
    if (key == "PushFlag") taken = read_int(value, info.push_flag);
    else if (key == "Title") taken = read_string(value, info.title);
    else if (key == "Desc") taken = read_string(value, info.desc);
    else if (key == "Ext") taken = read_string(value, info.ext);
    else if (key == "AndroidInfo" && value.is_object()) {
      info.android_info = read_android(value);
      taken = true;
    } else if (key == "ApnsInfo" && value.is_object()) {
      info.apns_info = read_apns(value);
      taken = true;
    }
    if (!taken) info.extra[key] = value;
  }
  return info;
}

Condition read_condition(const Json& object) {
  Condition condition;
  for (const auto& [key, value] : object.items()) {
    bool taken = false;
    if (key == "TagsAnd") taken = read_tags(value, condition.tags_and);
    else if (key == "TagsOr") taken = read_tags(value, condition.tags_or);
    else if (key == "TagsNot") taken = read_tags(value, condition.tags_not);
    else if (key == "AttrsAnd") taken = read_attrs(value, condition.attrs_and);
    else if (key == "AttrsOr") taken = read_attrs(value, condition.attrs_or);
    if (!taken) condition.extra[key] = value;
  }
  return condition;
}

// ---- writing: documented fields in the docs' order, then the unknown ones as they came ----

// Puts `key` from the typed member, or else the verbatim value kept in `extra` under that name
// (a field of the wrong type keeps its place in the docs' order).
template <typename T>
void put(Json& out, const char* key, const std::optional<T>& typed, const Json& extra) {
  if (typed) {
    out[key] = *typed;
  } else if (extra.is_object() && extra.contains(key)) {
    out[key] = extra.at(key);
  }
}

void put_json(Json& out, const char* key, std::optional<Json> typed, const Json& extra) {
  put(out, key, typed, extra);
}

void put_unknown(Json& out, const Json& extra) {
  if (!extra.is_object()) return;
  for (const auto& [key, value] : extra.items()) {
    if (!out.contains(key)) out[key] = value;
  }
}

Json tags_json(const std::vector<std::string>& tags) {
  Json array = Json::array();
  for (const auto& tag : tags) array.push_back(tag);
  return array;
}

Json attrs_json(const AttributeMap& attrs) {
  Json object = Json::object();
  for (const auto& [name, value] : attrs) object[name] = value;
  return object;
}

Json android_json(const AndroidInfo& info) {
  Json out = Json::object();
  put(out, "Sound", info.sound, info.extra);
  put(out, "HuaWeiChannelID", info.huawei_channel_id, info.extra);
  put(out, "XiaoMiChannelID", info.xiaomi_channel_id, info.extra);
  put(out, "OPPOChannelID", info.oppo_channel_id, info.extra);
  put(out, "GoogleChannelID", info.google_channel_id, info.extra);
  put(out, "VIVOClassification", info.vivo_classification, info.extra);
  put(out, "HuaWeiImportance", info.huawei_importance, info.extra);
  put(out, "ExtAsHuaweiIntentParam", info.ext_as_huawei_intent_param, info.extra);
  put(out, "HuaWeiCategory", info.huawei_category, info.extra);
  put_unknown(out, info.extra);
  return out;
}

Json apns_json(const ApnsInfo& info) {
  Json out = Json::object();
  put(out, "Sound", info.sound, info.extra);
  put(out, "BadgeMode", info.badge_mode, info.extra);
  put(out, "Title", info.title, info.extra);
  put(out, "SubTitle", info.sub_title, info.extra);
  put(out, "Image", info.image, info.extra);
  put(out, "MutableContent", info.mutable_content, info.extra);
  put_unknown(out, info.extra);
  return out;
}

Json offline_json(const OfflinePushInfo& info) {
  Json out = Json::object();
  put(out, "PushFlag", info.push_flag, info.extra);
  put(out, "Title", info.title, info.extra);
  put(out, "Desc", info.desc, info.extra);
  put(out, "Ext", info.ext, info.extra);
  put_json(out, "AndroidInfo",
           info.android_info ? std::optional<Json>(android_json(*info.android_info)) : std::nullopt,
           info.extra);
  put_json(out, "ApnsInfo",
           info.apns_info ? std::optional<Json>(apns_json(*info.apns_info)) : std::nullopt,
           info.extra);
  put_unknown(out, info.extra);
  return out;
}

Json condition_json(const Condition& condition) {
  Json out = Json::object();
  auto tags = [](const std::optional<std::vector<std::string>>& list) {
    return list ? std::optional<Json>(tags_json(*list)) : std::nullopt;
  };
  auto attrs = [](const std::optional<AttributeMap>& map) {
    return map ? std::optional<Json>(attrs_json(*map)) : std::nullopt;
  };
  put_json(out, "TagsAnd", tags(condition.tags_and), condition.extra);
  put_json(out, "TagsOr", tags(condition.tags_or), condition.extra);
  put_json(out, "TagsNot", tags(condition.tags_not), condition.extra);
  put_json(out, "AttrsAnd", attrs(condition.attrs_and), condition.extra);
  put_json(out, "AttrsOr", attrs(condition.attrs_or), condition.extra);
  put_unknown(out, condition.extra);
  return out;
}

std::string dump(const Json& document, int indent) {
  // Not ASCII-escaped: the server counts the UTF-8 bytes against its 10 K limit, and \u escapes
  // would triple the size of Chinese text. Invalid UTF-8 typed into the model becomes U+FFFD
  // instead of an exception.
  return document.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

Json to_json(const PushRequest& request) {
  Json out = Json::object();
  put(out, "From_Account", request.from_account, request.extra);
  put(out, "MsgRandom", request.msg_random, request.extra);
  put_json(out, "Condition",
           request.condition ? std::optional<Json>(condition_json(*request.condition)) : std::nullopt,
           request.extra);
  put_json(out, "OfflinePushInfo",
           request.offline_push_info
               ? std::optional<Json>(offline_json(*request.offline_push_info))
               : std::nullopt,
           request.extra);
  put(out, "DataId", request.data_id, request.extra);
  put_unknown(out, request.extra);
  return out;
}

ParsedRequest parse_push_request(std::string_view body) {
  ParsedRequest parsed;
  JsonReadResult read = read_json(body, request_limits);
  switch (read.failure) {
    case JsonReadResult::Failure::none:
      break;
    case JsonReadResult::Failure::syntax: {
      TextPosition at = text_position(body, read.error_offset);
      std::string line = std::to_string(at.line), column = std::to_string(at.column);
      parsed.error = {"not valid JSON (line " + line + ", column " + column + ")",
                      "不是合法 JSON(第 " + line + " 行第 " + column + " 列)"};
      return parsed;
    }
    case JsonReadResult::Failure::too_deep:
      parsed.error = {"JSON nested deeper than " + std::to_string(request_limits.max_depth) + " levels",
                      "JSON 嵌套超过 " + std::to_string(request_limits.max_depth) + " 层"};
      return parsed;
    case JsonReadResult::Failure::too_many_members:
      parsed.error = {"a JSON object with more than " + std::to_string(request_limits.max_object_members) +
                          " members",
                      "某个 JSON 对象的成员超过 " + std::to_string(request_limits.max_object_members) + " 个"};
      return parsed;
  }
  const Json& document = read.value;
  if (!document.is_object()) {
    parsed.error = {"the body is JSON but not an object ({...})", "请求体是 JSON,但不是对象({...})"};
    return parsed;
  }
  PushRequest request;
  for (const auto& [key, value] : document.items()) {
    bool taken = false;
    if (key == "From_Account") taken = read_string(value, request.from_account);
    else if (key == "MsgRandom") taken = read_uint32(value, request.msg_random);
    else if (key == "Condition" && value.is_object()) {
      request.condition = read_condition(value);
      taken = true;
    } else if (key == "OfflinePushInfo" && value.is_object()) {
      request.offline_push_info = read_offline(value);
      taken = true;
    } else if (key == "DataId") taken = read_string(value, request.data_id);
    if (!taken) request.extra[key] = value;
  }
  parsed.request = std::move(request);
  return parsed;
}

std::string serialize_body(const PushRequest& request) { return dump_body(to_json(request)); }

std::string serialize_pretty(const PushRequest& request) { return dump_pretty(to_json(request)); }

std::string dump_body(const Json& document) { return dump(document, -1); }

std::string dump_pretty(const Json& document) { return dump(document, 2); }

}  // namespace timpush::core
