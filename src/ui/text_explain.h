// The text table's part for the explained request: the preview's Explain toggle and the parts of
// a field's explanation (see text.h for the table's rules). Included by text.h. The explanations
// themselves are the core's one table (core/explain.h).
#pragma once

#include "ui/text.h"

namespace timpush::ui::txt {

inline constexpr Text explain{"Explain", "解释字段"};
inline constexpr Text explain_tip{"Hover a key or value of the JSON or the URL (or reach it with Tab and the arrow keys) to "
                                  "read what it means; click it (or press Enter) to go to its field.",
                                  "将指针停在 JSON 或 URL 的键或值上（或用 Tab 和方向键到达）即可查看说明；点击（或按 Enter）"
                                  "跳转到对应字段。"};
inline constexpr Text explain_rules{"Rules and their codes", "规则及错误码"};
inline constexpr Text explain_read_by{"Read by", "读取方"};
inline constexpr Text explain_in_form{"In the form", "表单位置"};
inline constexpr Text explain_click{"Click (or Enter) to go to the field.", "点击（或按 Enter）跳转到该字段。"};
inline constexpr Text explain_unknown{"A field the documents do not name: sent as it is.", "文档未列出的字段：按原样发送。"};
inline constexpr Text explain_no_field{"Not a field of the form: the page makes it for each send.",
                                       "不是表单字段：页面在每次发送时生成。"};

}  // namespace timpush::ui::txt
