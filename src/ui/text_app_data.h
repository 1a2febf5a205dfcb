// The text table's part for the App data place: the app's attribute names, and accounts' tags and
// attributes looked up and changed. See text.h for the table's rules. Included by text.h.
#pragma once

#include "ui/text.h"

namespace timpush::ui::txt {

inline constexpr Text appdata_intro{
    "The app's attribute names, and test accounts' tags and attributes. Requests go to the target "
    "and app of Compose, signed as a push is.",
    "应用的属性名，以及测试账号的标签和属性。请求发往“编写”中的目标地址和应用，签名方式与推送相同。"};

// Attribute names
inline constexpr Text appdata_names_title{"Attribute names", "属性名"};
inline constexpr Text appdata_read_names{"Read names", "读取属性名"};
inline constexpr Text appdata_names_not_read{
    "Not read yet: until they are, the composer's checks do not judge attribute names.",
    "尚未读取：读取之前，编写页的检查不判断属性名。"};
inline constexpr Text appdata_names_known{
    "The composer's checks now know these names: an attribute condition naming another is 90033.",
    "编写页的检查已知道这些属性名：属性条件中使用其他属性名即为 90033。"};
inline constexpr Text appdata_names_none{"The app has no attribute names yet.", "应用还没有属性名。"};
inline constexpr Text appdata_slot{"Slot {}", "槽位 {}"};
inline constexpr Text appdata_slot_new{"new", "新增"};
inline constexpr Text appdata_type_user{"UserID", "UserID"};
inline constexpr Text appdata_type_registration{"RegistrationID", "RegistrationID"};
inline constexpr Text appdata_new_name{"Add name", "添加属性名"};
inline constexpr Text appdata_name_hint{"attribute name (1 to 50 bytes)", "属性名(1 到 50 字节)"};
inline constexpr Text appdata_at_most_ten{"An app has at most 10 attribute names.", "应用最多 10 个属性名。"};
inline constexpr Text appdata_read_kept{
    "Names read from the app can be renamed but not removed: the API has no way to empty a slot.",
    "已从应用读取的属性名可以改名，但不能删除：接口无法清空槽位。"};
inline constexpr Text appdata_account_type{"Account type (AttrTypes)", "账号类型(AttrTypes)"};
inline constexpr Text appdata_type_keep{"Leave as is", "保持不变"};
inline constexpr Text appdata_type_fixed{
    "attribute {} is already of account type {}; a type cannot change once set.",
    "属性 {} 的账号类型已是 {}，设置后不能更改。"};
inline constexpr Text appdata_save_names{"Save names", "保存属性名"};
inline constexpr Text appdata_saved{"Saved; the names below are read back from the app.", "已保存；下方属性名为从应用读回的结果。"};
inline constexpr Text appdata_read_first{"Read the names first: saving writes slots 0 to N.",
                                         "请先读取属性名：保存会写入槽位 0 到 N。"};
inline constexpr Text appdata_no_names{"Add a name first.", "请先添加属性名。"};
inline constexpr Text appdata_fix_names{"Fix the names first.", "请先修正属性名。"};
inline constexpr Text appdata_unchanged{"Nothing changed.", "没有改动。"};

// Accounts
inline constexpr Text appdata_accounts_title{"Accounts", "账号"};
inline constexpr Text appdata_accounts_field{"Accounts", "账号"};
inline constexpr Text appdata_accounts_hint{"user1, user2 (1 to 100)", "user1, user2(1 到 100 个)"};
inline constexpr Text appdata_look_up{"Look up", "查询"};
inline constexpr Text appdata_no_tags{"no tags", "无标签"};
inline constexpr Text appdata_no_attrs{"no attributes", "无属性"};
inline constexpr Text appdata_col_account{"Account", "账号"};
inline constexpr Text appdata_col_tags{"Tags", "标签"};
inline constexpr Text appdata_col_attrs{"Attributes", "属性"};
inline constexpr Text appdata_refused_for{"{}: refused, {}", "{}：失败，{}"};
inline constexpr Text appdata_tags_field{"Tags to add or remove", "要添加或删除的标签"};
inline constexpr Text appdata_tags_hint{"tags, separated by commas", "标签，用逗号分隔"};
inline constexpr Text appdata_replace{"Replace all their tags (Replace 1, up to 100)", "替换其全部标签(Replace 1，最多 100 个)"};
inline constexpr Text appdata_add_tags{"Add tags", "添加标签"};
inline constexpr Text appdata_remove_tags{"Remove tags...", "删除标签..."};
inline constexpr Text appdata_clear_tags{"Clear all tags...", "清除全部标签..."};
inline constexpr Text appdata_attr_field{"Attribute name", "属性名"};
inline constexpr Text appdata_value_field{"Value", "属性值"};
inline constexpr Text appdata_value_hint{"value (at most 50 bytes)", "属性值(最多 50 字节)"};
inline constexpr Text appdata_set_attr{"Set attribute", "设置属性"};
inline constexpr Text appdata_remove_attr{"Remove attribute...", "删除属性..."};
inline constexpr Text appdata_need_attr{"Type an attribute name.", "请输入属性名。"};
inline constexpr Text appdata_need_value{"Type a value.", "请输入属性值。"};
inline constexpr Text appdata_no_such_attr{"90033: the app has no attribute named {} (see Attribute names).",
                                           "90033：应用没有名为 {} 的属性(见“属性名”)。"};
inline constexpr Text appdata_value_long{"90033: the value is {} bytes; the limit is 50.",
                                         "90033：属性值为 {} 字节，上限为 50 字节。"};
inline constexpr Text appdata_registration_attr{
    "90035 for UserID accounts: attribute {} is for RegistrationIDs.",
    "UserID 账号会得到 90035：属性 {} 用于 RegistrationID。"};
inline constexpr Text appdata_names_hint_list{"The app's names: {}", "应用的属性名：{}"};
inline constexpr Text appdata_done{"{}: done.", "{}：已完成。"};
inline constexpr Text appdata_done_some{"{}: done, except for the accounts below.", "{}：已完成，下列账号除外。"};
inline constexpr Text appdata_change_reach{
    "Who a tag or attribute push reaches has changed; Compose asks the sandbox again.",
    "标签或属性推送的覆盖人群已变化；“编写”会重新向沙盒查询。"};

// The confirmation of a removal
inline constexpr Text appdata_confirm_title{"This cannot be undone", "此操作无法撤销"};
inline constexpr Text appdata_confirm_remove_tags{"Remove the tags {} from {}?", "删除标签 {}(账号：{})？"};
inline constexpr Text appdata_confirm_clear{"Remove every tag of {}?", "删除 {} 的全部标签？"};
inline constexpr Text appdata_confirm_remove_attr{"Remove the attribute {} from {}?", "删除属性 {}(账号：{})？"};
inline constexpr Text appdata_confirm_yes{"Remove", "删除"};

}  // namespace timpush::ui::txt
