// Raw JSON mode: the body as text. Every edit is read back into the form; fields the form does
// not know are kept by the core model; a parse error shows 90001 with its line and column.
#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/push_request.h"
#include "ui/derive.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {

namespace {

// Moves the caret to a requested place once the field is active (ImGui owns the caret then).
int place_caret(ImGuiInputTextCallbackData* data) {
  auto* raw = static_cast<RawJson*>(data->UserData);
  if (raw->caret_to >= 0) {
    const int at = raw->caret_to < data->BufTextLen ? raw->caret_to : data->BufTextLen;
    data->CursorPos = data->SelectionStart = data->SelectionEnd = at;
    raw->caret_to = -1;
  }
  return 0;
}

}  // namespace

void draw_raw_json(AppState& state) {
  Lang lang = state.lang;
  ImGui::PushID("raw");
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(lang, txt::raw_help));
  ImGui::PopTextWrapPos();
  if (ImGui::Button(label(lang, txt::raw_format).c_str()) && state.raw.parses) {
    state.raw.text = core::serialize_pretty(state.request);
    mark_edited(state);
  }
  ImGui::SameLine();
  if (ImGui::Button(label(lang, txt::raw_from_form).c_str())) enter_raw_mode(state);

  if (!state.raw.parses) {
    ImGui::PushTextWrapPos(0);
    const core::Issue* issue = raw_json_error(state);
    ImGui::TextColored(tone_colour(Tone::bad), "%s: %s %d, %s %d", tr(lang, txt::raw_parse_error),
                       tr(lang, txt::raw_line_col), issue ? issue->line : 0, tr(lang, txt::raw_column),
                       issue ? issue->column : 0);
    ImGui::SameLine();
    if (small_button(state, label(lang, txt::raw_go_to_error))) go_to_raw_error(state);
    // The check's own words say what is wrong there ("a comma before }"), in the UI's language.
    const std::string& why = tr(lang, !issue ? state.raw.error : issue->message);
    ImGui::TextColored(tone_colour(Tone::bad), "%s", why.c_str());
    ImGui::PopTextWrapPos();
  }
  field_anchor(state, "");
  const ImGuiID field_id = ImGui::GetID("##Body");
  // Activated by ID: SetKeyboardFocusHere tabs in, and a field that takes Tab ignores that.
  if (state.raw.caret_to >= 0 && ImGui::GetActiveID() != field_id) ImGui::ActivateItemByID(field_id);
  ImVec2 size(-FLT_MIN, ImGui::GetContentRegionAvail().y);
  if (ImGui::InputTextMultiline("##Body", &state.raw.text, size,
                                ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackAlways,
                                place_caret, &state.raw))
    apply_raw_text(state);
  ImGui::PopID();
}

}  // namespace timpush::ui
