// Error codes: the catalogue of core error_catalog, searchable by code or word in both languages.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/error_catalog.h"
#include "ui/panels.h"

namespace timpush::ui {

void draw_error_codes(AppState& state) {
  Lang lang = state.lang;
  ImGui::PushID("error codes");
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
  ImGui::InputTextWithHint(label(lang, txt::search).c_str(), tr(lang, txt::search_hint), &state.view.error_search);
  std::vector<const core::ErrorEntry*> entries;
  if (state.view.error_search.empty()) {
    for (const auto& entry : core::error_catalog()) entries.push_back(&entry);
  } else {
    entries = core::search_errors(state.view.error_search);
  }
  if (entries.empty()) {
    ImGui::TextDisabled("%s", tr(lang, txt::no_match));
    ImGui::PopID();
    return;
  }
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("codes", 3, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(lang, txt::code), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    ImGui::TableSetupColumn(tr(lang, txt::meaning), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(lang, txt::fix), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    for (const core::ErrorEntry* entry : entries) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::Text("%d", entry->code);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextWrapped("%s", std::string(tr(lang, entry->meaning)).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextWrapped("%s", std::string(tr(lang, entry->fix)).c_str());
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

}  // namespace timpush::ui
