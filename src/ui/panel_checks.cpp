// Checks: every issue core validate_body finds in the exact body, with its code and message in
// the UI language. Clicking one brings its field into view and gives it keyboard focus.
#include <imgui.h>

#include "ui/derive.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {

void request_focus(AppState& state, const std::string& pointer) {
  state.focus.pointer = pointer;
  state.focus.claimed.clear();
  state.focus.frames_left = 4;
  // The form holds the fields; collapsed sections are opened so their widgets exist.
  if (!state.raw.active || state.raw.parses) state.raw.active = false;
  if (pointer.rfind("/OfflinePushInfo/AndroidInfo", 0) == 0) state.open_android = true;
  if (pointer.rfind("/OfflinePushInfo/ApnsInfo", 0) == 0) state.open_apns = true;
  // A field of the credentials ("?sdkappid", explain.h's focus ids) is in their section.
  if (!pointer.empty() && pointer[0] == '?') state.explain.open_credentials = true;
}

void resolve_focus(AppState& state) {
  FocusRequest& f = state.focus;
  if (f.pointer.empty() || !f.claimed.empty()) return;
  // The most specific widget at or above the issue's pointer.
  const std::string* best = nullptr;
  for (const std::string& seen : f.seen) {
    bool matches = f.pointer == seen ||
                   (f.pointer.size() > seen.size() && f.pointer.compare(0, seen.size(), seen) == 0 &&
                    (seen.empty() || f.pointer[seen.size()] == '/'));
    if (matches && (!best || seen.size() > best->size())) best = &seen;
  }
  if (best && (!best->empty() || f.frames_left <= 1)) {
    f.claimed = *best;
    return;
  }
  if (--f.frames_left <= 0) f.pointer.clear();
}

void draw_checks(AppState& state) {
  Lang lang = state.lang;
  const Derived& d = state.derived;
  ImGui::PushID("checks");
  if (d.report.issues.empty()) {
    ImGui::TextColored(tone_colour(Tone::good), "%s", tr(lang, txt::no_issues));
    ImGui::PopID();
    return;
  }
  ImGui::Text("%zu %s, %zu %s", d.error_count, tr(lang, txt::errors), d.warning_count, tr(lang, txt::warnings));
  ImGui::TextDisabled("%s", tr(lang, txt::click_to_focus));
  ImGui::Separator();
  int index = 0;
  for (const auto& issue : d.report.issues) {
    ImGui::PushID(index++);
    bool is_error = issue.severity == core::Severity::error;
    const std::string& message = tr(lang, issue.message);
    std::string where = issue.pointer.empty() ? std::string(tr(lang, txt::whole_body)) : issue.pointer;
    if (issue.line > 0) where += " (" + std::to_string(issue.line) + ":" + std::to_string(issue.column) + ")";
    std::string head = std::to_string(issue.code) + "  " + tr(lang, is_error ? txt::error_word : txt::warning_word) +
                       "  " + where;
    // One selectable covers the head line and the wrapped message under it.
    float wrap = ImGui::GetContentRegionAvail().x;
    float message_height = ImGui::CalcTextSize(message.c_str(), nullptr, false, wrap).y;
    ImVec2 top = ImGui::GetCursorPos();
    ImVec4 colour = tone_colour(is_error ? Tone::bad : Tone::warn);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    if (ImGui::Selectable((head + "##issue").c_str(), false, ImGuiSelectableFlags_AllowOverlap,
                          ImVec2(0, ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.y + message_height))) {
      request_focus(state, issue.pointer);
      if (issue.code == 90001 && state.raw.active) go_to_raw_error(state);
    }
    ImGui::SetCursorPos(ImVec2(top.x, top.y + ImGui::GetTextLineHeightWithSpacing()));
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::PopID();
  }
  ImGui::PopID();
}

}  // namespace timpush::ui
