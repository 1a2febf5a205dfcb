// The text table's part for the Learn place, the lesson bar above the composer and the reach of
// a condition (see text.h for the table's rules). Included by text.h. The lessons' own texts
// (titles, goals, hints, requirements) are not here: they come with the lesson files, after the
// first frame.
#pragma once

#include "ui/text.h"

namespace timpush::ui::txt {

inline constexpr Text learn_title{"Lessons", "课程"};
inline constexpr Text learn_intro{
    "Each lesson is done in the composer itself, against the sandbox: Start loads its request into "
    "a new draft (yours stays in Drafts), then fix it and Send, or press Check.",
    "每节课都在编辑器中对沙箱完成：“开始”会把课程的请求载入一个新草稿（原草稿保留在“草稿”中），"
    "改好后发送，或按“检查”。"};
inline constexpr Text learn_progress{"Passed {} of {}, tried {}.", "已通过 {} / {}，已尝试 {}。"};
inline constexpr Text learn_loading{"Loading the lessons...", "正在载入课程..."};
inline constexpr Text learn_failed{"The lessons could not be loaded: {}", "无法载入课程：{}"};
inline constexpr Text lesson_broken{"This lesson file cannot be used: {}", "此课程文件无法使用：{}"};
inline constexpr Text lesson_loading_one{"loading...", "载入中..."};
inline constexpr Text mark_passed{"passed", "已通过"};
inline constexpr Text mark_tried{"tried", "已尝试"};
inline constexpr Text mark_new{"not tried", "未尝试"};
inline constexpr Text lesson_start{"Start", "开始"};
inline constexpr Text lesson_restart{"Start again", "重新开始"};
inline constexpr Text lesson_leave{"Leave lesson", "退出课程"};
inline constexpr Text lesson_on_now{"In progress: the lesson bar above the form shows it.",
                                    "进行中：表单上方的课程栏会显示它。"};
inline constexpr Text lesson_copy_link{"Copy link", "复制链接"};
inline constexpr Text lesson_link_copied{"Link to the lesson copied.", "已复制课程链接。"};
inline constexpr Text lesson_started{"Lesson \"{}\" started in a new draft; your draft is kept in Drafts.",
                                     "课程“{}”已在新草稿中开始，原草稿保留在“草稿”中。"};
inline constexpr Text lesson_bar_title{"Lesson: {}", "课程：{}"};
inline constexpr Text lesson_hint{"Hint", "提示"};
inline constexpr Text lesson_hint_n{"Hint {}: {}", "提示 {}：{}"};
inline constexpr Text lesson_no_more_hints{"No more hints.", "没有更多提示。"};
inline constexpr Text lesson_check{"Check", "检查本课"};
inline constexpr Text lesson_on_send{"Send to the sandbox to check this lesson.", "发送到沙箱即可检查本课。"};
inline constexpr Text lesson_on_check{"Press Check when the request is ready (no send needed).",
                                      "请求改好后按“检查”（无需发送）。"};
inline constexpr Text lesson_error_seen{"You have seen {}. Read its explanation, then fix the request.",
                                        "你已看到 {}。阅读说明后修正请求。"};
inline constexpr Text lesson_explain{"Explain {}", "解释 {}"};
inline constexpr Text lesson_expects{"First see the error {} (in Checks or in the answer), then fix it.",
                                     "先看到错误 {}（在“检查”或应答中），再修正它。"};
inline constexpr Text lesson_question{"Question: {}", "问题：{}"};
inline constexpr Text req_met{"Met: {}", "已满足：{}"};
inline constexpr Text req_missed{"Missed: {}", "未满足：{}"};
inline constexpr Text req_go{"(click: go to {})", "（点击：转到 {}）"};
inline constexpr Text reach_line{"Reaches {} of {} users", "覆盖 {} / {} 位用户"};
inline constexpr Text reach_counting{"(counting...)", "（统计中...）"};
inline constexpr Text reach_failed{"(no count from the sandbox)", "（沙箱未返回人数）"};
inline constexpr Text reach_adds{"{}: adds {} users", "{}：增加 {} 位用户"};
inline constexpr Text reach_removes{"{}: removes {} users", "{}：减少 {} 位用户"};
inline constexpr Text reach_no_change{"{}: changes nothing", "{}：没有影响"};
inline constexpr Text reach_parts_title{"What each part does:", "每个条件的作用："};

}  // namespace timpush::ui::txt
