// The send mode at the top of the form (push, test send to named accounts, schedule) with the
// mode's field, and the Schedules place: the app's scheduled tasks with their status, both times
// and Type; a pending one opens into the composer to modify or is deleted after a confirmation,
// a dispatched one shows its push TaskId to follow. The flows are sched_flow.h's.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/sched_report.h"
#include "ui/follow_flow.h"
#include "ui/later.h"
#include "ui/layout.h"
#include "ui/panels.h"
#include "ui/sched_flow.h"
#include "ui/send_flow.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

// "UTC+08:00", "UTC-05:00": the zone the time field reads.
std::string zone_name(int offset_minutes) {
  char text[16];
  const int a = std::abs(offset_minutes);
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
  return text;
}

void wrapped(const std::string& text, Tone tone) {
  ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(tone));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void note_disabled(const AppState& state, const Text& text) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(state.lang, text));
  ImGui::PopTextWrapPos();
}

// The mode's own button beside its field: the same as the top bar's Send.
void form_send_button(AppState& state) {
  const std::optional<Text> blocker = send_blocker(state);
  ImGui::BeginDisabled(blocker.has_value());
  if (ImGui::Button(label(state.lang, send_mode_text(state), "form").c_str())) state.sched.form_asked = true;
  ImGui::EndDisabled();
  if (blocker) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(state.lang, *blocker));
  }
}

// The accounts field of a test send, and of a schedule to the test accounts (Type User).
void draw_accounts_field(AppState& state) {
  const Lang lang = state.lang;
  SchedState& sc = state.sched;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(lang, txt::test_accounts));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##Accounts", tr(lang, txt::test_accounts_hint), &sc.accounts);
  if (ImGui::IsItemDeactivatedAfterEdit()) accounts_edited(state);
  for (const core::Issue& issue : sc.parsed.issues) {
    ImGui::Bullet();
    ImGui::SameLine();
    wrapped(std::to_string(issue.code) + ": " + tr(lang, issue.message), Tone::bad);
  }
  if (sc.parsed.issues.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(lang, fill(fill(Words(txt::test_accounts_count), std::to_string(sc.parsed.accounts.size())),
                                           state.creds.sdkappid)).c_str());
    ImGui::PopTextWrapPos();
  }
}

TIMPUSH_LATER void draw_test_fields(AppState& state) {
  note_disabled(state, txt::mode_test_note);
  draw_accounts_field(state);
  form_send_button(state);
}

// Who the task goes to: the Condition below (All or Tag) or the test accounts (User).
void draw_sched_audience(AppState& state) {
  const Lang lang = state.lang;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(lang, txt::sched_audience));
  same_line_or_wrap(label(lang, txt::sched_to_condition, "audience"));
  int to = state.sched.to_accounts ? 1 : 0;
  bool changed = ImGui::RadioButton(label(lang, txt::sched_to_condition, "audience").c_str(), &to, 0);
  same_line_or_wrap(label(lang, txt::sched_to_accounts, "audience"));
  changed |= ImGui::RadioButton(label(lang, txt::sched_to_accounts, "audience").c_str(), &to, 1);
  if (changed) set_sched_to_accounts(state, to == 1);
  if (state.sched.to_accounts) draw_accounts_field(state);
}

TIMPUSH_LATER void draw_schedule_fields(AppState& state) {
  const Lang lang = state.lang;
  SchedState& sc = state.sched;
  note_disabled(state, txt::mode_schedule_note);
  if (sc.modifying) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(tone_colour(Tone::warn), "%s",
                       tr(lang, fill(Words(txt::sched_modifying), std::to_string(*sc.modifying))).c_str());
    ImGui::SameLine();
    if (small_button(state, label(lang, txt::sched_cancel_modify))) stop_modifying(state);
  }
  draw_sched_audience(state);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(lang, fill(Words(txt::sched_at_local), zone_name(state.input.screen.utc_offset_minutes))).c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (ImGui::InputTextWithHint("##Schedule time", tr(lang, txt::sched_at_hint), &sc.at_text)) time_edited(state);
  // "+10 min" beside the field where it fits, under it on a narrow phone.
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  if (right - ImGui::GetItemRectMax().x > ImGui::GetFontSize() * 6) ImGui::SameLine();
  if (small_button(state, tr(lang, fill(Words(txt::sched_plus), "10")) + "###plus 10 min")) set_time_ahead(state, 10);
  // The field was read in the zone of the moment; a zone that changed since reads it again.
  if (sc.offset_minutes != state.input.screen.utc_offset_minutes) time_edited(state);
  const std::string utc = sc.at ? core::format_sched_at(*sc.at) : std::string("-");
  ImGui::TextUnformatted(tr(lang, fill(Words(txt::sched_at_utc), utc)).c_str());
  if (auto problem = sched_field_problem(state)) wrapped(tr(lang, *problem), Tone::bad);
  const core::SchedType now = sc.modifying ? sc.modifying_type : sched_task_type(state);
  const std::string type(core::sched_type_name(now));
  ImGui::PushTextWrapPos(0);
  if (sc.modifying) ImGui::TextDisabled("%s", tr(lang, fill(Words(txt::sched_type_kept), type)).c_str());
  else if (now == core::SchedType::user) ImGui::TextDisabled("%s", tr(lang, txt::sched_type_user));
  else ImGui::TextDisabled("%s", tr(lang, fill(Words(txt::sched_type_is), type)).c_str());
  ImGui::PopTextWrapPos();
  if (sc.action_answer) {
    wrapped(tr(lang, fill(Words(txt::sched_refused), tr(lang, sc.action_answer->summary))), Tone::bad);
    if (sc.action_answer->error_code) error_code_explained(state, *sc.action_answer->error_code);
  }
  form_send_button(state);
}

Tone status_tone(const core::SchedTask& task) {
  if (task.status == "failed") return Tone::bad;
  if (task.status == "dispatched") return Tone::good;
  return Tone::warn;
}

void draw_task(AppState& state, const core::SchedTask& task) {
  const Lang lang = state.lang;
  SchedState& sc = state.sched;
  const std::string id = task.task_id ? std::to_string(*task.task_id) : std::string("?");
  ImGui::PushID(id.c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(tr(lang, fill(Words(txt::sched_task_line), id)).c_str());
  ImGui::SameLine();
  ImGui::TextColored(tone_colour(status_tone(task)), "%s", tr(lang, core::sched_status_name(task.status)).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(lang, fill(Words(txt::sched_type), task.type)).c_str());
  ImGui::TextUnformatted(tr(lang, fill(Words(txt::sched_local), local_time_of(state, task.sched_at))).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", zone_name(state.input.screen.utc_offset_minutes).c_str());
  // Each time on a line of its own, so a phone's width holds them.
  ImGui::TextUnformatted(tr(lang, fill(Words(txt::sched_utc), task.sched_at)).c_str());
  if (!task.title.empty() || !task.desc.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s | %s", task.title.c_str(), task.desc.c_str());
    ImGui::PopTextWrapPos();
  }
  if (!task.to_account.empty()) {
    // A User task's accounts: the first ten, and how many in all.
    const std::string names = core::join_accounts(task.to_account, 10);
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(lang, fill(fill(Words(txt::sched_to_line), std::to_string(task.to_account.size())), names)).c_str());
    ImGui::PopTextWrapPos();
  }
  if (task.pending() && task.task_id) {
    if (small_button(state, label(lang, txt::sched_modify))) open_schedule(state, *task.task_id);
    ImGui::SameLine();
    if (small_button(state, label(lang, txt::sched_delete))) sc.confirm_delete = task.task_id;
    if (sc.confirm_delete == task.task_id) {
      wrapped(tr(lang, fill(Words(txt::sched_delete_ask), id)), Tone::warn);
      ImGui::BeginDisabled(sc.action_request != 0);
      if (ImGui::Button(label(lang, txt::sched_delete_yes).c_str())) delete_schedule(state, task);
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (ImGui::Button(label(lang, txt::sched_delete_no).c_str())) sc.confirm_delete.reset();
    }
  } else {
    if (!task.push_task_id.empty()) {
      if (small_button(state, label(lang, txt::follow, "schedule"))) follow_task(state, task.push_task_id);
      ImGui::SameLine();
    }
    ImGui::TextDisabled("%s", tr(lang, txt::sched_read_only));
    if (!task.push_task_id.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(tr(lang, fill(Words(txt::sched_push_task), task.push_task_id)).c_str());
      ImGui::PopTextWrapPos();
    }
  }
  if (!task.dispatch_err.empty()) wrapped(tr(lang, fill(Words(txt::sched_dispatch_err), task.dispatch_err)), Tone::bad);
  ImGui::PopID();
}

}  // namespace

void draw_send_mode(AppState& state) {
  const Lang lang = state.lang;
  ImGui::SeparatorText(tr(lang, txt::send_mode));
  int mode = static_cast<int>(state.sched.mode);
  bool changed = ImGui::RadioButton(label(lang, txt::mode_push, "mode").c_str(), &mode, static_cast<int>(SendMode::push));
  same_line_or_wrap(label(lang, txt::mode_test, "mode"));
  changed |= ImGui::RadioButton(label(lang, txt::mode_test, "mode").c_str(), &mode, static_cast<int>(SendMode::test));
  same_line_or_wrap(label(lang, txt::mode_schedule, "mode"));
  changed |= ImGui::RadioButton(label(lang, txt::mode_schedule, "mode").c_str(), &mode, static_cast<int>(SendMode::schedule));
  if (changed) set_send_mode(state, static_cast<SendMode>(mode));
  if (state.sched.mode == SendMode::test) draw_test_fields(state);
  else if (state.sched.mode == SendMode::schedule) draw_schedule_fields(state);
}

TIMPUSH_LATER void draw_schedules(AppState& state) {
  const Lang lang = state.lang;
  SchedState& sc = state.sched;
  // Opened (not drawn in the frame before), or not listed yet because the app's key came later:
  // the list is asked for; never on a timer.
  const int frame = ImGui::GetFrameCount();
  if (sc.drawn_frame != frame - 1 || (!sc.listed && !sc.list_request)) list_schedules(state);
  sc.drawn_frame = frame;

  ImGui::SeparatorText(tr(lang, txt::place_schedules));
  note_disabled(state, txt::sched_intro);
  ImGui::BeginDisabled(sc.list_request != 0);
  if (ImGui::Button(label(lang, txt::sched_refresh, "schedules").c_str())) list_schedules(state);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (!state.derived.sdkappid || state.derived.usersig.empty() || state.derived.base_url.empty()) {
    ImGui::TextDisabled("%s", tr(lang, txt::sched_needs_app));
  } else if (sc.list_request) {
    ImGui::TextDisabled("%s", tr(lang, txt::sched_loading));
  } else if (sc.listed) {
    const int64_t count = sc.total.value_or(static_cast<int64_t>(sc.tasks.size()));
    const std::string at = core::format_local_time(sc.listed_unix, state.input.screen.utc_offset_minutes);
    Words line = count == 1 ? fill(Words(txt::sched_count_one), at) : fill(fill(Words(txt::sched_count), std::to_string(count)), at);
    ImGui::TextDisabled("%s", tr(lang, line).c_str());
  }
  if (sc.list_error) wrapped(tr(lang, fill(Words(txt::sched_refused), tr(lang, sc.list_error->summary))), Tone::bad);
  if (sc.action_answer && sc.mode != SendMode::schedule)
    wrapped(tr(lang, fill(Words(txt::sched_refused), tr(lang, sc.action_answer->summary))), Tone::bad);
  else if (!sc.action_note.en.empty())
    wrapped(tr(lang, sc.action_note), Tone::good);
  if (sc.listed && sc.tasks.empty() && !sc.list_error) ImGui::TextDisabled("%s", tr(lang, txt::sched_none));
  if (ImGui::BeginChild("schedules list", ImVec2(0, 0), kFlat)) {
    for (const core::SchedTask& task : sc.tasks) draw_task(state, task);
  }
  ImGui::EndChild();
}

}  // namespace timpush::ui
