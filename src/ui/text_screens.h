// The text table's part for the places, the layout on every screen, the theme, the shortcuts and
// what is announced to screen readers (see text.h for the table's rules). Included by text.h.
#pragma once

#include "ui/text.h"

namespace timpush::ui::txt {

// Places (navigation.h)
inline constexpr Text place_compose{"Compose", "编写"};
inline constexpr Text place_follow{"Follow", "跟踪推送"};
inline constexpr Text place_schedules{"Schedules", "定时推送"};
inline constexpr Text place_app_data{"App data", "应用数据"};
inline constexpr Text place_learn{"Learn", "学习"};
inline constexpr Text place_help{"Help", "帮助"};
inline constexpr Text places_menu{"Places: {}", "导航：{}"};

// Layout
inline constexpr Text back{"Back", "返回"};

// Theme (a setting of the device, like "remember the key")
inline constexpr Text theme{"Theme", "主题"};
inline constexpr Text theme_system{"As the system", "跟随系统"};
inline constexpr Text theme_light{"Light", "浅色"};
inline constexpr Text theme_dark{"Dark", "深色"};

// Help: the keyboard and touch shortcuts
inline constexpr Text help_keys_title{"Keyboard", "键盘"};
inline constexpr Text help_touch_title{"Touch", "触屏"};
inline constexpr Text key_tab{"Tab / Shift+Tab", "Tab / Shift+Tab"};
inline constexpr Text key_tab_does{"next / previous field, in reading order", "下一个 / 上一个字段(按阅读顺序)"};
inline constexpr Text key_enter_tag{"Enter in a tag's field", "在标签输入框中按 Enter"};
inline constexpr Text key_enter_tag_does{"adds the tag", "添加该标签"};
inline constexpr Text key_send{"Ctrl+Enter (Cmd+Enter on a Mac)", "Ctrl+Enter(Mac 上为 Cmd+Enter)"};
inline constexpr Text key_send_does{"sends, with the same checks and confirmations as Send",
                                    "发送，与“发送”按钮的检查和确认相同"};
inline constexpr Text key_escape{"Escape", "Esc"};
inline constexpr Text key_escape_does{"closes a dialog or menu", "关闭对话框或菜单"};
inline constexpr Text key_paste{"Ctrl+V / Ctrl+C / Ctrl+Z", "Ctrl+V / Ctrl+C / Ctrl+Z"};
inline constexpr Text key_paste_does{"paste, copy, undo in a field", "在字段中粘贴、复制、撤销"};
inline constexpr Text touch_drag{"Drag", "拖动"};
inline constexpr Text touch_drag_does{"scrolls the region under the finger", "滚动手指下的区域"};
inline constexpr Text touch_long{"Long press on a field", "长按字段"};
inline constexpr Text touch_long_does{"offers Paste", "显示“粘贴”"};
inline constexpr Text paste{"Paste", "粘贴"};
inline constexpr Text paste_refused{"The browser did not hand over the clipboard.", "浏览器未提供剪贴板内容。"};

// Announced to screen readers (announce.h)
inline constexpr Text checks_summary{"Checks: errors {}, warnings {}.", "检查：错误 {} 个，警告 {} 个。"};
inline constexpr Text answer_prefix{"Answer:", "应答："};

}  // namespace timpush::ui::txt
