#include "core/error_catalog.h"

#include <algorithm>
#include <string>

namespace timpush::core {

namespace {

// Meanings of the 90xxx codes follow the push API's own document (push-api.zh.txt); the others
// follow the common REST error code page, as summarised in reference.md section 4.
const std::vector<ErrorEntry> table = {
    {60002, "HTTP 解析错误:请求 URL 无法解析。", "HTTP parse error: the request URL could not be parsed.",
     "检查 URL 的格式和查询参数(usersig、identifier、sdkappid、random、contenttype)。",
     "Check the URL and its query parameters (usersig, identifier, sdkappid, random, contenttype)."},
    {60003, "HTTP 请求的包体不是合法的 JSON。", "The HTTP request body is not valid JSON.",
     "修正请求体,使其符合 JSON 规范。", "Fix the body so it is valid JSON."},
    {60004, "请求 URL 或包体中的账号或签名有误。", "The account or the signature (UserSig) in the request is wrong.",
     "用 App 管理员账号重新生成 UserSig,并确认 identifier 与之一致。",
     "Regenerate the UserSig for the admin account named in identifier."},
    {60005, "UserSig 与 identifier 不匹配或签名有误。", "The UserSig does not match the identifier, or the signature is wrong.",
     "为 URL 中的 identifier 重新生成 UserSig。", "Regenerate the UserSig for the identifier in the URL."},
    {60006, "SDKAppID 无效。", "The SDKAppID is invalid.",
     "核对 SDKAppID,并确认请求发往该应用所在地区的域名。",
     "Check the SDKAppID and that the request goes to its region's host."},
    {60007, "REST 接口调用频率超过限制。", "REST API calls are over the rate limit.",
     "降低调用频率后再试。", "Slow down and retry later."},
    {60008, "服务请求超时或 HTTP 请求格式错误。", "The request timed out or the HTTP request is malformed.",
     "使用相同的 MsgRandom 重试(同一任务不会重复推送)。",
     "Retry with the same MsgRandom (the same task is not pushed twice)."},
    {60009, "请求资源路径错误。", "The resource path of the request is wrong.",
     "检查路径是否为 v4/timpush/push。", "Check the path (v4/timpush/push)."},
    {60010, "请求需要 App 管理员权限。", "The request needs the App admin.",
     "identifier 使用 App 管理员账号。", "Put an App admin account in identifier."},
    {60011, "单个应用的调用频率超过限制。", "Calls of this app are over the rate limit.",
     "降低调用频率后再试。", "Slow down and retry later."},
    {60012, "REST 接口缺少 SDKAppID。", "The request has no SDKAppID.",
     "在 URL 中加上 sdkappid 参数。", "Add the sdkappid query parameter."},
    {60013, "HTTP 应答包 JSON 解析错误。", "The JSON of the HTTP answer could not be parsed.",
     "稍后重试。", "Retry later."},
    {60015, "请求包体中账号字段类型错误,应为字符串。", "An account field of the body has the wrong type: it must be a string.",
     "把账号写成带引号的字符串。", "Write the account as a quoted string."},
    {60016, "应用已被禁用。", "The app has been disabled.",
     "联系腾讯云客服。", "Contact Tencent Cloud support."},
    {60017, "请求被禁用。", "The request has been disabled.",
     "联系腾讯云客服。", "Contact Tencent Cloud support."},
    {60018, "请求过于频繁。", "Too many requests.",
     "降低调用频率后再试。", "Slow down and retry later."},
    {60019, "请求过于频繁。", "Too many requests.",
     "降低调用频率后再试。", "Slow down and retry later."},
    {60020, "套餐包已过期或尚未生效。", "The package has expired or is not active yet.",
     "检查计费状态;购买或续费后等待 5 分钟生效。",
     "Check billing; after buying or renewing, wait 5 minutes."},
    {60021, "调用方 IP 不在 IP 白名单内。", "The caller's IP address is not on the allow-list.",
     "从允许的网络调用,或在控制台添加该 IP。",
     "Call from a permitted network, or add the IP in the console."},
    {70001, "UserSig 已过期。", "The UserSig has expired.",
     "重新生成 UserSig,并检查本机时钟是否准确。", "Regenerate the UserSig and check the clock."},
    {70002, "UserSig 为空。", "The UserSig is empty.", "填写 UserSig。", "Fill in the UserSig."},
    {70003, "UserSig 格式错误。", "The UserSig is malformed.",
     "重新生成 UserSig;放进 URL 时保持 *、-、_ 不变。",
     "Regenerate it; keep *, - and _ intact in the URL."},
    {70005, "UserSig 格式错误或被截断。", "The UserSig is malformed or truncated.",
     "重新生成 UserSig;放进 URL 时保持 *、-、_ 不变。",
     "Regenerate it; keep *, - and _ intact in the URL."},
    {70009, "UserSig 验证失败:签名所用的密钥不是本应用的。", "The UserSig was signed with a key that is not this app's.",
     "使用该 SDKAppID 的密钥重新生成。", "Sign with this SDKAppID's key."},
    {70013, "URL 中的 identifier 与 UserSig 中的不一致。", "The identifier in the URL differs from the UserSig's.",
     "为 URL 中的 identifier 生成 UserSig。", "Sign for the identifier in the URL."},
    {70014, "URL 中的 SDKAppID 与 UserSig 中的不一致。", "The SDKAppID in the URL differs from the UserSig's.",
     "为该 SDKAppID 生成 UserSig。", "Sign for this SDKAppID."},
    {70016, "未找到该应用的验证密钥。", "No key was found for this app here.",
     "通常是地区域名不对:改用 SDKAppID 所在地区的域名。",
     "Usually the wrong region host: use the host of the SDKAppID's region."},
    {70020, "SDKAppID 未找到。", "The SDKAppID was not found here.",
     "通常是地区域名不对:改用 SDKAppID 所在地区的域名。",
     "Usually the wrong region host: use the host of the SDKAppID's region."},
    {70050, "UserSig 验证失败次数过多,已被暂时限制。", "Too many failed UserSig checks: calls are blocked for a while.",
     "停止重试,1 分钟后再用正确的 UserSig 调用。",
     "Stop retrying; wait 1 minute, then call with a correct UserSig."},
    {70052, "UserSig 已失效。", "The UserSig has been invalidated.",
     "重新生成 UserSig。", "Regenerate the UserSig."},
    {70107, "账号不存在。", "The account does not exist.",
     "先导入该账号。", "Import the account first."},
    {70169, "服务端内部超时。", "Internal timeout of the server.",
     "稍后重试。", "Retry later."},
    {70202, "服务端内部超时。", "Internal timeout of the server.",
     "稍后重试。", "Retry later."},
    {70398, "账号数超过当前套餐上限。", "More accounts than the edition allows.",
     "升级套餐。", "Upgrade the edition."},
    {70402, "参数无效。", "Invalid parameters.",
     "检查必填字段是否齐全、类型是否正确。", "Check that required fields are present and of the right type."},
    {70403, "请求需要 App 管理员权限。", "The request needs the App admin.",
     "identifier 使用 App 管理员账号。", "Put an App admin account in identifier."},
    {70500, "服务端内部错误。", "Internal error of the server.",
     "稍后重试。", "Retry later."},
    {80001, "文本未通过内容安全审核。", "The text failed the content security check.",
     "修改推送文本。", "Edit the text."},
    {80002, "消息内容超过 8KB。", "The message content is over 8 KB.",
     "缩短内容。", "Shorten the content."},
    {90001, "请求包不是合法的 JSON,无法解析。", "The request body is not valid JSON.",
     "按 JSON 规范修正请求体(去掉注释、末尾逗号,使用英文双引号)。",
     "Fix the body to valid JSON (no comments or trailing commas; ASCII double quotes)."},
    {90005, "请求包缺少 MsgRandom,或 MsgRandom 不是整数。", "MsgRandom is missing or not an integer.",
     "填写 0 到 4294967295 之间的整数,不加引号、不带小数点。",
     "Give an integer from 0 to 4294967295, without quotes or a decimal point."},
    {90009, "该请求只有 App 管理员才能发起。", "Only the App admin may make this request.",
     "identifier 使用 App 管理员账号,并为其生成 UserSig。",
     "Use an App admin account as identifier, with its UserSig."},
    {90018, "请求中的账号数量超过上限。", "The request names too many accounts.",
     "减少账号数量(批量推送每次 1 到 500 个)。", "Name fewer accounts (batch push: 1 to 500 a call)."},
    {90020, "某个标签超过 50 字节的长度上限。", "A tag is longer than 50 bytes.",
     "把标签缩短到 50 字节(UTF-8)以内,一个汉字占 3 字节。",
     "Shorten the tag to 50 bytes of UTF-8; a Chinese character takes 3."},
    {90022, "TagsOr 与 TagsAnd 中出现了相同的标签。", "The same tag is in both TagsOr and TagsAnd.",
     "从其中一个列表中删除重复的标签。", "Remove the tag from one of the two lists."},
    {90024, "两次推送的间隔不足 1 秒。", "Two pushes came less than 1 second apart.",
     "间隔 1 秒以上再推送。", "Wait more than 1 second between pushes."},
    {90026, "离线消息的存储时间设置错误。", "The offline storage time is invalid.",
     "检查离线存储时间的设置。", "Check the offline storage time."},
    {90032, "一个推送条件中的标签超过 10 个,或一次添加标签的请求超过 10 个标签。",
     "More than 10 tags in one condition, or in one add-tag request.",
     "每个条件(TagsAnd、TagsOr、TagsNot)最多 10 个标签。",
     "Use at most 10 tags per condition (TagsAnd, TagsOr, TagsNot)."},
    {90033, "属性无效,例如属性名未设置过。", "An attribute is invalid, e.g. its name was never set.",
     "先用 set_attr_name 设置属性名,再按属性推送。",
     "Set the attribute names with set_attr_name first."},
    {90035, "该属性只适用于一种账号类型。", "The attribute applies to one account type only.",
     "检查属性与账号类型是否匹配。", "Check that the attribute fits the account type."},
    {90039, "推送条件中同时使用了属性和标签。", "Tag and attribute conditions are used together.",
     "只按标签或只按属性推送(TagsAnd 与 TagsOr 可以同时用,AttrsAnd 与 AttrsOr 也可以)。",
     "Target by tags or by attributes, not both (TagsAnd with TagsOr is fine, as is AttrsAnd with AttrsOr)."},
    {90040, "推送条件中有一个标签是空字符串。", "A tag in the condition is empty.",
     "删除空标签,或填写 1 到 50 字节的标签。", "Remove the empty tag or give it 1 to 50 bytes."},
    {90045, "本应用尚未开通全员/标签推送。", "All-user/tag push is not enabled for this app.",
     "在即时通信控制台开通推送功能。", "Enable the push feature in the IM console."},
    {90047, "今天的推送次数已经用完(默认每天 100 次)。", "Today's push quota is used up (100 a day by default).",
     "明天再推送,或在控制台提高每日次数。", "Push tomorrow, or raise the daily quota in the console."},
    {90049, "撤回:找不到该 TaskId 对应的推送任务。", "Revoke: no push task has this TaskId.",
     "核对 TaskId(推送成功时的应答里给出)。", "Check the TaskId (given in the push's answer)."},
    {90050, "撤回:该任务已撤回过,不能重复撤回。", "Revoke: this task was already revoked.",
     "无需再次撤回。", "Nothing to do: it is already revoked."},
    {90051, "撤回过于频繁,每秒最多 1 次。", "Revoke: more than 1 revoke a second.",
     "间隔 1 秒以上再撤回。", "Wait a second between revokes."},
    {90052, "撤回:推送已超过 24 小时,不能再撤回。", "Revoke: the push is more than 24 hours old.",
     "只能撤回 24 小时以内的推送。", "Only pushes of the last 24 hours can be revoked."},
    {90053, "撤回请求缺少 OfflinePushInfo。", "Revoke: the request has no OfflinePushInfo.",
     "在撤回请求中加上 OfflinePushInfo。", "Add OfflinePushInfo to the revoke request."},
    {90056, "全员推送的请求体过大,最大支持 10K。", "The push body is larger than 10 K (10240 bytes).",
     "缩短文本或 Ext,使请求体不超过 10240 字节。", "Shorten the text or Ext to 10240 bytes or less."},
    {91000, "服务内部错误。", "Internal error of the service.",
     "使用相同的 MsgRandom 重试。", "Retry with the same MsgRandom."},
};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool contains_folded(std::string_view haystack, const std::string& folded_needle) {
  return lower_ascii(haystack).find(folded_needle) != std::string::npos;
}

}  // namespace

const std::vector<ErrorEntry>& error_catalog() { return table; }

const ErrorEntry* find_error(int code) {
  auto it = std::lower_bound(table.begin(), table.end(), code,
                             [](const ErrorEntry& e, int c) { return e.code < c; });
  if (it == table.end() || it->code != code) return nullptr;
  return &*it;
}

std::vector<const ErrorEntry*> search_errors(std::string_view word) {
  // Surrounding blanks come from copy and paste, never from intent.
  size_t first = word.find_first_not_of(" \t\r\n");
  size_t last = word.find_last_not_of(" \t\r\n");
  std::string needle =
      first == std::string_view::npos ? std::string() : lower_ascii(word.substr(first, last - first + 1));
  std::vector<const ErrorEntry*> found;
  for (const auto& entry : table) {
    if (std::to_string(entry.code).find(needle) != std::string::npos ||
        contains_folded(entry.meaning_en, needle) || contains_folded(entry.fix_en, needle) ||
        contains_folded(entry.meaning_zh, needle) || contains_folded(entry.fix_zh, needle)) {
      found.push_back(&entry);
    }
  }
  return found;
}

}  // namespace timpush::core
