// The body of POST v4/timpush/push as a typed model, to and from JSON (reference.md sections 2, 3).
// Pure data: no I/O, no clock, no ImGui. Fields the model does not know are kept in `extra`
// members, so a request written against newer docs survives a round trip unchanged.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/words.h"

namespace timpush::core {

struct AndroidInfo {
  std::optional<std::string> sound;                   // Sound
  std::optional<std::string> huawei_channel_id;       // HuaWeiChannelID
  std::optional<std::string> xiaomi_channel_id;       // XiaoMiChannelID
  std::optional<std::string> oppo_channel_id;         // OPPOChannelID
  std::optional<std::string> google_channel_id;       // GoogleChannelID
  std::optional<int64_t> vivo_classification;         // VIVOClassification: 0 marketing, 1 system
  std::optional<std::string> huawei_importance;       // HuaWeiImportance: LOW | NORMAL
  std::optional<int64_t> ext_as_huawei_intent_param;  // ExtAsHuaweiIntentParam: 1 intent, 0 action
  std::optional<std::string> huawei_category;         // HuaWeiCategory
  Json extra = Json::object();  // newer vendor fields (PushStyle, HonorImportance, ...), kept verbatim
};

struct ApnsInfo {
  std::optional<std::string> sound;         // Sound
  std::optional<int64_t> badge_mode;        // BadgeMode: 0 count, 1 keep
  std::optional<std::string> title;         // Title
  std::optional<std::string> sub_title;     // SubTitle
  std::optional<std::string> image;         // Image
  std::optional<int64_t> mutable_content;   // MutableContent: 0 | 1
  Json extra = Json::object();
};

struct OfflinePushInfo {
  std::optional<int64_t> push_flag;  // PushFlag: 0 offline too (default), 1 online only
  std::optional<std::string> title;  // Title
  std::optional<std::string> desc;   // Desc
  std::optional<std::string> ext;    // Ext: passthrough, should itself be JSON text
  std::optional<AndroidInfo> android_info;
  std::optional<ApnsInfo> apns_info;
  Json extra = Json::object();
};

// Tag lists keep their order; attribute maps keep the order the user gave them in.
using AttributeMap = std::vector<std::pair<std::string, std::string>>;

struct Condition {
  std::optional<std::vector<std::string>> tags_and;  // TagsAnd
  std::optional<std::vector<std::string>> tags_or;   // TagsOr
  std::optional<std::vector<std::string>> tags_not;  // TagsNot (English docs only; passed through)
  std::optional<AttributeMap> attrs_and;             // AttrsAnd
  std::optional<AttributeMap> attrs_or;              // AttrsOr
  Json extra = Json::object();
};

struct PushRequest {
  std::optional<std::string> from_account;  // From_Account
  std::optional<uint32_t> msg_random;       // MsgRandom (required by the server)
  std::optional<Condition> condition;       // absent: every user
  std::optional<OfflinePushInfo> offline_push_info;
  std::optional<std::string> data_id;       // DataId, <= 64 bytes
  Json extra = Json::object();              // unknown top-level fields, kept verbatim
};

// Fields in the docs' order, then the unknown ones in the order they came.
Json to_json(const PushRequest& request);

// Reads a body. Fails (with a message) only when the text is not a JSON object; fields of the
// wrong type are not errors here: they stay in `extra` under their own name so nothing is lost
// and the validator, which reads the raw JSON, reports them with the server's code.
// Also refused, to keep a hostile paste cheap: nesting deeper than 512 levels, or an object of
// more than 10000 members (both far beyond what fits in the server's 10 K).
struct ParsedRequest {
  std::optional<PushRequest> request;
  Words error;  // empty on success
};
ParsedRequest parse_push_request(std::string_view body);

// The exact bytes that are signed and sent: compact, UTF-8, docs' field order.
std::string serialize_body(const PushRequest& request);
// The same document indented by 2, for people.
std::string serialize_pretty(const PushRequest& request);
// The same two texts of a document to_json already made, for a caller that needs both and the
// document too (the composer: one to_json per edit).
std::string dump_body(const Json& document);
std::string dump_pretty(const Json& document);

}  // namespace timpush::core
