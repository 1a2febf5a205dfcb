// The confirmations before a send: a push to every user (a modal that says so and sends only once
// the SDKAppID is typed, send_guard's rule, so a stray click never reaches everyone), and the first
// send to a host this device has not sent to (a modal naming the host: a share link can pick it).
#include <algorithm>

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "core/send_guard.h"
#include "ui/keeping.h"
#include "ui/panels.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

// 30 characters wide, or the screen's width less a margin on a phone; centred.
void place_dialog() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 30, vp->WorkSize.x - 16);
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
}

}  // namespace

bool draw_confirm(AppState& state) {
  Lang lang = state.lang;
  const char* popup = "Confirm everyone";
  if (state.view.confirm_open && !ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
  place_dialog();
  if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize))
    return false;
  uint32_t app = state.derived.sdkappid.value_or(0);
  ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::confirm_title));
  ImGui::PushTextWrapPos(0);
  std::string warning = tr(lang, core::everyone_warning(app));
  ImGui::TextUnformatted(warning.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##confirm sdkappid", tr(lang, txt::confirm_type), &state.view.confirm_typed);
  bool matches = core::confirmation_matches(state.view.confirm_typed, app);
  ImGui::BeginDisabled(!matches);
  bool send = ImGui::Button(label(lang, txt::confirm_send).c_str());
  ImGui::EndDisabled();
  ImGui::SameLine();
  bool cancel = ImGui::Button(label(lang, txt::cancel).c_str());
  // Escape backs out, as from any dialog (the field takes it too when active, and that is fine).
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
      ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
    cancel = true;
  // The send flow closes the modal once the push goes (confirm_open false, seen here next frame).
  if (cancel || !state.view.confirm_open) {
    state.view.confirm_open = false;
    state.view.confirm_typed.clear();
    ImGui::CloseCurrentPopup();
    send = false;
  }
  ImGui::EndPopup();
  return send;
}

bool draw_host_confirm(AppState& state) {
  Lang lang = state.lang;
  const char* popup = "Confirm host";
  if (state.view.host_confirm_open && !ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
  place_dialog();
  if (!ImGui::BeginPopupModal(popup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize))
    return false;
  ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::host_confirm_title));
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(state.view.confirm_host.c_str());
  ImGui::TextUnformatted(tr(lang, txt::host_confirm_body));
  if (state.creds.from_share_link) ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::from_share_link));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  bool send = ImGui::Button(label(lang, txt::host_confirm_send).c_str());
  ImGui::SameLine();
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  bool cancel = ImGui::Button(label(lang, txt::cancel).c_str());
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
      ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows))
    cancel = true;
  if (send || cancel || !state.view.host_confirm_open) {
    state.view.host_confirm_open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  // Good for this send only: the host is remembered once the request has left.
  if (send) state.view.host_confirmed = state.view.confirm_host;
  return send;
}

}  // namespace timpush::ui
