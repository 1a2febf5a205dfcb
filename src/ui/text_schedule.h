// The text table's part for the test send, the scheduled push and the Schedules place. See
// text.h for the table's rules. Included by text.h.
#pragma once

#include "ui/text.h"

namespace timpush::ui::txt {

// The composer's send mode
inline constexpr Text send_mode{"Send as", "发送方式"};
inline constexpr Text mode_push{"Push", "推送"};
inline constexpr Text mode_test{"Test send", "测试推送"};
inline constexpr Text mode_schedule{"Schedule", "定时推送"};
inline constexpr Text mode_modify{"Modify schedule", "修改定时任务"};
inline constexpr Text mode_push_note{"Send pushes to the audience below.", "“发送”推送给下方的受众。"};
inline constexpr Text mode_test_note{
    "Send goes to the accounts named here (v4/timpush/batch), never to the audience: the same "
    "OfflinePushInfo, MsgRandom and DataId. No all-user confirmation; the 1 s spacing still holds.",
    "“发送”只推送给此处填写的账号(v4/timpush/batch)，不会推送给受众：OfflinePushInfo、MsgRandom 和 "
    "DataId 不变。无需全员确认；仍须间隔 1 秒。"};
inline constexpr Text mode_schedule_note{
    "Send creates a scheduled task (add_sched_task) for the time below, in this browser's time zone.",
    "“发送”会按下方时间(本浏览器所在时区)创建定时任务(add_sched_task)。"};
inline constexpr Text test_accounts{"Accounts", "测试账号"};
inline constexpr Text test_accounts_hint{"user1, user2 (1 to 500, commas, spaces or lines)",
                                         "user1, user2(1 到 500 个，用逗号、空格或换行分隔)"};
inline constexpr Text test_accounts_count{"{} accounts; kept on this device for app {}.",
                                          "{} 个账号；已为应用 {} 保存在本设备。"};
inline constexpr Text test_send_blocked{"Fix the account list first.", "请先修正测试账号列表。"};
inline constexpr Text sched_at_local{"Time ({})", "时间({})"};
inline constexpr Text sched_at_hint{"YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM"};
inline constexpr Text sched_at_utc{"SchedAt (UTC): {}", "SchedAt(UTC)：{}"};
inline constexpr Text sched_at_unreadable{"Type a time as YYYY-MM-DD HH:MM, e.g. {}.",
                                          "请按 YYYY-MM-DD HH:MM 填写时间，例如 {}。"};
inline constexpr Text sched_plus{"+{} min", "+{} 分钟"};
inline constexpr Text sched_type_is{"Type: {} (from the Condition)", "Type：{}(由 Condition 得出)"};
inline constexpr Text sched_audience{"Task's audience", "任务受众"};
inline constexpr Text sched_to_condition{"The Condition", "按 Condition"};
inline constexpr Text sched_to_accounts{"The test accounts", "测试账号"};
inline constexpr Text sched_type_user{"Type: User (To_Account: the accounts above, never the Condition)",
                                      "Type：User(To_Account 为上方账号，不使用 Condition)"};
inline constexpr Text sched_type_kept{"Type: {}. A modify keeps the task's Type; it cannot change.",
                                      "Type：{}。修改时沿用任务的 Type，不能更改。"};
inline constexpr Text sched_type_changed{
    "This task is {}; the push as it stands would be {}. Type cannot change: put the audience back, "
    "or delete the task and schedule a new one.",
    "该任务的 Type 为 {}，当前推送会是 {}。Type 不能更改：请恢复原受众，或删除该任务后重新定时。"};
inline constexpr Text sched_modifying{"Modifying scheduled task {}.", "正在修改定时任务 {}。"};
inline constexpr Text sched_cancel_modify{"Stop modifying", "取消修改"};
inline constexpr Text sched_blocked{"Fix the time of the schedule first.", "请先修正定时时间。"};
inline constexpr Text sched_added{"Scheduled: task {}.", "已创建定时任务 {}。"};
inline constexpr Text sched_modified{"Task {} modified.", "定时任务 {} 已修改。"};
inline constexpr Text sched_deleted{"Task {} deleted.", "定时任务 {} 已删除。"};
inline constexpr Text sched_refused{"Refused: {}", "被拒绝：{}"};

// The Schedules place
inline constexpr Text sched_intro{
    "The app's scheduled pushes. A pending one can be modified in the composer or deleted; once it "
    "is dispatching or done it is read-only, with the TaskId of its push to follow.",
    "本应用的定时推送。待执行的任务可在编辑器中修改或删除；调度中或已完成的任务只读，并给出其推送的 TaskId 以便跟踪。"};
inline constexpr Text sched_refresh{"Refresh", "刷新"};
inline constexpr Text sched_loading{"Asking for the list...", "正在获取列表..."};
inline constexpr Text sched_none{"No scheduled task in the last 59 days or the next 31.",
                                 "过去 59 天和未来 31 天内没有定时任务。"};
inline constexpr Text sched_count{"{} tasks (asked at {})", "{} 个任务(获取于 {})"};
inline constexpr Text sched_count_one{"1 task (asked at {})", "1 个任务(获取于 {})"};
inline constexpr Text sched_needs_app{"Fill in the target and the app under Credentials first.",
                                      "请先在“凭据”中填写目标和应用。"};
inline constexpr Text sched_task_line{"Task {}", "任务 {}"};
inline constexpr Text sched_local{"local {}", "本地 {}"};
inline constexpr Text sched_utc{"UTC {}", "UTC {}"};
inline constexpr Text sched_type{"Type {}", "Type {}"};
inline constexpr Text sched_push_task{"push TaskId {}", "推送 TaskId {}"};
inline constexpr Text sched_to_line{"To_Account ({}): {}", "To_Account({} 个)：{}"};
inline constexpr Text sched_dispatch_err{"error: {}", "错误：{}"};
inline constexpr Text sched_modify{"Modify", "修改"};
inline constexpr Text sched_delete{"Delete", "删除"};
inline constexpr Text sched_delete_ask{"Delete task {}? It will not be pushed.", "删除任务 {}？它将不会被推送。"};
inline constexpr Text sched_delete_yes{"Yes, delete", "确认删除"};
inline constexpr Text sched_delete_no{"Keep it", "保留"};
inline constexpr Text sched_read_only{"read-only", "只读"};
inline constexpr Text history_test{"test", "测试"};

}  // namespace timpush::ui::txt
