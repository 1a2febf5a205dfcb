#include "core/error_catalog.h"

#include "core/text_util.h"

#include <algorithm>
#include <string>

namespace timpush::core {

namespace {

// Meanings of the 90xxx codes follow the push API's own document (push-api.zh.txt); the others
// follow the common REST error code page, as summarised in reference.md section 4.
const std::vector<ErrorEntry> table = {
    {60002, {"HTTP parse error: the request URL could not be parsed.", "HTTP 解析错误:请求 URL 无法解析。"},
     {"Check the URL and its query parameters (usersig, identifier, sdkappid, random, contenttype).",
     "检查 URL 的格式和查询参数(usersig、identifier、sdkappid、random、contenttype)。"}},
    {60003, {"The HTTP request body is not valid JSON.", "HTTP 请求的包体不是合法的 JSON。"},
     {"Fix the body so it is valid JSON.",
     "修正请求体,使其符合 JSON 规范。"}},
    {60004, {"The account or the signature (UserSig) in the request is wrong.", "请求 URL 或包体中的账号或签名有误。"},
     {"Regenerate the UserSig for the admin account named in identifier.",
     "用 App 管理员账号重新生成 UserSig,并确认 identifier 与之一致。"}},
    {60005, {"The UserSig does not match the identifier, or the signature is wrong.", "UserSig 与 identifier 不匹配或签名有误。"},
     {"Regenerate the UserSig for the identifier in the URL.",
     "为 URL 中的 identifier 重新生成 UserSig。"}},
    {60006, {"The SDKAppID is invalid.", "SDKAppID 无效。"},
     {"Check the SDKAppID and that the request goes to its region's host.",
     "核对 SDKAppID,并确认请求发往该应用所在地区的域名。"}},
    {60007, {"REST API calls are over the rate limit.", "REST 接口调用频率超过限制。"},
     {"Slow down and retry later.",
     "降低调用频率后再试。"}},
    {60008, {"The request timed out or the HTTP request is malformed.", "服务请求超时或 HTTP 请求格式错误。"},
     {"Retry with the same MsgRandom (the same task is not pushed twice).",
     "使用相同的 MsgRandom 重试(同一任务不会重复推送)。"}},
    {60009, {"The resource path of the request is wrong.", "请求资源路径错误。"},
     {"Check the path (v4/timpush/push).",
     "检查路径是否为 v4/timpush/push。"}},
    {60010, {"The request needs the App admin.", "请求需要 App 管理员权限。"},
     {"Put an App admin account in identifier.",
     "identifier 使用 App 管理员账号。"}},
    {60011, {"Calls of this app are over the rate limit.", "单个应用的调用频率超过限制。"},
     {"Slow down and retry later.",
     "降低调用频率后再试。"}},
    {60012, {"The request has no SDKAppID.", "REST 接口缺少 SDKAppID。"},
     {"Add the sdkappid query parameter.",
     "在 URL 中加上 sdkappid 参数。"}},
    {60013, {"The JSON of the HTTP answer could not be parsed.", "HTTP 应答包 JSON 解析错误。"},
     {"Retry later.",
     "稍后重试。"}},
    {60015, {"An account field of the body has the wrong type: it must be a string.", "请求包体中账号字段类型错误,应为字符串。"},
     {"Write the account as a quoted string.",
     "把账号写成带引号的字符串。"}},
    {60016, {"The app has been disabled.", "应用已被禁用。"},
     {"Contact Tencent Cloud support.",
     "联系腾讯云客服。"}},
    {60017, {"The request has been disabled.", "请求被禁用。"},
     {"Contact Tencent Cloud support.",
     "联系腾讯云客服。"}},
    {60018, {"Too many requests.", "请求过于频繁。"},
     {"Slow down and retry later.",
     "降低调用频率后再试。"}},
    {60019, {"Too many requests.", "请求过于频繁。"},
     {"Slow down and retry later.",
     "降低调用频率后再试。"}},
    {60020, {"The package has expired or is not active yet.", "套餐包已过期或尚未生效。"},
     {"Check billing; after buying or renewing, wait 5 minutes.",
     "检查计费状态;购买或续费后等待 5 分钟生效。"}},
    {60021, {"The caller's IP address is not on the allow-list.", "调用方 IP 不在 IP 白名单内。"},
     {"Call from a permitted network, or add the IP in the console.",
     "从允许的网络调用,或在控制台添加该 IP。"}},
    {70001, {"The UserSig has expired.", "UserSig 已过期。"},
     {"Regenerate the UserSig and check the clock.",
     "重新生成 UserSig,并检查本机时钟是否准确。"}},
    {70002, {"The UserSig is empty.", "UserSig 为空。"},
     {"Fill in the UserSig.", "填写 UserSig。"}},
    {70003, {"The UserSig is malformed.", "UserSig 格式错误。"},
     {"Regenerate it; keep *, - and _ intact in the URL.",
     "重新生成 UserSig;放进 URL 时保持 *、-、_ 不变。"}},
    {70005, {"The UserSig is malformed or truncated.", "UserSig 格式错误或被截断。"},
     {"Regenerate it; keep *, - and _ intact in the URL.",
     "重新生成 UserSig;放进 URL 时保持 *、-、_ 不变。"}},
    {70009, {"The UserSig was signed with a key that is not this app's.", "UserSig 验证失败:签名所用的密钥不是本应用的。"},
     {"Sign with this SDKAppID's key.",
     "使用该 SDKAppID 的密钥重新生成。"}},
    {70013, {"The identifier in the URL differs from the UserSig's.", "URL 中的 identifier 与 UserSig 中的不一致。"},
     {"Sign for the identifier in the URL.",
     "为 URL 中的 identifier 生成 UserSig。"}},
    {70014, {"The SDKAppID in the URL differs from the UserSig's.", "URL 中的 SDKAppID 与 UserSig 中的不一致。"},
     {"Sign for this SDKAppID.",
     "为该 SDKAppID 生成 UserSig。"}},
    {70016, {"No key was found for this app here.", "未找到该应用的验证密钥。"},
     {"Usually the wrong region host: use the host of the SDKAppID's region.",
     "通常是地区域名不对:改用 SDKAppID 所在地区的域名。"}},
    {70020, {"The SDKAppID was not found here.", "SDKAppID 未找到。"},
     {"Usually the wrong region host: use the host of the SDKAppID's region.",
     "通常是地区域名不对:改用 SDKAppID 所在地区的域名。"}},
    {70050, {"Too many failed UserSig checks: calls are blocked for a while.", "UserSig 验证失败次数过多,已被暂时限制。"},
     {"Stop retrying; wait 1 minute, then call with a correct UserSig.",
     "停止重试,1 分钟后再用正确的 UserSig 调用。"}},
    {70052, {"The UserSig has been invalidated.", "UserSig 已失效。"},
     {"Regenerate the UserSig.",
     "重新生成 UserSig。"}},
    {70107, {"The account does not exist.", "账号不存在。"},
     {"Import the account first.",
     "先导入该账号。"}},
    {70169, {"Internal timeout of the server.", "服务端内部超时。"},
     {"Retry later.",
     "稍后重试。"}},
    {70202, {"Internal timeout of the server.", "服务端内部超时。"},
     {"Retry later.",
     "稍后重试。"}},
    {70398, {"More accounts than the edition allows.", "账号数超过当前套餐上限。"},
     {"Upgrade the edition.",
     "升级套餐。"}},
    {70402, {"Invalid parameters.", "参数无效。"},
     {"Check that required fields are present and of the right type.",
     "检查必填字段是否齐全、类型是否正确。"}},
    {70403, {"The request needs the App admin.", "请求需要 App 管理员权限。"},
     {"Put an App admin account in identifier.",
     "identifier 使用 App 管理员账号。"}},
    {70500, {"Internal error of the server.", "服务端内部错误。"},
     {"Retry later.",
     "稍后重试。"}},
    {80001, {"The text failed the content security check.", "文本未通过内容安全审核。"},
     {"Edit the text.",
     "修改推送文本。"}},
    {80002, {"The message content is over 8 KB.", "消息内容超过 8KB。"},
     {"Shorten the content.",
     "缩短内容。"}},
    {90001, {"The request body is not valid JSON.", "请求包不是合法的 JSON,无法解析。"},
     {"Fix the body to valid JSON (no comments or trailing commas; ASCII double quotes).",
     "按 JSON 规范修正请求体(去掉注释、末尾逗号,使用英文双引号)。"}},
    {90005, {"MsgRandom is missing or not an integer.", "请求包缺少 MsgRandom,或 MsgRandom 不是整数。"},
     {"Give an integer from 0 to 4294967295, without quotes or a decimal point.",
     "填写 0 到 4294967295 之间的整数,不加引号、不带小数点。"}},
    {90009, {"Only the App admin may make this request.", "该请求只有 App 管理员才能发起。"},
     {"Use an App admin account as identifier, with its UserSig.",
     "identifier 使用 App 管理员账号,并为其生成 UserSig。"}},
    {90018, {"The request names too many accounts.", "请求中的账号数量超过上限。"},
     {"Name fewer accounts (batch push: 1 to 500 a call).",
     "减少账号数量(批量推送每次 1 到 500 个)。"}},
    {90020, {"A tag is longer than 50 bytes.", "某个标签超过 50 字节的长度上限。"},
     {"Shorten the tag to 50 bytes of UTF-8; a Chinese character takes 3.",
     "把标签缩短到 50 字节(UTF-8)以内,一个汉字占 3 字节。"}},
    {90022, {"The same tag is in both TagsOr and TagsAnd.", "TagsOr 与 TagsAnd 中出现了相同的标签。"},
     {"Remove the tag from one of the two lists.",
     "从其中一个列表中删除重复的标签。"}},
    {90024, {"Two pushes came less than 1 second apart.", "两次推送的间隔不足 1 秒。"},
     {"Wait more than 1 second between pushes.",
     "间隔 1 秒以上再推送。"}},
    {90026, {"The offline storage time is invalid.", "离线消息的存储时间设置错误。"},
     {"Check the offline storage time.",
     "检查离线存储时间的设置。"}},
    {90032, {"More than 10 tags in one condition, or in one add-tag request.", "一个推送条件中的标签超过 10 个,或一次添加标签的请求超过 10 个标签。"},
     {"Use at most 10 tags per condition (TagsAnd, TagsOr, TagsNot).",
     "每个条件(TagsAnd、TagsOr、TagsNot)最多 10 个标签。"}},
    {90033, {"An attribute is invalid, e.g. its name was never set.", "属性无效,例如属性名未设置过。"},
     {"Set the attribute names with set_attr_name first.",
     "先用 set_attr_name 设置属性名,再按属性推送。"}},
    {90035, {"The attribute applies to one account type only.", "该属性只适用于一种账号类型。"},
     {"Check that the attribute fits the account type.",
     "检查属性与账号类型是否匹配。"}},
    {90039, {"Tag and attribute conditions are used together.", "推送条件中同时使用了属性和标签。"},
     {"Target by tags or by attributes, not both (TagsAnd with TagsOr is fine, as is AttrsAnd with AttrsOr).",
     "只按标签或只按属性推送(TagsAnd 与 TagsOr 可以同时用,AttrsAnd 与 AttrsOr 也可以)。"}},
    {90040, {"A tag in the condition is empty.", "推送条件中有一个标签是空字符串。"},
     {"Remove the empty tag or give it 1 to 50 bytes.",
     "删除空标签,或填写 1 到 50 字节的标签。"}},
    {90045, {"All-user/tag push is not enabled for this app.", "本应用尚未开通全员/标签推送。"},
     {"Enable the push feature in the IM console.",
     "在即时通信控制台开通推送功能。"}},
    {90047, {"Today's push quota is used up (100 a day by default).", "今天的推送次数已经用完(默认每天 100 次)。"},
     {"Push tomorrow, or raise the daily quota in the console.",
     "明天再推送,或在控制台提高每日次数。"}},
    {90049, {"Revoke: no push task has this TaskId.", "撤回:找不到该 TaskId 对应的推送任务。"},
     {"Check the TaskId (given in the push's answer).",
     "核对 TaskId(推送成功时的应答里给出)。"}},
    {90050, {"Revoke: this task was already revoked.", "撤回:该任务已撤回过,不能重复撤回。"},
     {"Nothing to do: it is already revoked.",
     "无需再次撤回。"}},
    {90051, {"Revoke: more than 1 revoke a second.", "撤回过于频繁,每秒最多 1 次。"},
     {"Wait a second between revokes.",
     "间隔 1 秒以上再撤回。"}},
    {90052, {"Revoke: the push is more than 24 hours old.", "撤回:推送已超过 24 小时,不能再撤回。"},
     {"Only pushes of the last 24 hours can be revoked.",
     "只能撤回 24 小时以内的推送。"}},
    {90053, {"Revoke: the request has no OfflinePushInfo.", "撤回请求缺少 OfflinePushInfo。"},
     {"Add OfflinePushInfo to the revoke request.",
     "在撤回请求中加上 OfflinePushInfo。"}},
    {90056, {"The push body is larger than 10 K (10240 bytes).", "全员推送的请求体过大,最大支持 10K。"},
     {"Shorten the text or Ext to 10240 bytes or less.",
     "缩短文本或 Ext,使请求体不超过 10240 字节。"}},
    {90104, {"Invalid request parameters (task APIs: a window too long, too many TaskIDs, a missing field).",
              "请求参数无效(任务类接口:时间范围过长、TaskID 过多或缺少字段)。"},
     {"Check the fields and limits: statistics up to 30 days, loss up to 7 days, at most 5 TaskIDs.",
     "检查字段和限制:统计最多 30 天,丢失原因最多 7 天,TaskID 最多 5 个。"}},
    {90107, {"The scheduled task is being dispatched or was dispatched: only a pending task can be modified or deleted.",
              "定时任务正在调度或已调度:只有待执行的任务可以修改或删除。"},
     {"Look the task up (get_sched_task): once it ran, follow its PushTaskID; schedule a new task to change it.",
     "查询该任务(get_sched_task):已执行的任务请按其 PushTaskID 跟进;如需更改请新建定时任务。"}},
    {91000, {"Internal error of the service.", "服务内部错误。"},
     {"Retry with the same MsgRandom.",
     "使用相同的 MsgRandom 重试。"}},
};

bool contains_folded(std::string_view haystack, const std::string& folded_needle) {
  return ascii_lower(haystack).find(folded_needle) != std::string::npos;
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
      first == std::string_view::npos ? std::string() : ascii_lower(word.substr(first, last - first + 1));
  std::vector<const ErrorEntry*> found;
  for (const auto& entry : table) {
    if (std::to_string(entry.code).find(needle) != std::string::npos ||
        contains_folded(entry.meaning.en, needle) || contains_folded(entry.fix.en, needle) ||
        contains_folded(entry.meaning.zh, needle) || contains_folded(entry.fix.zh, needle)) {
      found.push_back(&entry);
    }
  }
  return found;
}

}  // namespace timpush::core
