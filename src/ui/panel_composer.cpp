// Composer: the audience (all users, tags, attributes), the message fields and every field of
// OfflinePushInfo, AndroidInfo and ApnsInfo (reference.md sections 2-3), each with help on hover
// and its issues shown underneath.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/audience.h"
#include "ui/derive.h"
#include "ui/learn_panels.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

void draw_audience(AppState& state) {
  Lang lang = state.lang;
  ImGui::SeparatorText(tr(lang, txt::audience));
  int audience = static_cast<int>(state.audience);
  bool changed = ImGui::RadioButton(label(lang, txt::all_users).c_str(), &audience, static_cast<int>(Audience::all));
  same_line_or_wrap(label(lang, txt::by_tags));
  changed |= ImGui::RadioButton(label(lang, txt::by_tags).c_str(), &audience, static_cast<int>(Audience::tags));
  same_line_or_wrap(label(lang, txt::by_attrs));
  changed |= ImGui::RadioButton(label(lang, txt::by_attrs).c_str(), &audience, static_cast<int>(Audience::attrs));
  if (changed) set_audience(state, static_cast<Audience>(audience));
  draw_reach(state);  // against the sandbox: "reaches N of M users"

  core::Condition condition = state.request.condition.value_or(core::Condition{});
  bool edited = false;
  // For all users, the checks' own warning under the Condition says who receives it.
  if (state.audience == Audience::tags) {
    ImGui::TextDisabled("%s", "TagsAnd / TagsOr / TagsNot");
    help_marker(state, core::ExplainScope::body, "/Condition");
    edited |= tag_list_editor(state, "TagsAnd", condition.tags_and, state.new_tag[0], "/Condition/TagsAnd");
    edited |= tag_list_editor(state, "TagsOr", condition.tags_or, state.new_tag[1], "/Condition/TagsOr");
    edited |= tag_list_editor(state, "TagsNot", condition.tags_not, state.new_tag[2], "/Condition/TagsNot");
  } else if (state.audience == Audience::attrs) {
    ImGui::TextDisabled("%s", "AttrsAnd / AttrsOr");
    help_marker(state, core::ExplainScope::body, "/Condition");
    edited |= attr_map_editor(state, "AttrsAnd", condition.attrs_and, state.new_attr_name[0],
                              state.new_attr_value[0], "/Condition/AttrsAnd");
    edited |= attr_map_editor(state, "AttrsOr", condition.attrs_or, state.new_attr_name[1],
                              state.new_attr_value[1], "/Condition/AttrsOr");
  }
  // Issues of the whole Condition (90039 mixing, all-users warning) belong here.
  field_issues(state, "/Condition");
  if (edited) {
    mark_edited(state);
    if (core::is_blank(condition)) state.request.condition.reset();
    else state.request.condition = std::move(condition);
  }
}

void draw_message(AppState& state) {
  Lang lang = state.lang;
  core::PushRequest& r = state.request;
  ImGui::SeparatorText(tr(lang, txt::message));
  float width = -ImGui::GetFontSize() * 9;
  ImGui::SetNextItemWidth(width);
  if (optional_text(state, "From_Account", r.from_account, "/From_Account"))
    mark_edited(state);

  field_anchor(state, "/MsgRandom");
  if (r.msg_random) {
    uint32_t value = *r.msg_random;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::InputScalar("MsgRandom", ImGuiDataType_U32, &value)) {
      r.msg_random = value;
      mark_edited(state);
    }
  } else {
    ImGui::TextColored(tone_colour(Tone::bad), "MsgRandom: %s", tr(lang, txt::msg_random_missing));
  }
  ImGui::SameLine();
  if (small_button(state, label(lang, txt::regenerate, "MsgRandom"))) {
    state.keep.guard.discard_retry();  // a new MsgRandom asked for: the next send is a new push
    regenerate_msg_random(state);
  }
  help_marker(state, core::ExplainScope::body, "/MsgRandom");
  field_issues(state, "/MsgRandom");
  ImGui::Checkbox(label(lang, txt::renew_after_ok).c_str(), &state.renew_msg_random_after_ok);

  ImGui::SetNextItemWidth(width);
  if (optional_text(state, "DataId", r.data_id, "/DataId")) mark_edited(state);
}

void draw_android(AppState& state, core::OfflinePushInfo& info, bool& edited) {
  const std::string base = "/OfflinePushInfo/AndroidInfo";
  if (state.open_android) {
    ImGui::SetNextItemOpen(true);
    state.open_android = false;
  }
  if (!ImGui::TreeNode(stable_label(state.lang, txt::android_info).c_str())) {
    field_issues(state, base, true);
    return;
  }
  core::AndroidInfo a = info.android_info.value_or(core::AndroidInfo{});
  bool changed = false;
  float width = -ImGui::GetFontSize() * 9;
  ImGui::PushID("android");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "Sound", a.sound, base + "/Sound");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "HuaWeiChannelID", a.huawei_channel_id, base + "/HuaWeiChannelID");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "XiaoMiChannelID", a.xiaomi_channel_id, base + "/XiaoMiChannelID");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "OPPOChannelID", a.oppo_channel_id, base + "/OPPOChannelID");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "GoogleChannelID", a.google_channel_id, base + "/GoogleChannelID");
  ImGui::SetNextItemWidth(width);
  changed |= optional_int_choice(state, "VIVOClassification", a.vivo_classification,
                                 {{0, "0 marketing / 运营"}, {1, "1 system / 系统"}}, base + "/VIVOClassification");
  ImGui::SetNextItemWidth(width);
  changed |= optional_string_choice(state, "HuaWeiImportance", a.huawei_importance, {"LOW", "NORMAL"},
                                    base + "/HuaWeiImportance");
  ImGui::SetNextItemWidth(width);
  changed |= optional_int_choice(state, "ExtAsHuaweiIntentParam", a.ext_as_huawei_intent_param,
                                 {{0, "0 action"}, {1, "1 intent"}}, base + "/ExtAsHuaweiIntentParam");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "HuaWeiCategory", a.huawei_category, base + "/HuaWeiCategory");
  changed |= extra_fields_editor(state, "android extra", a.extra, base,
                                 {"PushStyle", "HuaWeiImage", "HonorImage", "HonorImportance", "GoogleImage",
                                  "GooglePriority", "OPPOCategory", "OPPONotifyLevel", "VIVOCategory",
                                  "VIVONotifyType", "MeiZuNoticeMsgType"});
  field_issues(state, base);
  ImGui::PopID();
  ImGui::TreePop();
  if (changed) {
    info.android_info = std::move(a);
    edited = true;
  }
}

void draw_apns(AppState& state, core::OfflinePushInfo& info, bool& edited) {
  const std::string base = "/OfflinePushInfo/ApnsInfo";
  if (state.open_apns) {
    ImGui::SetNextItemOpen(true);
    state.open_apns = false;
  }
  if (!ImGui::TreeNode(stable_label(state.lang, txt::apns_info).c_str())) {
    field_issues(state, base, true);
    return;
  }
  core::ApnsInfo a = info.apns_info.value_or(core::ApnsInfo{});
  bool changed = false;
  float width = -ImGui::GetFontSize() * 9;
  ImGui::PushID("apns");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "Sound", a.sound, base + "/Sound");
  ImGui::SetNextItemWidth(width);
  changed |= optional_int_choice(state, "BadgeMode", a.badge_mode, {{0, "0 count"}, {1, "1 keep"}},
                                 base + "/BadgeMode");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "Title", a.title, base + "/Title");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "SubTitle", a.sub_title, base + "/SubTitle");
  ImGui::SetNextItemWidth(width);
  changed |= optional_text(state, "Image", a.image, base + "/Image");
  ImGui::SetNextItemWidth(width);
  changed |= optional_int_choice(state, "MutableContent", a.mutable_content, {{0, "0"}, {1, "1"}},
                                 base + "/MutableContent");
  changed |= extra_fields_editor(state, "apns extra", a.extra, base, {});
  field_issues(state, base);
  ImGui::PopID();
  ImGui::TreePop();
  if (changed) {
    info.apns_info = std::move(a);
    edited = true;
  }
}

void draw_offline_push_info(AppState& state) {
  Lang lang = state.lang;
  const std::string base = "/OfflinePushInfo";
  ImGui::SeparatorText(tr(lang, txt::offline_push_info));
  field_issues(state, base);
  core::OfflinePushInfo info = state.request.offline_push_info.value_or(core::OfflinePushInfo{});
  bool edited = false;
  ImGui::PushID("offline");

  field_anchor(state, base + "/PushFlag");
  ImGui::TextUnformatted("PushFlag");
  same_line_or_wrap(label(lang, txt::not_set, "PushFlag"));
  int flag = info.push_flag ? static_cast<int>(*info.push_flag) : -1;
  bool known = flag == -1 || flag == 0 || flag == 1;
  if (ImGui::RadioButton(label(lang, txt::not_set, "PushFlag").c_str(), flag == -1)) {
    info.push_flag.reset();
    edited = true;
  }
  same_line_or_wrap(label(lang, txt::push_flag_0));
  if (ImGui::RadioButton(label(lang, txt::push_flag_0).c_str(), flag == 0)) {
    info.push_flag = 0;
    edited = true;
  }
  same_line_or_wrap(label(lang, txt::push_flag_1));
  if (ImGui::RadioButton(label(lang, txt::push_flag_1).c_str(), flag == 1)) {
    info.push_flag = 1;
    edited = true;
  }
  if (!known) {
    ImGui::SameLine();
    ImGui::Text("(%d)", flag);
  }
  help_marker(state, core::ExplainScope::body, base + "/PushFlag");
  field_issues(state, base + "/PushFlag");

  float width = -ImGui::GetFontSize() * 9;
  ImGui::SetNextItemWidth(width);
  edited |= optional_text(state, "Title", info.title, base + "/Title");
  ImGui::SetNextItemWidth(width);
  edited |= optional_text(state, "Desc", info.desc, base + "/Desc");
  edited |= optional_text(state, "Ext", info.ext, base + "/Ext", true);
  draw_android(state, info, edited);
  draw_apns(state, info, edited);
  edited |= extra_fields_editor(state, "offline extra", info.extra, base, {});
  ImGui::PopID();
  if (edited) {
    mark_edited(state);
    state.request.offline_push_info = std::move(info);
  }
}

}  // namespace

void draw_composer(AppState& state) {
  ImGui::PushID("composer");
  draw_send_mode(state);  // push, test send or schedule (panel_schedules.cpp)
  draw_audience(state);
  draw_message(state);
  draw_offline_push_info(state);
  ImGui::SeparatorText(tr(state.lang, txt::unknown_top_fields));
  extra_fields_editor(state, "top extra", state.request.extra, "", {});
  ImGui::PopID();
}

}  // namespace timpush::ui
