// Response: what came back from the last send, read by core read_push_response, with the
// catalogue's meaning and fix for the error code, and plain words for failures that are not the
// service's answer (no answer, CORS, HTML gateway pages, empty bodies, relay errors).
#include <imgui.h>

#include "ui/derive.h"
#include "ui/follow_flow.h"
#include "ui/panels.h"
#include "ui/send_flow.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

void row(const char* name, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextDisabled("%s", name);
  ImGui::TableSetColumnIndex(1);
  ImGui::TextWrapped("%s", value.c_str());
}

void draw_no_answer(AppState& state) {
  Lang lang = state.lang;
  const SendFlow& s = state.send;
  ImGui::PushTextWrapPos(0);
  if (s.result.timed_out || s.client_timeout) {
    ImGui::TextColored(tone_colour(Tone::bad), "%s", tr(lang, txt::timed_out));
  } else if (s.cross_origin) {
    ImGui::TextColored(tone_colour(Tone::bad), "%s", tr(lang, txt::cors_explained));
  } else {
    ImGui::TextColored(tone_colour(Tone::bad), "%s", tr(lang, txt::network_failed));
  }
  ImGui::PopTextWrapPos();
  if (s.cross_origin && !state.origin.empty() && state.creds.kind == TargetKind::region && !state.creds.via_relay) {
    if (ImGui::Button(label(lang, txt::use_relay).c_str())) {
      state.creds.via_relay = true;
      mark_edited(state);
    }
    ImGui::SameLine();
  }
  if (ImGui::Button(label(lang, txt::copy_curl, "response").c_str())) {
    state.out.copy_text = curl_command(state);
    note(state, txt::copied);
  }
}

}  // namespace

void draw_response(AppState& state) {
  Lang lang = state.lang;
  const SendFlow& s = state.send;
  ImGui::PushID("response");
  if (s.in_flight) {
    double waited = state.input.now_seconds - s.started_at;
    ImGui::Text("%s... %.1f s", tr(lang, txt::waiting), waited);
    ImGui::TextDisabled("%s %s", tr(lang, txt::sent_to), s.sent.url.c_str());
    ImGui::PopID();
    return;
  }
  if (!s.has_result) {
    ImGui::TextDisabled("%s", tr(lang, txt::no_response));
    ImGui::PopID();
    return;
  }
  const core::PushResponse& r = s.response;
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(r.ok() ? tone_colour(Tone::good) : tone_colour(Tone::bad), "%s",
                     tr(lang, r.summary).c_str());
  // This send was a retry on the failed one's MsgRandom: say why it cannot push twice.
  const core::MsgRandomPlan& plan = state.keep.plan;
  if (plan.is_retry) ImGui::TextDisabled("%s", tr(lang, plan.note).c_str());
  // A failure whose fate is unknown: the next Send retries it; the user may start anew instead.
  if (state.keep.guard.has_pending_retry()) {
    if (ImGui::Button(label(lang, txt::new_push).c_str())) {
      state.keep.guard.discard_retry();
      regenerate_msg_random(state);
    }
  }
  ImGui::PopTextWrapPos();
  if (r.kind == core::ResponseKind::no_answer) draw_no_answer(state);

  if (ImGui::BeginTable("fields", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    row(tr(lang, txt::sent_to), s.sent.url);
    row(tr(lang, txt::elapsed), std::to_string(static_cast<int>(s.elapsed * 1000)) + " ms");
    row(tr(lang, txt::http_status),
        std::to_string(s.result.status) + (s.result.status_text.empty() ? "" : " " + s.result.status_text));
    if (r.action_status) row("ActionStatus", *r.action_status);
    if (r.error_code) row("ErrorCode", std::to_string(*r.error_code));
    if (r.error_info) row("ErrorInfo", *r.error_info);
    if (r.task_id) row("TaskId", *r.task_id);
    if (r.request_id) row("RequestId", *r.request_id);
    row("MsgRandom", std::to_string(s.sent.msg_random));
    ImGui::EndTable();
  }
  if (r.ok() && r.task_id && ImGui::Button(label(lang, txt::follow, "response").c_str())) follow_task(state, *r.task_id);

  if (r.error_code && *r.error_code != 0) error_code_explained(state, *r.error_code);

  ImGui::SeparatorText(tr(lang, txt::raw_answer));
  if (ImGui::BeginChild("raw answer", ImVec2(0, 0), ImGuiChildFlags_Borders, ImGuiWindowFlags_HorizontalScrollbar)) {
    ImGui::TextUnformatted(s.result.body.empty() ? tr(lang, txt::empty_body) : s.result.body.c_str());
  }
  ImGui::EndChild();
  ImGui::PopID();
}

}  // namespace timpush::ui
