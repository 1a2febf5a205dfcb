// The Follow place (View::follow): the TaskIds followed (typed, or from Follow on an accepted
// push), Refresh and what the automatic refresh is doing, and the funnel as a chart drawn with
// the draw list: total -> sent -> delivered -> clicked, for all devices, online, and each vendor
// offline, one row per task. The loss reasons, trace and revoke are in panel_follow_more.cpp.
#include <imgui.h>
#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "core/usersig.h"
#include "ui/follow_flow.h"
#include "ui/follow_panels.h"
#include "ui/later.h"
#include "ui/layout.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

// Text that the draw list paints is not in ImGui's text capture; logged too, it reaches the
// page's text (screen readers, tests) like any other.
void log_text(const std::string& text) {
  if (ImGui::GetCurrentContext()->LogEnabled) ImGui::LogText(IM_NEWLINE "%s", text.c_str());
}

// One bar colour a stage, translucent so the text on the bar keeps the theme's contrast.
ImU32 stage_colour(int stage) {
  static const ImVec4 colours[] = {{0.35f, 0.55f, 0.95f, 0.40f}, {0.20f, 0.70f, 0.75f, 0.40f},
                                   {0.30f, 0.75f, 0.35f, 0.40f}, {0.95f, 0.60f, 0.20f, 0.45f}};
  return ImGui::GetColorU32(colours[stage]);
}

struct FunnelRow {
  std::string name;
  core::Counters counts;
};

const Text* const stage_names[] = {&txt::funnel_total, &txt::funnel_sent, &txt::funnel_delivered,
                                   &txt::funnel_clicked};

int64_t stage_value(const core::Counters& c, int stage) {
  const int64_t values[] = {c.total, c.sent, c.delivered, c.click};
  return values[stage];
}

// A row of four bars, each scaled to the row's total, with its number (and share) on it.
void draw_bar_row(const std::string& name, const core::Counters& c, float name_width) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = ImGui::GetTextLineHeight() + style.FramePadding.y * 2;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float gap = style.ItemSpacing.x * 0.5f;
  const float cell = std::max(1.0f, (width - name_width) / 4 - gap);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const float text_y = at.y + style.FramePadding.y;
  draw->PushClipRect(at, ImVec2(at.x + name_width - gap, at.y + height), true);
  draw->AddText(ImVec2(at.x, text_y), text, name.c_str());
  draw->PopClipRect();
  std::string logged = name + ":";
  for (int stage = 0; stage < 4; ++stage) {
    const int64_t value = stage_value(c, stage);
    const float x = at.x + name_width + static_cast<float>(stage) * (cell + gap);
    const ImVec2 lo(x, at.y), hi(x + cell, at.y + height - 2);
    draw->AddRect(lo, hi, ImGui::GetColorU32(ImGuiCol_Border));
    if (c.total > 0 && value > 0) {
      const float share = std::min(1.0f, static_cast<float>(value) / static_cast<float>(c.total));
      draw->AddRectFilled(lo, ImVec2(x + std::max(2.0f, cell * share), hi.y), stage_colour(stage));
    }
    std::string shown = std::to_string(value);
    if (stage > 0 && c.total > 0) {
      char pct[16];
      std::snprintf(pct, sizeof pct, " (%.0f%%)", 100.0 * static_cast<double>(value) / static_cast<double>(c.total));
      if (ImGui::CalcTextSize((shown + pct).c_str()).x + style.FramePadding.x * 2 <= cell) shown += pct;
    }
    draw->PushClipRect(lo, hi, true);
    draw->AddText(ImVec2(x + style.FramePadding.x, text_y), text, shown.c_str());
    draw->PopClipRect();
    logged += " " + shown;
  }
  log_text(logged);
  ImGui::Dummy(ImVec2(width, height));
}

void draw_stage_header(Lang lang, float name_width) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetStyle().ItemSpacing.x * 0.5f;
  const float cell = std::max(1.0f, (width - name_width) / 4 - gap);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  std::string logged;
  for (int stage = 0; stage < 4; ++stage) {
    const float x = at.x + name_width + static_cast<float>(stage) * (cell + gap);
    const char* name = tr(lang, *stage_names[stage]);
    draw->PushClipRect(ImVec2(x, at.y), ImVec2(x + cell, at.y + ImGui::GetTextLineHeight()), true);
    // The colour key goes first when there is room; on a phone the name alone fills the cell.
    const bool key = ImGui::CalcTextSize(name).x + 12 <= cell;
    if (key) draw->AddRectFilled(ImVec2(x, at.y + 2), ImVec2(x + 8, at.y + ImGui::GetTextLineHeight() - 2), stage_colour(stage));
    draw->AddText(ImVec2(key ? x + 12 : x, at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), name);
    draw->PopClipRect();
    logged += std::string(stage ? " -> " : "") + name;
  }
  log_text(logged);
  ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
}

// The task's name in the chart: "#2" when several are compared, else nothing.
std::string task_mark(const AppState& state, size_t index) {
  return state.follow.tasks.size() > 1 ? "#" + std::to_string(index + 1) + " " : std::string();
}

void draw_funnel(AppState& state) {
  const Lang lang = state.lang;
  const FollowState& f = state.follow;
  ImGui::SeparatorText(tr(lang, txt::funnel_title));
  if (!f.stats || f.stats->results.empty()) {
    ImGui::TextDisabled("%s", tr(lang, txt::funnel_no_numbers));
    return;
  }
  const auto& results = f.stats->results;
  // Groups: all devices; online; each vendor offline with something to send (in any task).
  struct Group {
    std::string title;
    std::vector<FunnelRow> rows;
  };
  std::vector<Group> groups;
  groups.push_back({tr(lang, txt::funnel_all), {}});
  for (size_t i = 0; i < results.size(); ++i) groups.back().rows.push_back({task_mark(state, i), results[i].counts});
  // Online push is one group (the documents: "EventType = 2 不区分厂商"); offline, one a vendor.
  auto add_platform_groups = [&](int64_t event_type) {
    for (int64_t platform = event_type == 2 ? -1 : 0; platform <= (event_type == 2 ? -1 : 8); ++platform) {
      Group g{event_type == 2 ? std::string(tr(lang, txt::funnel_online)) : tr(lang, core::platform_name(platform)), {}};
      bool any = false;
      for (size_t i = 0; i < results.size(); ++i) {
        core::Counters sum;
        for (const core::PlatformRow& row : results[i].platforms) {
          if (row.event_type.value_or(0) != event_type) continue;
          if (platform >= 0 && row.push_platform.value_or(-1) != platform) continue;
          sum.total += row.counts.total;
          sum.sent += row.counts.sent;
          sum.delivered += row.counts.delivered;
          sum.click += row.counts.click;
        }
        any = any || sum.total > 0 || sum.sent > 0;
        g.rows.push_back({task_mark(state, i), sum});
      }
      if (any) groups.push_back(std::move(g));
    }
  };
  add_platform_groups(2);
  const size_t offline_from = groups.size();
  add_platform_groups(1);

  float name_width = ImGui::CalcTextSize("#5 ").x;
  for (const Group& g : groups) name_width = std::max(name_width, ImGui::CalcTextSize(g.title.c_str()).x);
  name_width = std::min(name_width + ImGui::GetStyle().ItemSpacing.x, ImGui::GetContentRegionAvail().x * 0.3f);
  draw_stage_header(lang, name_width);
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    if (gi == offline_from) ImGui::TextDisabled("%s", tr(lang, txt::funnel_offline));
    if (g.rows.size() == 1) {
      draw_bar_row(g.title, g.rows[0].counts, name_width);
      continue;
    }
    ImGui::TextUnformatted(g.title.c_str());
    for (const FunnelRow& row : g.rows) draw_bar_row(row.name, row.counts, name_width);
  }
  ImGui::TextDisabled("%s", tr(lang, txt::funnel_zero_rows));
}

void draw_task_list(AppState& state) {
  const Lang lang = state.lang;
  FollowState& f = state.follow;
  const float add_width = ImGui::CalcTextSize(tr(lang, txt::follow_add)).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - add_width - ImGui::GetStyle().ItemSpacing.x));
  bool add = ImGui::InputTextWithHint(("##" + std::string(txt::follow_task_field.en)).c_str(), tr(lang, txt::follow_task_hint),
                                      &f.typed, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if (ImGui::Button(label(lang, txt::follow_add).c_str())) add = true;
  if (add) add_typed_task(state);
  if (!f.refusal.en.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(tone_colour(Tone::warn), "%s", tr(lang, f.refusal).c_str());
    ImGui::PopTextWrapPos();
  }
  if (f.tasks.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(lang, txt::follow_none));
    ImGui::PopTextWrapPos();
    return;
  }
  std::optional<size_t> remove;
  for (size_t i = 0; i < f.tasks.size(); ++i) {
    const FollowedTask& t = f.tasks[i];
    ImGui::PushID(static_cast<int>(i));
    // The TaskId is text beside a short radio, so a phone's width wraps it rather than cut it.
    if (ImGui::RadioButton(("#" + std::to_string(i + 1) + "##task").c_str(), f.selected == i)) f.selected = i;
    ImGui::SameLine();
    ImGui::TextWrapped("%s", t.task_id.c_str());
    Words when = txt::follow_sent_unknown;
    if (t.sent_unix) {
      when = fill(t.sent_from_history ? txt::follow_sent_at : txt::follow_sent_from_id,
                  core::usersig::format_utc(*t.sent_unix));
    }
    ImGui::TextDisabled("%s", tr(lang, when).c_str());
    same_line_or_wrap(tr(lang, txt::follow_remove));
    if (small_button(state, label(lang, txt::follow_remove))) remove = i;
    ImGui::PopID();
  }
  if (remove) remove_task(state, *remove);
}

void draw_refresh_row(AppState& state) {
  const Lang lang = state.lang;
  const FollowState& f = state.follow;
  if (ImGui::Button(label(lang, txt::follow_refresh).c_str())) refresh_now(state);
  ImGui::SameLine();
  Words status;
  const bool target_ready = !state.derived.base_url.empty() && !state.derived.usersig.empty();
  if (!target_ready) status = txt::follow_need_target;
  else if (f.stats_request || f.loss_request) status = txt::follow_waiting;
  else if (core::next_auto_ask_ms(f.refresh)) status = txt::refresh_auto;
  else {
    switch (f.refresh.stop) {
      case core::RefreshStop::settled: status = txt::refresh_settled; break;
      case core::RefreshStop::gave_up: status = txt::refresh_gave_up; break;
      case core::RefreshStop::failed: status = txt::refresh_failed; break;
      case core::RefreshStop::old: status = txt::refresh_old; break;
      case core::RefreshStop::none: break;
    }
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr(lang, status).c_str());
  if (f.asked_unix) ImGui::TextDisabled("%s", tr(lang, fill(txt::refresh_asked, core::usersig::format_utc(f.asked_unix))).c_str());
  ImGui::PopTextWrapPos();
  if (f.round_error) draw_answer_failure(state, *f.round_error);
}

}  // namespace

void draw_answer_failure(AppState& state, const core::PushResponse& answer) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(tone_colour(Tone::bad), "%s", tr(state.lang, fill(txt::answer_failed, answer.summary)).c_str());
  ImGui::PopTextWrapPos();
  if (answer.error_code && *answer.error_code != 0) error_code_explained(state, *answer.error_code);
}

TIMPUSH_LATER void draw_follow(AppState& state) {
  const Lang lang = state.lang;
  ImGui::PushID("follow");
  if (ImGui::BeginChild("follow scroll", ImVec2(0, 0), kFlat)) {
    ImGui::SeparatorText(tr(lang, txt::place_follow));
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(lang, txt::follow_intro));
    ImGui::PopTextWrapPos();
    draw_task_list(state);
    if (!state.follow.tasks.empty()) {
      draw_refresh_row(state);
      draw_funnel(state);
      draw_loss(state);
      draw_trace(state);
      draw_revoke(state);
    }
  }
  ImGui::EndChild();
  ImGui::PopID();
  follow_tick(state);
}

}  // namespace timpush::ui
