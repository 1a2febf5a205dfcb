// The composer application: owns AppState and runs the frame: derive, draw (layout.cpp),
// then the send flow once when Send or a confirmation was pressed, autosave, and the
// intents. Results are fed back to the flows. Everything the browser does goes out through Intents.
//
// Widget labels are what tests (tests/ui, tests/browser) and the automation hook find widgets by.
// Buttons and fields: the English label, "<zh>###<en>" in Chinese. Tabs and sections:
// "<shown>###<en>" in both languages, so their state survives a language switch. Visible labels
// (before "##") are what a person reads.
#include "ui/app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <utility>

#include "core/templates.h"
#include "ui/announce.h"
#include "ui/app_data_flow.h"
#include "ui/app_state.h"
#include "ui/derive.h"
#include "ui/follow_flow.h"
#include "ui/keeping.h"
#include "ui/layout.h"
#include "ui/learn_flow.h"
#include "ui/panels.h"
#include "ui/sched_flow.h"
#include "ui/send_flow.h"
#include "ui/target.h"
#include "ui/theme.h"
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
  start_at(s.screen.nav, info.page_url);
  if (s.screen.nav.here().view == View::compose) s.screen.select_pane = s.screen.nav.here().pane;
  load_theme_setting(s, info);
  keep_learn_startup(s.learn, info);
  keep_sched_startup(s.sched, info);
  queue_sandbox_app_request(s);
}

void App::on_http_result(const HttpResult& result) {
  note_lesson_answer(*state_, result);  // a lesson sees the answers to the calls it grades
  if (handle_sandbox_app_result(*state_, result)) return;
  if (handle_follow_result(*state_, result)) return;
  if (handle_sched_result(*state_, result)) return;
  if (learn_owns(*state_, result.id) && handle_learn_result(*state_, result)) return;
  if (handle_app_data_result(*state_, result)) return;
  handle_send_result(*state_, result);
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
  if (input.screen.location) {  // Back, Forward, or a fragment typed
    on_location(s.screen.nav, *input.screen.location);
    if (s.screen.nav.here().view == View::compose) s.screen.select_pane = s.screen.nav.here().pane;
  }
  update_style(s);

  bool send_clicked = false;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("timpush composer", nullptr, flags)) {
    draw_layout(s, send_clicked);
    // A confirmation's button asks for the send it held back, as Send does.
    if (draw_confirm(s)) send_clicked = true;
    if (draw_host_confirm(s)) send_clicked = true;
    draw_paste_offer(s);
    if (take_form_send(s)) send_clicked = true;  // the form's Test send / Schedule button
  }
  ImGui::End();
  // Ctrl+Enter (Cmd+Enter on a Mac) is the Send button from the keyboard: the same single call of
  // the send flow below, so the same checks and confirmations. Not while a confirmation is open:
  // its own button answers it.
  const ImGuiIO& io = ImGui::GetIO();
  const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
  if (enter && (io.KeyCtrl || io.KeySuper) && !s.view.confirm_open && !s.view.host_confirm_open) send_clicked = true;

  // Any widget edit of the frame (text typed, a box ticked, a choice made; ImGui's own report)
  // marks the form edited; buttons that edit mark it themselves, as ImGui counts a click as none.
  // The body is then derived once, before it is sent.
  if (ImGui::GetCurrentContext()->ActiveIdHasBeenEditedThisFrame) mark_edited(s);
  refresh_derived(s);
  if (send_clicked && !start_schedule(s)) start_send(s);
  if (learn_busy(s)) learn_tick(s);
  resolve_focus(s);
  autosave_tick(s);
  s.learn.after_first_frame = true;

  // Everything panels and flows asked for went into s.out; what only the whole frame knows is added.
  Intents intents = std::exchange(s.out, Intents{});
  intents.wants_text_input = ImGui::GetIO().WantTextInput;
  const int64_t lock_ms = s.keep.guard.lock_remaining_ms(now_ms(s));
  intents.animating = s.send.in_flight || !s.focus.pointer.empty() || lock_ms > 0 || s.view.confirm_open ||
                      s.view.host_confirm_open || (!s.status_note.empty() && input.now_seconds < s.status_note_until);
  // The soonest of the wakes asked for in the frame (the Follow place's next ask), autosave's and,
  // in a lesson, the reach's.
  const int64_t autosave_ms = s.keep.autosave.wait_ms(now_ms(s));
  if (autosave_ms >= 0 && (intents.wake_after_ms < 0 || autosave_ms < intents.wake_after_ms)) intents.wake_after_ms = autosave_ms;
  if (learn_busy(s)) {
    const int64_t reach_ms = reach_wait_ms(s);
    if (reach_ms >= 0 && (intents.wake_after_ms < 0 || reach_ms < intents.wake_after_ms)) intents.wake_after_ms = reach_ms;
  }
  intents.screen.push_fragment = std::move(s.screen.nav.queued_push);
  s.screen.nav.queued_push.reset();
  intents.screen.dark = s.screen.applied_dark;
  intents.screen.announce = take_announcement(s);
  intents.screen.announce_lang = s.lang == Lang::zh ? "zh" : "en";
  intents.screen.read_clipboard = s.screen.clipboard_asked;
  s.screen.clipboard_asked = false;
  return intents;
}

}  // namespace timpush::ui
