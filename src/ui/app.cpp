// The composer application: owns AppState, lays out the panels, and runs the frame: derive,
// draw, then the send flow once when Send or a confirmation was pressed, autosave, and the
// intents. Results are fed back to the flows. Everything the browser does goes out through Intents.
//
// Widget labels are what tests (tests/ui, tests/browser) and the automation hook find widgets by.
// Buttons and fields: the English label, "<zh>###<en>" in Chinese. Tabs and sections:
// "<shown>###<en>" in both languages, so their state survives a language switch. Visible labels
// (before "##") are what a person reads.
#include "ui/app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <utility>

#include "core/templates.h"
#include "ui/app_state.h"
#include "ui/derive.h"
#include "ui/keeping.h"
#include "ui/panels.h"
#include "ui/send_flow.h"
#include "ui/target.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

// A first push a newcomer can send as is: the product document's TagsOr example, targeted, so
// Send goes at once; pushes to every user always ask for the typed SDKAppID first.
core::PushRequest default_request() {
  const core::BuiltinTemplate* example = core::find_builtin_template("tags_or");
  if (!example) return core::PushRequest{};
  core::PushRequest request = example->request;
  request.msg_random.reset();  // a fresh one on the first frame, never the document's
  return request;
}

// The daily counter's warning for the app in the form, near or at the quota (90047).
std::string quota_message(const AppState& state) {
  if (!state.derived.sdkappid) return {};
  core::QuotaStatus q = state.keep.guard.quota(*state.derived.sdkappid, state.input.now_unix);
  return tr(state.lang, q.message);
}

void draw_top_bar(AppState& state, bool& send_clicked) {
  Lang lang = state.lang;
  ImGui::TextUnformatted(tr(lang, txt::app_title));
  ImGui::SameLine();

  std::optional<Text> blocker = send_blocker(state);
  // The label is plain "Send" when idle in English; otherwise the shown text changes and the
  // ID stays "###Send".
  std::string send_label = state.send.in_flight ? label(lang, txt::sending) : label(lang, txt::send);
  if (state.send.in_flight || lang == Lang::zh)
    send_label = std::string(tr(lang, state.send.in_flight ? txt::sending : txt::send)) + "###Send";
  // The server wants more than 1 s between pushes (90024): the button counts it down.
  int64_t lock_ms = state.keep.guard.lock_remaining_ms(now_ms(state));
  if (!state.send.in_flight && lock_ms > 0) {
    char countdown[48];
    std::snprintf(countdown, sizeof countdown, " (%.1f s)###Send", static_cast<double>(lock_ms) / 1000.0);
    send_label = std::string(tr(lang, txt::send)) + countdown;
  }
  float right = ImGui::GetWindowWidth() - ImGui::GetStyle().WindowPadding.x;
  const ImGuiStyle& style = ImGui::GetStyle();
  float radio = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
  float lang_width = radio * 2 + ImGui::CalcTextSize("English").x + ImGui::CalcTextSize("中文").x +
                     style.ItemSpacing.x;
  float send_width = ImGui::GetFontSize() * 7;
  std::string share = label(lang, txt::share_link);
  float share_width = ImGui::CalcTextSize(tr(lang, txt::share_link)).x + style.FramePadding.x * 2;
  const float controls_x = right - lang_width - send_width - share_width - style.ItemSpacing.x * 2;
  // On a narrow page the subtitle gives way rather than run under the buttons.
  const char* subtitle = tr(lang, txt::app_subtitle);
  if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(subtitle).x + style.ItemSpacing.x <= controls_x) {
    ImGui::TextDisabled("%s", subtitle);
    ImGui::SameLine();
  }
  ImGui::SameLine(controls_x);
  if (ImGui::Button(share.c_str())) copy_share_link(state);
  ImGui::SameLine();

  ImGui::BeginDisabled(blocker.has_value());
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.20f, 0.50f, 0.25f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.25f, 0.62f, 0.30f, 1.0f));
  if (ImGui::Button(send_label.c_str(), ImVec2(send_width, 0))) send_clicked = true;
  ImGui::PopStyleColor(2);
  ImGui::EndDisabled();
  if (blocker) ImGui::SetItemTooltip("%s", tr(lang, *blocker));

  ImGui::SameLine();
  if (ImGui::RadioButton("English", lang == Lang::en)) state.lang = Lang::en;
  ImGui::SameLine();
  if (ImGui::RadioButton("中文", lang == Lang::zh)) state.lang = Lang::zh;

  // One line of status under the bar: why Send is off, or the last note.
  if (!state.status_note.empty() && state.input.now_seconds < state.status_note_until) {
    ImGui::TextColored(tone_colour(Tone::good), "%s", state.status_note.c_str());
  } else if (!quota_message(state).empty()) {
    ImGui::TextColored(tone_colour(Tone::warn), "%s", quota_message(state).c_str());
  } else if (blocker) {
    ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, *blocker));
  } else if (!state.keep.storage_message.empty()) {
    // Drafts or history are not being saved: say so where it is seen, not only in the Drafts tab.
    std::string first_line = state.keep.storage_message.substr(0, state.keep.storage_message.find('\n'));
    ImGui::TextColored(tone_colour(Tone::warn), "%s", first_line.c_str());
  } else {
    ImGui::TextDisabled("%s", tr(lang, txt::ready_to_send));
  }
  ImGui::Separator();
}

void draw_left(AppState& state) {
  Lang lang = state.lang;
  if (ImGui::CollapsingHeader(stable_label(lang, txt::credentials).c_str(), ImGuiTreeNodeFlags_DefaultOpen))
    draw_credentials(state);
  if (ImGui::BeginTabBar("left tabs")) {
    // A check clicked while in raw mode brings the form back (request_focus clears raw.active).
    ImGuiTabItemFlags form_flags = 0;
    if (!state.raw.active && !state.focus.pointer.empty()) form_flags = ImGuiTabItemFlags_SetSelected;
    if (ImGui::BeginTabItem(stable_label(lang, txt::tab_form).c_str(), nullptr, form_flags)) {
      if (state.raw.active && !state.view.show_raw) {
        state.raw.active = false;  // the form's body again, not a raw text that did not parse
        mark_edited(state);
      }
      draw_composer(state);
      ImGui::EndTabItem();
    }
    // A loaded body that does not parse is shown as text in the raw tab.
    ImGuiTabItemFlags raw_flags = state.view.show_raw ? ImGuiTabItemFlags_SetSelected : 0;
    if (ImGui::BeginTabItem(stable_label(lang, txt::tab_raw).c_str(), nullptr, raw_flags)) {
      state.view.show_raw = false;
      if (!state.raw.active) enter_raw_mode(state);
      draw_raw_json(state);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

void draw_right(AppState& state) {
  Lang lang = state.lang;
  RightTab select = state.view.select_tab;
  state.view.select_tab = RightTab::none;
  auto flags_for = [select](RightTab tab) { return select == tab ? ImGuiTabItemFlags_SetSelected : 0; };
  if (!ImGui::BeginTabBar("right tabs")) return;
  if (ImGui::BeginTabItem(stable_label(lang, txt::tab_preview).c_str(), nullptr, flags_for(RightTab::preview))) {
    draw_preview(state);
    ImGui::EndTabItem();
  }
  const Derived& d = state.derived;
  std::string checks = std::string(tr(lang, txt::tab_checks)) + " (" + std::to_string(d.error_count) + "/" +
                       std::to_string(d.warning_count) + ")###Checks";
  if (d.error_count > 0) ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::bad));
  bool checks_open = ImGui::BeginTabItem(checks.c_str(), nullptr, flags_for(RightTab::checks));
  if (d.error_count > 0) ImGui::PopStyleColor();
  if (checks_open) {
    if (ImGui::BeginChild("checks scroll")) draw_checks(state);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(stable_label(lang, txt::tab_response).c_str(), nullptr, flags_for(RightTab::response))) {
    draw_response(state);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(stable_label(lang, txt::tab_error_codes).c_str(), nullptr, flags_for(RightTab::error_codes))) {
    draw_error_codes(state);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(stable_label(lang, txt::tab_drafts).c_str())) {
    if (ImGui::BeginChild("drafts scroll")) draw_drafts(state);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(stable_label(lang, txt::tab_templates).c_str())) {
    if (ImGui::BeginChild("templates scroll")) draw_templates(state);
    ImGui::EndChild();
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(stable_label(lang, txt::tab_history).c_str())) {
    draw_history(state);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace

App::App() : state_(std::make_unique<AppState>()) {
  state_->request = default_request();
  state_->audience = infer_audience(state_->request);  // the form shows the example's tag lists
}

App::~App() = default;  // here, where AppState is complete

AppState& App::state() { return *state_; }

void App::start(const StartupInfo& info) {
  AppState& s = *state_;
  s.origin = info.origin;
  while (!s.origin.empty() && s.origin.back() == '/') s.origin.pop_back();
  s.lang = info.language.rfind("zh", 0) == 0 ? Lang::zh : Lang::en;
  // A page opened from a file has no sandbox behind it: it starts on a base URL the user enters.
  if (s.origin.empty() && s.creds.kind == TargetKind::sandbox) s.creds.kind = TargetKind::custom;
  s.keep.startup = info;  // storage is read on the first frame, which brings the clock
  queue_sandbox_app_request(s);
}

void App::on_http_result(const HttpResult& result) {
  if (!handle_sandbox_app_result(*state_, result)) handle_send_result(*state_, result);
}

void App::on_storage_result(const StorageResult& result) { ui::on_storage_result(*state_, result); }

void App::on_file_imported(const ImportedFile& file) { import_history_file(*state_, file); }

Intents App::frame(const FrameInput& input) {
  AppState& s = *state_;
  s.input = input;
  if (!s.first_frame_done) {
    s.first_frame_done = true;
    if (!s.request.msg_random) regenerate_msg_random(s);
    s.next_url_random = fresh_random_besides(s, s.request.msg_random.value_or(0));
    load_kept(s, s.keep.startup);
    s.keep.startup = StartupInfo{};
  }
  if (s.send.has_result && s.send.elapsed < 0) s.send.elapsed = input.now_seconds - s.send.started_at;
  check_send_timeout(s);
  refresh_derived(s);
  s.focus.seen.clear();

  bool send_clicked = false;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("timpush composer", nullptr, flags)) {
    draw_top_bar(s, send_clicked);
    float left_width = ImGui::GetContentRegionAvail().x * 0.5f;
    if (ImGui::BeginChild("left", ImVec2(left_width, 0), ImGuiChildFlags_ResizeX | ImGuiChildFlags_Borders))
      draw_left(s);
    ImGui::EndChild();
    ImGui::SameLine();
    if (ImGui::BeginChild("right", ImVec2(0, 0), ImGuiChildFlags_Borders)) draw_right(s);
    ImGui::EndChild();
    // A confirmation's button asks for the send it held back, as Send does.
    if (draw_confirm(s)) send_clicked = true;
    if (draw_host_confirm(s)) send_clicked = true;
  }
  ImGui::End();

  // Any widget edit of the frame (text typed, a box ticked, a choice made; ImGui's own report)
  // marks the form edited; buttons that edit mark it themselves, as ImGui counts a click as none.
  // The body is then derived once, before it is sent.
  if (ImGui::GetCurrentContext()->ActiveIdHasBeenEditedThisFrame) mark_edited(s);
  refresh_derived(s);
  if (send_clicked) start_send(s);
  resolve_focus(s);
  autosave_tick(s);

  // Everything panels and flows asked for went into s.out; what only the whole frame knows is added.
  Intents intents = std::exchange(s.out, Intents{});
  intents.wants_text_input = ImGui::GetIO().WantTextInput;
  const int64_t lock_ms = s.keep.guard.lock_remaining_ms(now_ms(s));
  intents.animating = s.send.in_flight || !s.focus.pointer.empty() || lock_ms > 0 || s.view.confirm_open ||
                      s.view.host_confirm_open || (!s.status_note.empty() && input.now_seconds < s.status_note_until);
  intents.wake_after_ms = s.keep.autosave.wait_ms(now_ms(s));
  return intents;
}

}  // namespace timpush::ui
