// Raw JSON mode: the body as text. Every edit is read back into the form; fields the form does
// not know are kept by the core model; a parse error shows 90001 with its line and column.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/push_request.h"
#include "ui/panels.h"
#include "ui/state_logic.h"
#include "ui/widgets.h"

namespace timpush::ui {

void draw_raw_json(AppState& state) {
  Lang lang = state.lang;
  ImGui::PushID("raw");
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(lang, txt::raw_help));
  ImGui::PopTextWrapPos();
  if (ImGui::Button(label(lang, txt::raw_format).c_str()) && state.raw.parses)
    state.raw.text = core::serialize_pretty(state.request);
  ImGui::SameLine();
  if (ImGui::Button(label(lang, txt::raw_from_form).c_str())) enter_raw_mode(state);

  if (!state.raw.parses) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.35f, 1.0f), "%s: %s %d, %s %d", tr(lang, txt::raw_parse_error),
                       tr(lang, txt::raw_line_col), state.raw.line, tr(lang, txt::raw_column), state.raw.column);
    ImGui::TextColored(ImVec4(0.95f, 0.35f, 0.35f, 1.0f), "%s", state.raw.error.c_str());
    ImGui::PopTextWrapPos();
  }
  field_anchor(state, "");
  ImVec2 size(-FLT_MIN, ImGui::GetContentRegionAvail().y);
  if (ImGui::InputTextMultiline("##Body", &state.raw.text, size,
                                ImGuiInputTextFlags_AllowTabInput))
    apply_raw_text(state);
  ImGui::PopID();
}

}  // namespace timpush::ui
