// The Drafts tab: the named drafts (switch, new, rename, delete), the "remember the key" choice
// with its warning, and any storage problem.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/draft.h"
#include "ui/keeping.h"
#include "ui/panels.h"

namespace timpush::ui {

void draw_drafts(AppState& state) {
  Lang lang = state.lang;
  Keeping& k = state.keep;
  if (!k.storage_message.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.35f, 1.0f), "%s", k.storage_message.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(lang, txt::drafts_autosaved));
  ImGui::PopTextWrapPos();

  if (ImGui::Button(label(lang, txt::new_draft).c_str())) new_draft(state);
  ImGui::SameLine();
  if (ImGui::Button(label(lang, txt::delete_draft).c_str())) delete_active_draft(state);

  if (state.view.rename_to.empty()) state.view.rename_to = k.drafts.active;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  ImGui::InputText(label(lang, txt::draft_name).c_str(), &state.view.rename_to);
  ImGui::SameLine();
  if (ImGui::Button(label(lang, txt::rename_draft).c_str())) rename_active_draft(state, state.view.rename_to);

  bool remember = k.remember;
  if (ImGui::Checkbox(label(lang, txt::remember_key).c_str(), &remember)) set_remember(state, remember);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(lang, txt::remember_is_device));
  if (k.remember) {
    ImGui::PushTextWrapPos(0);
    std::string_view warning = tr(lang, core::remember_warning);
    ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.30f, 1.0f), "%.*s", static_cast<int>(warning.size()), warning.data());
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
  std::string switch_to;
  for (const core::Draft& d : k.drafts.drafts) {
    bool active = d.name == k.drafts.active;
    std::string item = d.name + "##draft";
    if (ImGui::Selectable(item.c_str(), active)) switch_to = d.name;
  }
  if (!switch_to.empty()) switch_draft(state, switch_to);
}

}  // namespace timpush::ui
