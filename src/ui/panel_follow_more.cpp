// The Follow place's lower sections (follow_panels.h): the loss reasons per vendor, largest
// first, each with the core's meaning and fix; one user's trace, device by device and stage by
// stage; and revoke with its 24 h window, the replacement OfflinePushInfo and a confirmation.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <map>

#include "ui/follow_flow.h"
#include "ui/follow_panels.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

bool is(const std::optional<Text>& text, const Text& which) {
  return text && std::string_view(text->en) == which.en;
}

const FollowedTask& selected_task(const FollowState& f) { return f.tasks[std::min(f.selected, f.tasks.size() - 1)]; }

struct Loss {
  const core::LossEntry* entry;
  bool before;  // lost before sending, else after
};

void draw_loss_entry(Lang lang, const Loss& loss) {
  const core::LossEntry& e = *loss.entry;
  const core::LossExplanation why = core::explain_loss(e.err_code, e.err_info);
  Words line = fill(fill(fill(txt::loss_line, std::to_string(e.count)), e.err_code),
                    Words(loss.before ? txt::loss_before : txt::loss_after));
  ImGui::Bullet();
  ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, line).c_str());
  ImGui::Indent();
  ImGui::Text("%s: %s", tr(lang, txt::meaning), tr(lang, why.meaning).c_str());
  ImGui::Text("%s: %s", tr(lang, txt::fix), tr(lang, why.fix).c_str());
  ImGui::Unindent();
}

// One task's losses: by vendor (the Platform lists), vendors with most losses first, each
// vendor's codes largest first. Without Platform lists, the overall lists stand alone.
void draw_task_loss(Lang lang, const core::TaskLoss& task) {
  std::map<std::pair<int64_t, int64_t>, std::vector<Loss>> by_platform;  // (event type, platform)
  for (const auto& e : task.platform_ready_to_send) by_platform[{e.event_type.value_or(0), e.push_platform.value_or(-1)}].push_back({&e, true});
  for (const auto& e : task.platform_post_send) by_platform[{e.event_type.value_or(0), e.push_platform.value_or(-1)}].push_back({&e, false});
  std::vector<std::pair<Words, std::vector<Loss>>> groups;
  for (auto& [key, list] : by_platform) {
    Words name = key.second >= 0 ? core::platform_name(key.second) : Words(txt::funnel_all);
    if (key.first == 2) name = txt::funnel_online;
    groups.push_back({name, std::move(list)});
  }
  if (groups.empty()) {
    std::vector<Loss> all;
    for (const auto& e : task.ready_to_send) all.push_back({&e, true});
    for (const auto& e : task.post_send_delivered) all.push_back({&e, false});
    if (!all.empty()) groups.push_back({txt::funnel_all, std::move(all)});
  }
  auto sum = [](const std::vector<Loss>& list) {
    int64_t n = 0;
    for (const Loss& l : list) n += l.entry->count;
    return n;
  };
  for (auto& g : groups)
    std::stable_sort(g.second.begin(), g.second.end(), [](const Loss& a, const Loss& b) { return a.entry->count > b.entry->count; });
  std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) { return sum(a.second) > sum(b.second); });
  if (groups.empty()) {
    ImGui::TextDisabled("%s", tr(lang, txt::loss_none));
    return;
  }
  for (const auto& [name, list] : groups) {
    ImGui::Text("%s: %lld", tr(lang, name).c_str(), static_cast<long long>(sum(list)));
    for (const Loss& l : list) draw_loss_entry(lang, l);
  }
}

const char* stage_status(Lang lang, const std::optional<core::TraceStage>& stage) {
  if (!stage) return tr(lang, txt::trace_not_reached);
  return tr(lang, stage->passed() ? txt::trace_passed : txt::trace_failed);
}

void draw_instance(Lang lang, const core::TraceInstance& device, size_t index) {
  std::string head = tr(lang, fill(txt::trace_device, std::to_string(index + 1)));
  if (!device.device_model.empty()) head += ": " + device.device_model;
  if (device.push_platform) head += ", " + tr(lang, core::platform_name(*device.push_platform));
  if (device.event_type) head += ", " + tr(lang, core::event_type_name(*device.event_type));
  ImGui::TextUnformatted(head.c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg;
  if (ImGui::BeginTable(("stages" + std::to_string(index)).c_str(), 4, flags)) {
    for (const Text* name : {&txt::trace_stage, &txt::trace_status, &txt::trace_error, &txt::trace_time})
      ImGui::TableSetupColumn(tr(lang, *name));
    ImGui::TableHeadersRow();
    for (int s = 0; s < core::stage_count; ++s) {
      const auto& stage = device.stages[s];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(tr(lang, core::stage_name(static_cast<core::StageKind>(s))).c_str());
      ImGui::TableSetColumnIndex(1);
      if (stage && !stage->passed()) ImGui::TextColored(tone_colour(Tone::bad), "%s", stage_status(lang, stage));
      else if (stage) ImGui::TextColored(tone_colour(Tone::good), "%s", stage_status(lang, stage));
      else ImGui::TextDisabled("%s", stage_status(lang, stage));
      ImGui::TableSetColumnIndex(2);
      if (stage && (stage->error_code || !stage->error_info.empty())) {
        std::string error = stage->error_code ? std::to_string(*stage->error_code) : std::string();
        if (!stage->error_info.empty()) error += (error.empty() ? "" : " ") + stage->error_info;
        ImGui::TextWrapped("%s", error.c_str());
      }
      ImGui::TableSetColumnIndex(3);
      if (stage) ImGui::TextUnformatted(stage->event_time.c_str());
    }
    ImGui::EndTable();
  }
  if (auto failed = device.failed_stage()) {
    ImGui::TextColored(tone_colour(Tone::bad), "%s", tr(lang, fill(txt::trace_cause, core::stage_name(*failed))).c_str());
  } else {
    ImGui::TextDisabled("%s", tr(lang, txt::trace_all_passed));
  }
}

std::string duration_text(int64_t seconds) {
  return std::to_string(seconds / 3600) + " h " + std::to_string(seconds % 3600 / 60) + " min";
}

}  // namespace

void draw_loss(AppState& state) {
  const Lang lang = state.lang;
  const FollowState& f = state.follow;
  ImGui::SeparatorText(tr(lang, txt::loss_title));
  if (!f.loss) {
    ImGui::TextDisabled("%s", tr(lang, txt::funnel_no_numbers));
    return;
  }
  ImGui::PushTextWrapPos(0);
  for (size_t i = 0; i < f.loss->results.size(); ++i) {
    if (f.loss->results.size() > 1) ImGui::TextDisabled("#%zu %s", i + 1, f.loss->results[i].task_id.c_str());
    ImGui::PushID(static_cast<int>(i));
    draw_task_loss(lang, f.loss->results[i]);
    ImGui::PopID();
  }
  ImGui::PopTextWrapPos();
}

void draw_trace(AppState& state) {
  const Lang lang = state.lang;
  FollowState& f = state.follow;
  ImGui::SeparatorText(tr(lang, txt::trace_title));
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(lang, fill(txt::trace_task, selected_task(f).task_id)).c_str());
  ImGui::PopTextWrapPos();
  const float go_width = ImGui::CalcTextSize(tr(lang, txt::trace_go)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - go_width - ImGui::GetStyle().ItemSpacing.x));
  bool go = ImGui::InputTextWithHint(("##" + std::string(txt::trace_user.en)).c_str(), tr(lang, txt::trace_user), &f.user_id,
                                     ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const std::optional<Text> blocked = trace_blocker(state);
  ImGui::BeginDisabled(blocked.has_value());
  if (ImGui::Button(label(lang, txt::trace_go).c_str())) go = true;
  ImGui::EndDisabled();
  if (is(blocked, txt::follow_one_a_second)) wake_in(state, core::RefreshPolicy{}.min_gap_ms - (now_ms(state) - f.trace_last_ms));
  if (go) ask_trace(state);
  if (!f.trace) return;
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s / %s", f.traced_task.c_str(), f.traced_user.c_str());
  if (f.trace->envelope.ok() && f.trace->instances.empty()) ImGui::TextDisabled("%s", tr(lang, txt::trace_empty));
  ImGui::PopTextWrapPos();
  if (!f.trace->envelope.ok()) {
    draw_answer_failure(state, f.trace->envelope);
    return;
  }
  for (size_t i = 0; i < f.trace->instances.size(); ++i) draw_instance(lang, f.trace->instances[i], i);
}

void draw_revoke(AppState& state) {
  const Lang lang = state.lang;
  FollowState& f = state.follow;
  const FollowedTask& task = selected_task(f);
  ImGui::SeparatorText(tr(lang, txt::revoke_title));
  if (f.revoke_form_for != task.task_id) {  // a task chosen: its push's own text to start from
    f.revoke_form_for = task.task_id;
    f.revoke_title = task.title;
    f.revoke_desc = task.desc;
    f.revoke_confirming = false;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(lang, fill(txt::trace_task, task.task_id)).c_str());
  if (!task.sent_unix) {
    ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::revoke_unknown_window));
  } else if (const int64_t left = core::revoke_seconds_left(*task.sent_unix, state.input.now_unix); left > 0) {
    ImGui::TextUnformatted(tr(lang, fill(txt::revoke_left, duration_text(left))).c_str());
  } else {
    ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, txt::revoke_closed));
  }
  ImGui::TextDisabled("%s", tr(lang, txt::revoke_explain));
  ImGui::PopTextWrapPos();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint(("##" + std::string(txt::revoke_field_title.en)).c_str(), tr(lang, txt::revoke_field_title), &f.revoke_title);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint(("##" + std::string(txt::revoke_field_desc.en)).c_str(), tr(lang, txt::revoke_field_desc), &f.revoke_desc);
  const std::optional<Text> blocked = revoke_blocker(state);
  const bool confirming = f.revoke_confirming;  // pressing Revoke... shows it from the next frame
  if (!confirming) {
    ImGui::BeginDisabled(blocked.has_value());
    if (ImGui::Button(label(lang, txt::revoke_button).c_str())) f.revoke_confirming = f.reveal_revoke = true;
    ImGui::EndDisabled();
    if (blocked) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", tr(lang, *blocked));
      if (is(blocked, txt::follow_one_a_second)) wake_in(state, core::RefreshPolicy{}.min_gap_ms - (now_ms(state) - f.revoke_last_ms));
    }
  } else {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, fill(txt::revoke_confirm_text, task.task_id)).c_str());
    ImGui::PopTextWrapPos();
    ImGui::BeginDisabled(blocked.has_value());
    if (ImGui::Button(label(lang, txt::revoke_confirm).c_str())) ask_revoke(state);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(label(lang, txt::revoke_cancel).c_str())) f.revoke_confirming = false;
  }
  if (f.revoke_answer && f.revoke_answer->ok()) {
    ImGui::TextColored(tone_colour(Tone::good), "%s", tr(lang, fill(txt::revoke_done, f.revoked_task)).c_str());
  } else if (f.revoke_answer) {
    draw_answer_failure(state, *f.revoke_answer);
  }
  // The confirmation and the answer are drawn at the end of the place, often below the fold: show
  // them when they appear. The scroll takes effect in the next frame, so one is asked for now
  // rather than at the next input.
  if (f.reveal_revoke && confirming == f.revoke_confirming) {
    f.reveal_revoke = false;
    ImGui::SetScrollHereY(1.0f);
    wake_in(state, 0);
  }
}

}  // namespace timpush::ui
