// The text table's part for the Follow place: following a push after Send (its funnel, loss
// reasons, a user's trace, revoke). See text.h for the table's rules. Included by text.h.
#pragma once

#include "ui/text.h"

namespace timpush::ui::txt {

inline constexpr Text follow{"Follow", "跟踪"};
inline constexpr Text follow_intro{
    "Follow a push after Send: how far it got, why some devices did not get it, one user's "
    "devices, and revoke. Up to 5 TaskIds side by side.",
    "发送后跟踪推送：送达到哪一步、部分设备为何没有收到、某个用户的设备情况，以及撤回。最多并排比较 5 个 TaskId。"};
inline constexpr Text follow_task_field{"TaskId", "TaskId"};
inline constexpr Text follow_task_hint{"TaskId of an accepted push", "已受理推送的 TaskId"};
inline constexpr Text follow_add{"Add TaskId", "添加 TaskId"};
inline constexpr Text follow_remove{"Remove", "移除"};
inline constexpr Text follow_refused_empty{"Type a TaskId first.", "请先输入 TaskId。"};
inline constexpr Text follow_refused_twice{"This TaskId is already followed.", "该 TaskId 已在跟踪中。"};
inline constexpr Text follow_refused_six{
    "At most 5 TaskIds at once (the statistics and loss APIs take 5): remove one first.",
    "最多同时跟踪 5 个 TaskId(统计和丢失原因接口最多接受 5 个):请先移除一个。"};
inline constexpr Text follow_none{"No task yet: press Follow on an accepted push (Response or History), or type a TaskId.",
                                  "还没有任务：在已受理推送的“应答”或“历史”中点“跟踪”，或输入 TaskId。"};
inline constexpr Text follow_sent_at{"sent {}", "发送于 {}"};
inline constexpr Text follow_sent_from_id{"sent {} (read from the TaskId)", "发送于 {}(由 TaskId 读出)"};
inline constexpr Text follow_sent_unknown{"send time unknown", "发送时间未知"};
inline constexpr Text follow_refresh{"Refresh", "刷新"};
inline constexpr Text follow_waiting{"Waiting for the answer.", "正在等待应答。"};
inline constexpr Text follow_one_a_second{"The service allows 1 call a second: a moment.",
                                          "服务端每秒只允许 1 次调用：请稍候。"};
inline constexpr Text follow_need_task{"Follow a task first.", "请先添加要跟踪的任务。"};
inline constexpr Text follow_need_target{
    "The target or the UserSig is not ready: fill in the credentials on Compose.",
    "目标地址或 UserSig 尚未就绪：请在“编写”中填写凭据。"};
inline constexpr Text refresh_auto{"Refreshing on its own every few seconds while the task is young.",
                                   "任务较新，每隔几秒自动刷新。"};
inline constexpr Text refresh_settled{"Numbers settled: two answers in a row were equal.",
                                      "数据已稳定：连续两次应答相同。"};
inline constexpr Text refresh_gave_up{"Stopped refreshing after some minutes; press Refresh for more.",
                                      "已自动刷新数分钟，现已停止；需要时请点“刷新”。"};
inline constexpr Text refresh_failed{"Stopped refreshing after failed answers.", "应答连续失败，已停止自动刷新。"};
inline constexpr Text refresh_old{"An older task: asked once.", "较早的任务：只查询一次。"};
inline constexpr Text refresh_asked{"Answer of {}.", "{} 的应答。"};
inline constexpr Text answer_failed{"The service refused: {}", "服务端拒绝：{}"};

// The funnel
inline constexpr Text funnel_title{"Funnel: total, sent, delivered, clicked", "漏斗：总数、已发送、已送达、已点击"};
inline constexpr Text funnel_total{"Total", "总数"};
inline constexpr Text funnel_sent{"Sent", "已发送"};
inline constexpr Text funnel_delivered{"Delivered", "已送达"};
inline constexpr Text funnel_clicked{"Clicked", "已点击"};
inline constexpr Text funnel_all{"All devices", "全部设备"};
inline constexpr Text funnel_online{"Online push", "在线推送"};
inline constexpr Text funnel_offline{"Offline push, by vendor", "离线推送(按厂商)"};
inline constexpr Text funnel_no_numbers{"No numbers yet.", "暂无数据。"};
inline constexpr Text funnel_zero_rows{"Vendors with nothing to send are left out.", "没有可发送设备的厂商未列出。"};

// Loss reasons
inline constexpr Text loss_title{"Why devices did not get it", "未送达原因"};
inline constexpr Text loss_none{"No losses reported.", "没有丢失记录。"};
inline constexpr Text loss_before{"lost before sending", "发送前丢失"};
inline constexpr Text loss_after{"lost after sending", "发送后丢失"};
inline constexpr Text loss_line{"{} devices, code {} ({})", "{} 台设备，错误码 {}({})"};

// Trace
inline constexpr Text trace_title{"One user's devices", "单个用户的设备"};
inline constexpr Text trace_user{"UserID", "UserID"};
inline constexpr Text trace_go{"Trace", "查询轨迹"};
inline constexpr Text trace_need_user{"Type a UserID.", "请输入 UserID。"};
inline constexpr Text trace_task{"For task {}", "任务 {}"};
inline constexpr Text trace_empty{
    "No devices: the user was not in the push's audience, the task is unknown, or its data is older than 7 days.",
    "没有设备：该用户不在推送受众中、任务未知，或数据已超过 7 天。"};
inline constexpr Text trace_device{"Device {}", "设备 {}"};
inline constexpr Text trace_stage{"Stage", "阶段"};
inline constexpr Text trace_status{"Status", "状态"};
inline constexpr Text trace_error{"Error", "错误"};
inline constexpr Text trace_time{"Time", "时间"};
inline constexpr Text trace_passed{"passed", "通过"};
inline constexpr Text trace_failed{"failed", "失败"};
inline constexpr Text trace_not_reached{"not reached", "未到达"};
inline constexpr Text trace_cause{"Stopped at: {}", "止于：{}"};
inline constexpr Text trace_all_passed{"Every stage reached passed.", "已到达的阶段全部通过。"};

// Revoke
inline constexpr Text revoke_title{"Revoke", "撤回"};
inline constexpr Text revoke_left{"{} left of the 24 h window.", "24 小时撤回时限还剩 {}。"};
inline constexpr Text revoke_closed{"The 24 h window has closed: the service will refuse (90052).",
                                    "24 小时撤回时限已过，服务端将拒绝(90052)。"};
inline constexpr Text revoke_unknown_window{"Send time unknown: revoke works within 24 h of sending.",
                                            "发送时间未知：只能在发送后 24 小时内撤回。"};
inline constexpr Text revoke_explain{
    "Devices not yet reached are stopped. A delivered notification is replaced by the text below on "
    "APNs, FCM, Huawei and Honor only.",
    "尚未送达的设备将停止推送。已送达的通知仅在 APNs、FCM、华为和荣耀上被替换为下面的内容。"};
inline constexpr Text revoke_field_title{"Replacement title", "替换标题"};
inline constexpr Text revoke_field_desc{"Replacement text", "替换内容"};
inline constexpr Text revoke_need_text{"The API needs the replacement OfflinePushInfo: give a title or a text.",
                                       "接口要求提供替换用的 OfflinePushInfo：请填写标题或内容。"};
inline constexpr Text revoke_button{"Revoke...", "撤回..."};
inline constexpr Text revoke_confirm_text{"Revoke task {}? This cannot be undone.", "确定撤回任务 {}?此操作不可撤销。"};
inline constexpr Text revoke_confirm{"Revoke now", "确认撤回"};
inline constexpr Text revoke_cancel{"Cancel", "取消"};
inline constexpr Text revoke_done{"Revoked {}.", "已撤回 {}。"};

}  // namespace timpush::ui::txt
