// The App data place (View::app_data): the app's attribute names (read, edited, saved, with their
// rules at each name) and accounts' tags and attributes (looked up, added, set, removed after a
// confirmation). The requests and every rule are app_data_flow's; this file only draws.
#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "core/error_catalog.h"
#include "ui/app_data_flow.h"
#include "ui/follow_flow.h"
#include "ui/follow_panels.h"
#include "ui/later.h"
#include "ui/layout.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

std::string field_id(const Text& text) { return "##" + std::string(text.en); }

std::string joined(const std::vector<std::string>& items, const char* separator = ", ") {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

void wrapped(const ImVec4* colour, const std::string& text) {
  ImGui::PushTextWrapPos(0);
  if (colour) ImGui::TextColored(*colour, "%s", text.c_str());
  else ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

// A rule broken at the field just drawn, in red under it.
void problem_at_field(const AppState& state, const std::optional<Words>& problem) {
  if (!problem) return;
  const ImVec4 bad = tone_colour(Tone::bad);
  wrapped(&bad, tr(state.lang, *problem));
}

// The next button on this row when it fits, else on the next row (a phone's width).
void same_row_if_fits(const std::string& button) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(button.c_str(), nullptr, true).x + style.FramePadding.x * 2;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

void draw_blocked(const AppState& state, const std::optional<Text>& blocked) {
  if (!blocked) return;
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(state.lang, *blocked));
}

void draw_name_row(AppState& state, size_t slot, size_t read_count, const std::vector<core::Issue>& issues,
                   std::optional<size_t>& remove) {
  const Lang lang = state.lang;
  AppDataState& a = state.app_data;
  ImGui::PushID(static_cast<int>(slot));
  std::string kind = tr(lang, txt::appdata_slot_new);
  if (slot < read_count) {
    const auto& type = a.names->names[slot].type;
    kind = type ? tr(lang, *type == 1 ? txt::appdata_type_registration : txt::appdata_type_user) : "";
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("%s", tr(lang, fill(txt::appdata_slot, std::to_string(slot))).c_str());
  ImGui::SameLine(ImGui::GetFontSize() * 4.5f);
  const std::string remove_label = label(lang, txt::remove, ("name " + std::to_string(slot)).c_str());
  const float tail = ImGui::CalcTextSize(kind.c_str()).x + ImGui::GetStyle().ItemSpacing.x +
                     (slot >= read_count ? ImGui::CalcTextSize(tr(lang, txt::remove)).x + ImGui::GetFontSize() * 1.5f : 0);
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().x - tail));
  ImGui::InputTextWithHint(("##name " + std::to_string(slot)).c_str(), tr(lang, txt::appdata_name_hint), &a.edit[slot]);
  if (!kind.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", kind.c_str());
  }
  if (slot >= read_count) {
    ImGui::SameLine();
    if (small_button(state, remove_label)) remove = slot;
  }
  const std::string pointer = "/AttrNames/" + std::to_string(slot);
  for (const core::Issue& issue : issues)
    if (issue.pointer == pointer) problem_at_field(state, core::same(std::to_string(issue.code) + ": ") + issue.message);
  ImGui::PopID();
}

void draw_names(AppState& state) {
  const Lang lang = state.lang;
  AppDataState& a = state.app_data;
  ImGui::SeparatorText(tr(lang, txt::appdata_names_title));
  const std::optional<Text> blocked = app_data_blocker(state);
  ImGui::BeginDisabled(blocked.has_value());
  if (ImGui::Button(label(lang, txt::appdata_read_names).c_str())) ask_attr_names(state);
  ImGui::EndDisabled();
  draw_blocked(state, blocked);
  if (a.names_refused) draw_answer_failure(state, *a.names_refused);
  if (!a.names) {
    ImGui::TextDisabled("%s", tr(lang, txt::appdata_names_not_read));
    return;
  }
  const ImVec4 good = tone_colour(Tone::good);
  if (a.saved) wrapped(&good, tr(lang, txt::appdata_saved));
  if (a.names->names.empty()) ImGui::TextDisabled("%s", tr(lang, txt::appdata_names_none));
  else wrapped(nullptr, tr(lang, txt::appdata_names_known));

  const std::vector<core::Issue> issues = attr_name_issues(state);
  const size_t read_count = a.names->names.size();
  std::optional<size_t> remove;
  for (size_t slot = 0; slot < a.edit.size(); ++slot) draw_name_row(state, slot, read_count, issues, remove);
  if (remove) a.edit.erase(a.edit.begin() + static_cast<std::ptrdiff_t>(*remove));
  if (a.edit.size() < core::max_attr_names) {
    if (ImGui::Button(label(lang, txt::appdata_new_name).c_str())) a.edit.emplace_back();
  } else {
    ImGui::TextDisabled("%s", tr(lang, txt::appdata_at_most_ten));
  }
  if (read_count > 0) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(lang, txt::appdata_read_kept));
    ImGui::PopTextWrapPos();
  }

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(lang, txt::appdata_account_type));
  const std::pair<int, const Text*> types[] = {{-1, &txt::appdata_type_keep}, {0, &txt::appdata_type_user},
                                               {1, &txt::appdata_type_registration}};
  for (const auto& [value, text] : types) {
    const std::string radio = label(lang, *text, "AttrTypes");
    same_line_or_wrap(radio);
    if (ImGui::RadioButton(radio.c_str(), a.edit_type == value)) a.edit_type = value;
  }
  for (const core::Issue& issue : issues)
    if (issue.pointer == "/AttrTypes") problem_at_field(state, core::same(std::to_string(issue.code) + ": ") + issue.message);

  const std::optional<Text> save_off = save_blocker(state);
  ImGui::BeginDisabled(save_off.has_value());
  if (ImGui::Button(label(lang, txt::appdata_save_names).c_str())) save_attr_names(state);
  ImGui::EndDisabled();
  draw_blocked(state, save_off);
}

// An account the service refused in a partial success: its code, its info, and the code's meaning.
void draw_account_errors(const AppState& state, const std::vector<core::AccountError>& errors) {
  const ImVec4 bad = tone_colour(Tone::bad);
  for (const core::AccountError& e : errors) {
    std::string why = e.code ? std::to_string(*e.code) : "?";
    if (!e.info.empty()) why += " " + e.info;
    const core::ErrorEntry* entry = e.code && *e.code >= 0 && *e.code <= INT32_MAX ? core::find_error(static_cast<int>(*e.code)) : nullptr;
    if (entry) why += " (" + std::string(tr(state.lang, entry->meaning)) + ")";
    wrapped(&bad, tr(state.lang, fill(fill(txt::appdata_refused_for, e.account), why)));
  }
}

void draw_found(AppState& state) {
  const Lang lang = state.lang;
  const AppDataState& a = state.app_data;
  if (a.lookup_refused) draw_answer_failure(state, *a.lookup_refused);
  if (!a.looked_up) return;
  if (ImGui::BeginTable("found", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr(lang, txt::appdata_col_account), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(lang, txt::appdata_col_tags), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr(lang, txt::appdata_col_attrs), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (const core::UserTags& user : a.found_tags) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextWrapped("%s", user.account.c_str());
      ImGui::TableSetColumnIndex(1);
      if (user.tags.empty()) ImGui::TextDisabled("%s", tr(lang, txt::appdata_no_tags));
      else ImGui::TextWrapped("%s", joined(user.tags).c_str());
      ImGui::TableSetColumnIndex(2);
      const auto attrs = std::find_if(a.found_attrs.begin(), a.found_attrs.end(),
                                      [&](const core::UserAttrs& u) { return u.account == user.account; });
      std::vector<std::string> pairs;
      if (attrs != a.found_attrs.end())
        for (const auto& [name, value] : attrs->attrs) pairs.push_back(name + "=" + value);
      if (pairs.empty()) ImGui::TextDisabled("%s", tr(lang, txt::appdata_no_attrs));
      else ImGui::TextWrapped("%s", joined(pairs).c_str());
    }
    ImGui::EndTable();
  }
  draw_account_errors(state, a.lookup_errors);
}

void draw_change_answer(AppState& state) {
  const AppDataState& a = state.app_data;
  if (!a.change_answer) return;
  if (!a.change_answer->envelope.ok()) {
    draw_answer_failure(state, a.change_answer->envelope);
    return;
  }
  const ImVec4 good = tone_colour(Tone::good);
  wrapped(&good, tr(state.lang, fill(a.change_answer->errors.empty() ? txt::appdata_done : txt::appdata_done_some, a.change_api)));
  draw_account_errors(state, a.change_answer->errors);
  if (state.creds.kind == TargetKind::sandbox) ImGui::TextDisabled("%s", tr(state.lang, txt::appdata_change_reach));
}

void draw_accounts(AppState& state) {
  const Lang lang = state.lang;
  AppDataState& a = state.app_data;
  ImGui::SeparatorText(tr(lang, txt::appdata_accounts_title));
  const std::optional<Text> blocked = app_data_blocker(state);
  const std::optional<Words> accounts_off = a.accounts.empty() ? std::nullopt : accounts_problem(state);
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint(field_id(txt::appdata_accounts_field).c_str(), tr(lang, txt::appdata_accounts_hint),
                                              &a.accounts, ImGuiInputTextFlags_EnterReturnsTrue);
  problem_at_field(state, accounts_off);
  const bool accounts_ok = !accounts_problem(state);
  ImGui::BeginDisabled(blocked.has_value() || !accounts_ok);
  if (ImGui::Button(label(lang, txt::appdata_look_up).c_str()) || (enter && !blocked && accounts_ok)) look_up_accounts(state);
  ImGui::EndDisabled();
  draw_blocked(state, blocked);
  draw_found(state);

  // Tags
  ImGui::Spacing();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint(field_id(txt::appdata_tags_field).c_str(), tr(lang, txt::appdata_tags_hint), &a.tags);
  const std::optional<Words> tags_off = tags_problem(state);
  if (!a.tags.empty()) problem_at_field(state, tags_off);
  ImGui::Checkbox(label(lang, txt::appdata_replace).c_str(), &a.replace);
  const bool can_ask = !blocked && accounts_ok;
  ImGui::BeginDisabled(!can_ask || tags_off.has_value());
  if (ImGui::Button(label(lang, txt::appdata_add_tags).c_str())) add_tags(state);
  ImGui::EndDisabled();
  const std::string remove_tags = label(lang, txt::appdata_remove_tags);
  same_row_if_fits(remove_tags);
  ImGui::BeginDisabled(!can_ask || core::check_tags(typed_tags(state), false).has_value());
  if (ImGui::Button(remove_tags.c_str())) ask_removal(state, AppDataRemoval::remove_tags);
  ImGui::EndDisabled();
  const std::string clear = label(lang, txt::appdata_clear_tags);
  same_row_if_fits(clear);
  ImGui::BeginDisabled(!can_ask);
  if (ImGui::Button(clear.c_str())) ask_removal(state, AppDataRemoval::clear_tags);
  ImGui::EndDisabled();

  // Attributes
  ImGui::Spacing();
  const float half = std::max(ImGui::GetFontSize() * 7, (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2);
  ImGui::SetNextItemWidth(half);
  ImGui::InputTextWithHint(field_id(txt::appdata_attr_field).c_str(), tr(lang, txt::appdata_attr_field), &a.attr_name);
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 6) ImGui::NewLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint(field_id(txt::appdata_value_field).c_str(), tr(lang, txt::appdata_value_hint), &a.attr_value);
  if (a.known_names && !a.known_names->empty())
    ImGui::TextDisabled("%s", tr(lang, fill(txt::appdata_names_hint_list, joined(*a.known_names))).c_str());
  const std::optional<Words> set_off = attr_problem(state, true);
  const std::optional<Words> remove_off = attr_problem(state, false);
  if (!a.attr_name.empty() || !a.attr_value.empty()) problem_at_field(state, set_off);
  if (const std::optional<Words> warning = attr_warning(state)) {
    const ImVec4 warn = tone_colour(Tone::warn);
    wrapped(&warn, tr(lang, *warning));
  }
  ImGui::BeginDisabled(!can_ask || set_off.has_value());
  if (ImGui::Button(label(lang, txt::appdata_set_attr).c_str())) set_attribute(state);
  ImGui::EndDisabled();
  const std::string remove_attr = label(lang, txt::appdata_remove_attr);
  same_row_if_fits(remove_attr);
  ImGui::BeginDisabled(!can_ask || remove_off.has_value());
  if (ImGui::Button(remove_attr.c_str())) ask_removal(state, AppDataRemoval::remove_attr);
  ImGui::EndDisabled();
  draw_change_answer(state);
}

// The removal's confirmation: a modal as the send's are (panel_confirm.cpp), Escape backs out.
void draw_removal_confirm(AppState& state) {
  const Lang lang = state.lang;
  AppDataState& a = state.app_data;
  const char* popup = "Confirm removal";
  if (a.confirming != AppDataRemoval::none && !ImGui::IsPopupOpen(popup)) {
    ImGui::OpenPopup(popup);
    wake_in(state, 0);  // it shows from the next frame, which no input may bring
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 30, vp->WorkSize.x - 16), 0));
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) return;
  const std::string accounts = joined(typed_accounts(state));
  Words question;
  if (a.confirming == AppDataRemoval::remove_tags)
    question = fill(fill(txt::appdata_confirm_remove_tags, joined(typed_tags(state))), accounts);
  else if (a.confirming == AppDataRemoval::clear_tags)
    question = fill(txt::appdata_confirm_clear, accounts);
  else
    question = fill(fill(txt::appdata_confirm_remove_attr, std::string(core::trim(a.attr_name))), accounts);
  ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::appdata_confirm_title));
  wrapped(nullptr, tr(lang, question));
  ImGui::Spacing();
  const bool yes = ImGui::Button(label(lang, txt::appdata_confirm_yes, "confirm").c_str());
  ImGui::SameLine();
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  bool no = ImGui::Button(label(lang, txt::cancel).c_str());
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) no = true;
  if (yes) confirm_removal(state);
  else if (no) cancel_removal(state);
  if (a.confirming == AppDataRemoval::none) ImGui::CloseCurrentPopup();
  // The screen behind dims over a few frames; frames are drawn only on demand.
  if (ImGui::GetCurrentContext()->DimBgRatio < 1.0f) wake_in(state, 16);
  ImGui::EndPopup();
}

}  // namespace

TIMPUSH_LATER void draw_app_data(AppState& state) {
  const Lang lang = state.lang;
  ImGui::PushID("app data");
  if (ImGui::BeginChild("app data scroll", ImVec2(0, 0), kFlat)) {
    ImGui::SeparatorText(tr(lang, txt::place_app_data));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(lang, txt::appdata_intro));
    ImGui::PopTextWrapPos();
    draw_names(state);
    draw_accounts(state);
    draw_removal_confirm(state);
  }
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace timpush::ui
