// Finding a field's explanation and saying it (explain.h); the texts are in explain_table.cpp.
#include "core/explain.h"

#include "core/device_preview.h"
#include "core/error_catalog.h"

namespace timpush::core {
namespace {

// The codes the service has no number for, in a line each (validation.h local_code, device_preview.h
// device_code); their full messages are the validator's and the preview's.
struct LocalCode {
  int code;
  Phrase meaning;
};
constexpr LocalCode local_codes[] = {
    {1, {"DataId is over 64 bytes.", "DataId 超过 64 字节。"}},
    {2, {"An attribute value is over 50 bytes.", "属性取值超过 50 字节。"}},
    {3, {"Ext is not JSON text (warning).", "Ext 不是 JSON 文本（警告）。"}},
    {4, {"Desc and Ext together are over 3 KB (warning).", "Desc 与 Ext 合计超过 3 KB（警告）。"}},
    {5, {"No Desc while pushing offline: no notification (warning).", "离线推送却没有 Desc：不会有通知（警告）。"}},
    {6, {"The push reaches every user (warning).", "推送将到达全部用户（警告）。"}},
    {7, {"The value has the wrong JSON type.", "取值的 JSON 类型不对。"}},
    {8, {"The value is not one of the documented ones.", "取值不在文档列出的范围内。"}},
    {21, {"Over a vendor's title limit: that channel refuses it.", "超过厂商的标题上限：该通道拒收。"}},
    {22, {"Over a vendor's body limit: that channel refuses it.", "超过厂商的正文上限：该通道拒收。"}},
    {23, {"Over a soft limit: may be cut on the device.", "超过参考上限：设备上可能被截断。"}},
    {24, {"A channel's payload is over 4096 bytes: refused.", "通道载荷超过 4096 字节：被拒收。"}},
    {25, {"A channel's payload is near its limit.", "通道载荷接近上限。"}},
    {26, {"No channel ID: nothing is shown on Android 8 and later.", "缺少通道 ID：安卓 8 及以上不展示。"}},
    {27, {"A marketing class: delivered silently, shade only.", "营销类：静默送达，仅通知栏。"}},
    {28, {"An image this platform does not show.", "该平台不显示的图片。"}},
    {29, {"An image URL that is not public HTTPS.", "图片地址不是公网 HTTPS。"}},
    {30, {"Text vendors filter as a test.", "会被厂商当作测试而过滤的文本。"}},
    {31, {"Title equals Desc (Huawei's rules forbid it).", "标题与正文相同（华为规则禁止）。"}},
    {32, {"Ext over Tencent's advised 1 KB.", "Ext 超过腾讯建议的 1 KB。"}},
    {33, {"A vendor needs a title that is not blank.", "厂商要求标题非空。"}},
    {34, {"vivo shows operational messages 07:00-23:00 only.", "vivo 仅在 07:00-23:00 展示运营消息。"}},
};

constexpr Phrase section_names[] = {
    {"", ""},
    {"Raw JSON, or the whole form", "原始 JSON，或整个表单"},
    {"Form > Audience", "表单 > 推送对象"},
    {"Form > Audience > Tags", "表单 > 推送对象 > 标签"},
    {"Form > Audience > Attributes", "表单 > 推送对象 > 属性"},
    {"Form > Message", "表单 > 消息"},
    {"Form > OfflinePushInfo", "表单 > OfflinePushInfo"},
    {"Form > OfflinePushInfo > AndroidInfo", "表单 > OfflinePushInfo > AndroidInfo"},
    {"Form > OfflinePushInfo > ApnsInfo", "表单 > OfflinePushInfo > ApnsInfo"},
    {"Form > Other top-level fields", "表单 > 其他顶层字段"},
    {"Credentials", "凭据"},
};

std::string_view last_token(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
}

}  // namespace

const FieldExplanation* explain(ExplainScope scope, std::string_view key) {
  for (const FieldExplanation& entry : explanations())
    if (entry.scope == scope && entry.key == key) return &entry;
  return nullptr;
}

const FieldExplanation* explain_body(std::string_view pointer) {
  if (const FieldExplanation* exact = explain(ExplainScope::body, pointer)) return exact;
  // An array item or an attribute name: its parent's "*" entry.
  size_t slash = pointer.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return nullptr;
  std::string pattern(pointer.substr(0, slash));
  pattern += "/*";
  return explain(ExplainScope::body, pattern);
}

const FieldExplanation* explain_query(std::string_view name) { return explain(ExplainScope::query, name); }
const FieldExplanation* explain_usersig(std::string_view name) { return explain(ExplainScope::usersig, name); }

Words code_meaning(int code) {
  if (const ErrorEntry* entry = find_error(code)) return entry->meaning;
  for (const LocalCode& local : local_codes)
    if (local.code == code) return local.meaning;
  return {};
}

Phrase section_name(FormSection section) { return section_names[static_cast<int>(section)]; }

std::string focus_id(const FieldExplanation& entry, std::string_view concrete_key) {
  if (entry.field == "-") return {};
  if (!entry.field.empty()) return std::string(entry.field);
  return std::string(concrete_key);
}

ExplanationText explanation_text(const FieldExplanation& entry, std::string_view concrete_key) {
  ExplanationText out;
  out.meaning = entry.meaning;
  for (int code : entry.codes) {
    if (code == 0) break;
    const std::string number = std::to_string(code);
    out.rules.push_back(Words{number + ": ", number + "："} + code_meaning(code));
  }
  if (entry.scope == ExplainScope::body) {
    const std::vector<Platform> readers = platforms_reading(concrete_key);
    for (size_t i = 0; i < readers.size(); ++i) {
      if (i) out.platforms += Words{", ", "、"};
      out.platforms += platform_name(readers[i]);
    }
  }
  if (entry.section != FormSection::none) {
    out.where = section_name(entry.section);
    // A body field is named by its own key under its section (an item by its list's key); the
    // whole body is the section itself.
    Words name;
    if (entry.scope == ExplainScope::body) {
      std::string_view key = concrete_key;
      if (entry.key.size() >= 2 && entry.key.substr(entry.key.size() - 2) == "/*") key = key.substr(0, key.rfind('/'));
      name = same(std::string(last_token(key)));
    } else if (entry.field == "?validity") {
      name = validity_field_name;
    } else if (entry.field == "?identifier") {
      name = identifier_field_name;
    } else {
      name = same(entry.field == "?sdkappid" ? "SDKAppID" : "UserSig");
    }
    if (!name.en.empty() && entry.section != FormSection::body) out.where += Words{" > ", " > "} + name;
  }
  return out;
}

}  // namespace timpush::core
