// Every user-visible string of the composer, in English and Chinese, in one table, as the core's
// bilingual value (core/words.h) over const char*, which ImGui takes. Messages with a part that
// varies hold "{}" where it goes (fill). Panels pick the language from AppState with tr().
#pragma once

#include <string>
#include <string_view>

#include "core/explain.h"
#include "core/words.h"

namespace timpush::ui {

using core::Lang;
using core::tr;
using core::Words;
using Text = core::Bilingual<const char*>;

// The text with each language's first "{}" replaced by `part` (a name, a key, a number); called
// again for the next "{}".
Words fill(Words text, std::string_view part);
// The same with a part that is itself bilingual.
Words fill(Words text, const Words& part);

// A widget label whose ImGui ID stays the English text in both languages, so tests and the
// automation hook find "Send" whatever the language: English "Send", Chinese "发送###Send".
// With a suffix (to tell apart widgets of the same text): "Add##TagsAnd", "添加###Add##TagsAnd".
std::string label(Lang lang, const Text& text, const char* suffix = nullptr);
// A label whose ID is the same in both languages ("Form###Form", "表单###Form"), for widgets
// that keep state under their ID (tabs, collapsing sections): switching language keeps them.
std::string stable_label(Lang lang, const Text& text);

namespace txt {
// Top bar and layout
inline constexpr Text app_title{"timpush composer", "timpush 推送编辑器"};
inline constexpr Text app_subtitle{"Tencent Cloud IM: v4/timpush/push", "腾讯云 IM:v4/timpush/push"};
inline constexpr Text send{"Send", "发送"};
inline constexpr Text sending{"Sending...", "发送中..."};
inline constexpr Text language{"Language", "语言"};
inline constexpr Text tab_form{"Form", "表单"};
inline constexpr Text tab_raw{"Raw JSON", "原始 JSON"};
inline constexpr Text tab_preview{"Preview", "预览"};
inline constexpr Text tab_checks{"Checks", "检查"};
inline constexpr Text tab_response{"Response", "应答"};
inline constexpr Text tab_error_codes{"Error codes", "错误码"};
inline constexpr Text send_blocked_errors{"Fix the errors under Checks first.",
                                          "请先修正“检查”中的错误。"};
inline constexpr Text send_blocked_in_flight{"A request is on its way.", "请求正在发送中。"};
inline constexpr Text send_blocked_usersig{"No UserSig: enter the SecretKey or paste a UserSig.",
                                           "没有 UserSig:请填写 SecretKey 或粘贴 UserSig。"};
inline constexpr Text send_blocked_target{"The target URL is not usable.", "目标地址不可用。"};
inline constexpr Text send_blocked_app{"SDKAppID and admin identifier are needed.",
                                       "需要 SDKAppID 和管理员账号。"};
inline constexpr Text ready_to_send{"Ready to send.", "可以发送。"};
// Drafts, templates, history, guards, share links
inline constexpr Text send_blocked_cooling{"The service allows one push per second: wait a moment.",
                                           "服务端要求两次推送间隔超过 1 秒，请稍候。"};
inline constexpr Text tab_drafts{"Drafts", "草稿"};
inline constexpr Text tab_templates{"Templates", "模板"};
inline constexpr Text tab_history{"History", "历史"};
inline constexpr Text new_draft{"New draft", "新建草稿"};
inline constexpr Text rename_draft{"Rename", "重命名"};
inline constexpr Text delete_draft{"Delete draft", "删除草稿"};
inline constexpr Text draft_name{"Draft name", "草稿名称"};
inline constexpr Text remember_key{"Remember the key on this device", "在此设备上记住密钥"};
inline constexpr Text remember_is_device{"(for every draft on this device)", "（对此设备上的所有草稿生效）"};
inline constexpr Text from_share_link{"From a share link: this target was chosen by whoever made the link.",
                                      "来自分享链接：此目标由链接的制作者选择。"};
inline constexpr Text from_share_link_host{"Check the host before sending", "发送前请核对主机"};
inline constexpr Text host_confirm_title{"First send to this host", "首次发送到此主机"};
inline constexpr Text host_confirm_body{"This device has not sent to this host before. The request carries the "
                                        "UserSig, which lets the host push to every user of the app. Send only "
                                        "if you trust it.",
                                        "此设备从未向该主机发送过请求。请求中带有 UserSig，持有者可以向应用的全部"
                                        "用户推送。仅在信任该主机时发送。"};
inline constexpr Text host_confirm_send{"Send to this host", "发送到此主机"};
inline constexpr Text drafts_autosaved{"Drafts are saved in this browser as you type. The SecretKey is not "
                                       "saved unless you tick the box below.",
                                       "草稿会随输入自动保存在本浏览器中。除非勾选下方选项，否则不保存 SecretKey。"};
inline constexpr Text builtin_templates{"Examples of the product document", "产品文档中的示例"};
inline constexpr Text user_templates{"Your templates", "我的模板"};
inline constexpr Text template_name{"Template name", "模板名称"};
inline constexpr Text save_template{"Save current as template", "将当前内容存为模板"};
inline constexpr Text load{"Load", "载入"};
inline constexpr Text delete_item{"Delete", "删除"};
inline constexpr Text no_user_templates{"None yet.", "暂无。"};
inline constexpr Text history_search{"Search", "搜索"};
inline constexpr Text export_history{"Export", "导出"};
inline constexpr Text import_history{"Import", "导入"};
inline constexpr Text reopen{"Reopen", "重新打开"};
inline constexpr Text no_history{"No sends yet.", "还没有发送记录。"};
inline constexpr Text share_link{"Copy share link", "复制分享链接"};
inline constexpr Text confirm_title{"Push to every user?", "推送给全部用户？"};
inline constexpr Text confirm_type{"Type the SDKAppID to confirm", "输入 SDKAppID 以确认"};
inline constexpr Text confirm_send{"Send to everyone", "发送给全部用户"};
inline constexpr Text cancel{"Cancel", "取消"};
inline constexpr Text new_push{"Send as a new push", "作为新推送发送"};
inline constexpr Text storage_problem{"Browser storage ({}): ", "浏览器存储（{}）："};
inline constexpr Text storage_unavailable{
    "Browser storage is not available ({}): drafts and history last only until the page closes.",
    "浏览器存储不可用（{}）：草稿和历史仅保留到页面关闭。"};
inline constexpr Text storage_write_failed{
    "Could not save to this browser's storage ({}): {}. Your work is still on this page; export the "
    "history or free some space.",
    "无法写入浏览器存储（{}）：{}。当前页面上的内容仍在；可导出历史或释放空间。"};
inline constexpr Text opened_shared{"Opened the shared draft \"{}\". Nothing was sent.",
                                    "已打开分享的草稿“{}”。未发送任何请求。"};
inline constexpr Text loaded_named{"Loaded \"{}\".", "已载入“{}”。"};
inline constexpr Text saved_template{"Saved template \"{}\".", "已保存模板“{}”。"};
inline constexpr Text reopened_as{"Reopened as draft \"{}\".", "已重新打开为草稿“{}”。"};
inline constexpr Text file_unreadable{"Could not read the file: {}", "无法读取文件：{}"};
inline constexpr Text not_imported{"Not imported: {}", "未导入：{}"};
inline constexpr Text imported_counts{"Imported {} entries ({} already here, {} unreadable).",
                                      "已导入 {} 条（已存在 {} 条，无法读取 {} 条）。"};
inline constexpr Text import_dropped{" {} older entries were dropped: the history keeps the newest {}.",
                                     "较早的 {} 条已舍弃：历史只保留最新的 {} 条。"};
inline constexpr Text unreadable_removed{
    "The unreadable copy may hold a SecretKey or UserSig and \"remember\" is off: it was removed, not kept.",
    "无法读取的内容可能含有 SecretKey 或 UserSig，且未勾选“记住”：已删除，未保留副本。"};
inline constexpr Text remember_now_device{"\"Remember the key\" is now one setting for this device, and it is off. ",
                                          "“记住密钥”现在是此设备的一项设置，当前未勾选。"};
inline constexpr Text remember_tick_again{" Tick it again to keep the key.", "如需保留密钥，请重新勾选。"};
inline constexpr Text nothing_secret_stored{"Nothing secret was stored.", "存储中没有密钥。"};
inline constexpr Text share_copied{"Share link copied (no key, no UserSig).",
                                   "分享链接已复制（不含密钥和 UserSig）。"};

// Credentials
inline constexpr Text credentials{"Credentials", "凭据"};
inline constexpr Text target{"Target", "目标"};
inline constexpr Text target_sandbox{"Sandbox", "沙箱"};
inline constexpr Text target_region{"Region", "地域"};
inline constexpr Text target_custom{"Custom URL", "自定义地址"};
inline constexpr Text host_main{"Main host", "主域名"};
inline constexpr Text host_backup{"Backup host", "备用域名"};
inline constexpr Text via_relay{"Via relay", "经中转"};
inline constexpr Text direct{"Direct", "直连"};
inline constexpr Text relay_help{
    "The service sends no CORS headers, so a browser cannot read its answers directly. The relay "
    "of `timpush serve` forwards the request unchanged to the region host.",
    "服务端不返回 CORS 头,浏览器无法直接读取应答。`timpush serve` 的中转会把请求原样转发到地域域名。"};
inline constexpr Text custom_base{"Base URL", "基础地址"};
inline constexpr Text base_url_is{"Requests go to", "请求发往"};
inline constexpr Text sdkappid_bad{"SDKAppID must be a whole number from 1 to 4294967295.",
                                   "SDKAppID 必须是 1 到 4294967295 之间的整数。"};
inline constexpr Text identifier = core::identifier_field_name;
inline constexpr Text identifier_empty{"The admin identifier is empty.", "管理员账号为空。"};
inline constexpr Text sig_from_key{"Sign with SecretKey", "用密钥签名"};
inline constexpr Text sig_pasted{"Paste a UserSig", "粘贴 UserSig"};
inline constexpr Text secret_key{"SecretKey", "密钥"};
inline constexpr Text secret_key_help{
    "The app's key from the console. It only signs the UserSig here, in the page: it is never "
    "sent, copied or stored.",
    "控制台中的应用密钥。仅在本页面内用于计算 UserSig:不会被发送、复制或保存。"};
inline constexpr Text show{"Show", "显示"};
inline constexpr Text hide{"Hide", "隐藏"};
inline constexpr Text validity_days = core::validity_field_name;
inline constexpr Text usersig{"UserSig", "UserSig"};
inline constexpr Text usersig_paste{"UserSig to use", "要使用的 UserSig"};
inline constexpr Text usersig_none{"No UserSig yet: enter the SecretKey.",
                                   "尚无 UserSig:请填写密钥。"};
inline constexpr Text issued{"Issued", "签发时间"};
inline constexpr Text expires{"Expires", "过期时间"};
inline constexpr Text time_left{"Time left", "剩余时间"};
inline constexpr Text expired{"expired", "已过期"};
inline constexpr Text signature_not_checked{
    "The signature itself can only be checked with the key (70009 comes from the server).",
    "签名本身只能用密钥校验(70009 由服务端判定)。"};
inline constexpr Text usersig_ok{"UserSig fits this SDKAppID and identifier.",
                                 "UserSig 与该 SDKAppID 和账号匹配。"};
inline constexpr Text sandbox_loading{"Asking the sandbox for its demo app...",
                                      "正在向沙箱获取演示应用..."};
inline constexpr Text sandbox_loaded_demo{
    "Sandbox demo app loaded: press Send to try a push.",
    "已载入沙箱演示应用:直接按“发送”即可试推。"};
inline constexpr Text sandbox_loaded_no_key{
    "Sandbox app loaded; its key is set by the server's operator: enter it, or paste a UserSig.",
    "已载入沙箱应用;其密钥由服务器管理员设置:请填写密钥或粘贴 UserSig。"};
inline constexpr Text sandbox_no_origin{
    "Opened from a file: there is no sandbox. Start `timpush serve`, or choose a region.",
    "页面从本地文件打开,没有沙箱。请运行 `timpush serve`,或选择地域。"};
inline constexpr Text sandbox_failed{"Could not reach the sandbox:", "无法连接沙箱:"};
inline constexpr Text sandbox_timed_out{"timed out", "超时"};
inline constexpr Text sandbox_no_answer{"no answer", "没有应答"};
inline constexpr Text sandbox_unexpected{"unexpected answer", "应答格式不符"};

// Composer
inline constexpr Text audience{"Audience", "推送对象"};
inline constexpr Text all_users{"All users", "全员"};
inline constexpr Text by_tags{"Tags", "标签"};
inline constexpr Text by_attrs{"Attributes", "属性"};
inline constexpr Text all_users_warning{"Every user of the app will receive this push.",
                                        "该应用的所有用户都会收到这条推送。"};
inline constexpr Text add{"Add", "添加"};
inline constexpr Text remove{"Remove", "删除"};
inline constexpr Text new_tag{"new tag", "新标签"};
inline constexpr Text name{"name", "名称"};
inline constexpr Text value{"value", "取值"};
inline constexpr Text empty_list{"(none)", "(无)"};
inline constexpr Text message{"Message", "消息"};
inline constexpr Text msg_random_missing{"MsgRandom is missing: the server answers 90005.",
                                         "缺少 MsgRandom:服务端会返回 90005。"};
inline constexpr Text regenerate{"New", "重新生成"};
inline constexpr Text renew_after_ok{"New MsgRandom after a successful push",
                                     "推送成功后自动更换 MsgRandom"};
inline constexpr Text offline_push_info{"OfflinePushInfo", "OfflinePushInfo 离线推送"};
inline constexpr Text push_flag_0{"0 offline too", "0 离线也推"};
inline constexpr Text push_flag_1{"1 online only", "1 仅在线"};
inline constexpr Text not_set{"(not set)", "(不设置)"};
inline constexpr Text android_info{"AndroidInfo", "AndroidInfo 安卓"};
inline constexpr Text apns_info{"ApnsInfo", "ApnsInfo 苹果"};
inline constexpr Text extra_fields{"Other fields", "其他字段"};
inline constexpr Text extra_fields_help{
    "Fields the form does not know (newer vendor fields such as PushStyle, HonorImportance): kept "
    "and sent as they are. Their meaning is unverified.",
    "表单未收录的字段(如 PushStyle、HonorImportance 等较新的厂商字段):原样保留并发送,含义未经核实。"};
inline constexpr Text as_number{"number", "数字"};
inline constexpr Text edit_in_raw{"(edit in Raw JSON)", "(请在原始 JSON 中编辑)"};
inline constexpr Text unknown_top_fields{"Other top-level fields", "其他顶层字段"};

// Raw JSON
inline constexpr Text raw_help{
    "Edit or paste the body. It is read into the form as you type; fields the form does not know "
    "are kept.",
    "编辑或粘贴请求体,输入时即同步到表单;表单不认识的字段会被保留。"};
inline constexpr Text raw_body{"Body", "请求体"};
inline constexpr Text raw_parse_error{"Not valid JSON (90001)", "不是合法 JSON(90001)"};
inline constexpr Text raw_line_col{"line", "行"};
inline constexpr Text raw_column{"column", "列"};
inline constexpr Text raw_from_form{"Reset from form", "从表单重置"};
inline constexpr Text raw_format{"Format", "格式化"};
inline constexpr Text raw_go_to_error{"Go to error", "转到出错处"};

// Preview
inline constexpr Text url{"URL", "URL"};
inline constexpr Text show_usersig{"Show UserSig", "显示 UserSig"};
inline constexpr Text body_size{"Body size", "请求体大小"};
inline constexpr Text copy_json{"Copy JSON", "复制 JSON"};
inline constexpr Text copy_url{"Copy URL", "复制 URL"};
inline constexpr Text copy_curl{"Copy as curl", "复制为 curl"};
inline constexpr Text copied{"Copied.", "已复制。"};
inline constexpr Text curl_note{
    "The curl line holds the real UserSig (never the SecretKey) and goes to the host directly.",
    "curl 命令含真实 UserSig(绝不含密钥),并直接发往地域域名。"};
inline constexpr Text random_note{"random is fresh for every send.", "每次发送使用新的 random。"};

// Checks
inline constexpr Text no_issues{"No issues: the body follows every rule checked here.",
                                "没有问题:请求体符合这里检查的全部规则。"};
inline constexpr Text errors{"errors", "个错误"};
inline constexpr Text warnings{"warnings", "个警告"};
inline constexpr Text error_word{"error", "错误"};
inline constexpr Text warning_word{"warning", "警告"};
inline constexpr Text click_to_focus{"Click an issue to go to its field.", "点击问题可跳转到对应字段。"};
inline constexpr Text whole_body{"(whole body)", "(整个请求体)"};

// Response
inline constexpr Text no_response{"Nothing sent yet.", "尚未发送。"};
inline constexpr Text waiting{"Waiting for the answer", "等待应答"};
inline constexpr Text http_status{"HTTP status", "HTTP 状态"};
inline constexpr Text meaning{"Meaning", "含义"};
inline constexpr Text fix{"Fix", "处理"};
inline constexpr Text raw_answer{"Raw answer", "原始应答"};
inline constexpr Text empty_body{"(empty)", "(空)"};
inline constexpr Text sent_to{"Sent to", "发往"};
inline constexpr Text elapsed{"Time", "耗时"};
inline constexpr Text timed_out{
    "No answer within the time limit. The push may or may not have been accepted: retry with the "
    "same MsgRandom, so it is not sent twice.",
    "在时限内没有应答。推送可能已被受理,也可能没有:请用相同的 MsgRandom 重试,以免重复推送。"};
inline constexpr Text cors_explained{
    "The browser got no readable answer from a different origin. The push service sends no CORS "
    "headers, so a page cannot call it directly (the request may even have arrived). Send through "
    "the relay of `timpush serve`, or copy the request as curl and run it in a terminal.",
    "浏览器没有拿到跨域应答。推送服务不返回 CORS 头,页面无法直接调用(请求甚至可能已经到达)。"
    "请经 `timpush serve` 的中转发送,或复制为 curl 在终端运行。"};
inline constexpr Text network_failed{
    "The request got no HTTP answer: the server is unreachable or the connection failed.",
    "请求没有得到 HTTP 应答:服务器不可达或连接失败。"};
inline constexpr Text use_relay{"Use the relay", "改用中转"};
inline constexpr Text unknown_code{"This code is not in the catalogue.", "目录中没有该错误码。"};

// Error codes
inline constexpr Text search{"Search", "搜索"};
inline constexpr Text search_hint{"code or word, e.g. 70009 or UserSig", "错误码或关键词,例如 70009、UserSig"};
inline constexpr Text code{"Code", "错误码"};
inline constexpr Text no_match{"No code matches.", "没有匹配的错误码。"};
}  // namespace txt

}  // namespace timpush::ui

// The places, layout, theme, shortcuts and announcements, and the Follow place (one table, three
// files for length).
#include "ui/text_screens.h"
// The Device pane (panel_device.cpp).
#include "ui/text_device.h"
#include "ui/text_learn.h"
// The explained request (panel_explain.cpp).
#include "ui/text_explain.h"
// The Follow place (panel_follow*.cpp).
#include "ui/text_follow.h"
// The test send, the schedule and the Schedules place (panel_schedules.cpp, sched_flow.cpp).
#include "ui/text_schedule.h"
// The App data place (panel_app_data.cpp).
#include "ui/text_app_data.h"
