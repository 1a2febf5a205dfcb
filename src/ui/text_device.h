// The text table's part for the Device pane: the push as each platform shows it (see text.h for
// the table's rules). Included by text.h.
#pragma once

#include "ui/text.h"

namespace timpush::ui::txt {

inline constexpr Text tab_device{"Device", "设备预览"};
inline constexpr Text tab_json{"JSON", "JSON"};
inline constexpr Text device_phone_light{"Light phone", "浅色手机"};
inline constexpr Text device_phone_dark{"Dark phone", "深色手机"};
inline constexpr Text device_intro{
    "The push as each platform will show it, from the body as it is now. A cut is marked where the "
    "platform cuts; hover a warning to go to its field.",
    "按当前请求体预览各平台的展示效果。截断处已标出；将鼠标移到警告上即可跳到对应字段。"};
inline constexpr Text device_app{"Your app", "你的应用"};
inline constexpr Text device_now{"now", "现在"};
inline constexpr Text device_collapsed{"Collapsed", "收起"};
inline constexpr Text device_expanded{"Expanded", "展开"};
inline constexpr Text device_banner{"Banner", "横幅"};
inline constexpr Text device_lock_screen{"Lock screen", "锁屏"};
inline constexpr Text device_cut{"cut here", "此处截断"};
inline constexpr Text device_image{"Image: {}", "图片：{}"};
inline constexpr Text device_image_dropped{"Image dropped by this vendor", "该厂商不展示图片"};
inline constexpr Text device_silent{"Silent: shade only", "静默：仅通知栏"};
inline constexpr Text device_none{"No notification: online only, or no Desc",
                                  "不展示通知：仅在线推送，或没有 Desc"};
inline constexpr Text device_counts{"Title {} · body {}", "标题 {} · 正文 {}"};
inline constexpr Text device_count_chars{"{} characters", "{} 个字符"};
inline constexpr Text device_count_width{"{} (CJK as 2)", "{}（中文计 2）"};
inline constexpr Text device_count_bytes{"{} bytes", "{} 字节"};
inline constexpr Text device_payload{"Payload about {} bytes of 4096", "载荷约 {} 字节（上限 4096）"};
inline constexpr Text device_all_platforms{"Every platform", "所有平台"};

}  // namespace timpush::ui::txt
