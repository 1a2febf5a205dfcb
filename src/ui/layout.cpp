// The frame's layout on every screen: the top bar (reflowed so Send is always on its first row),
// the navigation, and then two columns from about 900 CSS px (the composer on the left, its panes
// or the chosen place on the right) or one column below that (one pane or place at a time, with
// the composer's pane switch at the bottom, where a thumb reaches it).
//
// Labels follow app.cpp's rule: the English label is the widget ID ("<zh>###<en>" in Chinese).
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <string>

#include "ui/announce.h"
#include "ui/derive.h"
#include "ui/keeping.h"
#include "ui/layout.h"
#include "ui/learn_panels.h"
#include "ui/panels.h"
#include "ui/sched_flow.h"
#include "ui/send_flow.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

// Widgets placed left to right, on the next row when the next one would pass the right edge.
class Flow {
public:
  explicit Flow(float right) : right_(right) {}
  void next(float width) {
    if (!first_) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + width > right_) ImGui::NewLine();
    }
    first_ = false;
  }

private:
  float right_;
  bool first_ = true;
};

float style_padding() { return ImGui::GetStyle().FramePadding.x * 2; }

float button_width(const char* shown) {
  return ImGui::CalcTextSize(shown, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

std::string send_label(const AppState& state) {
  const Lang lang = state.lang;
  // Plain "Send" when idle in English; otherwise the shown text changes and the ID stays "###Send".
  // In test-send or schedule mode the button does that ("Test send###Send").
  const Text& idle = send_mode_text(state);
  std::string out = state.send.in_flight ? label(lang, txt::sending) : label(lang, txt::send);
  if (state.send.in_flight || lang == Lang::zh || &idle != &txt::send)
    out = std::string(tr(lang, state.send.in_flight ? txt::sending : idle)) + "###Send";
  // The server wants more than 1 s between pushes (90024): the button counts it down.
  int64_t lock_ms = state.keep.guard.lock_remaining_ms(now_ms(state));
  if (!state.send.in_flight && lock_ms > 0) {
    char countdown[48];
    std::snprintf(countdown, sizeof countdown, " (%.1f s)###Send", static_cast<double>(lock_ms) / 1000.0);
    out = std::string(tr(lang, idle)) + countdown;
  }
  return out;
}

void draw_send(AppState& state, float width, bool& send_clicked) {
  std::optional<Text> blocker = send_blocker(state);
  ImGui::BeginDisabled(blocker.has_value());
  // White on green in both themes (5:1).
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.16f, 0.45f, 0.22f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.20f, 0.53f, 0.27f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.12f, 0.38f, 0.18f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  if (ImGui::Button(send_label(state).c_str(), ImVec2(width, 0))) send_clicked = true;
  ImGui::PopStyleColor(4);
  ImGui::EndDisabled();
  if (blocker) ImGui::SetItemTooltip("%s", tr(state.lang, *blocker));
}

void draw_top_bar(AppState& state, bool& send_clicked) {
  const Lang lang = state.lang;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetWindowWidth() - style.WindowPadding.x;
  const float spacing = style.ItemSpacing.x;
  const float radio = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x;
  const float lang_width = radio * 2 + ImGui::CalcTextSize("English").x + ImGui::CalcTextSize("中文").x + spacing;
  const float send_width = ImGui::GetFontSize() * 7;
  const std::string share = label(lang, txt::share_link);
  const float share_width = button_width(share.c_str());
  const bool dark = state.screen.applied_dark;
  const std::string theme = std::string(tr(lang, dark ? txt::theme_light : txt::theme_dark)) + "###Theme";
  const float theme_width = button_width(theme.c_str());
  const float controls = share_width + send_width + lang_width + theme_width + spacing * 3;

  const char* title = tr(lang, txt::app_title);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(title);
  const float after_title = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + spacing;
  const bool one_row = after_title + controls <= right;
  // The subtitle only where it leaves the controls room; Send is always on the title's row.
  const char* subtitle = tr(lang, txt::app_subtitle);
  const float first_row_controls = one_row ? controls : send_width;
  if (after_title + ImGui::CalcTextSize(subtitle).x + spacing + first_row_controls <= right) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", subtitle);
  }
  ImGui::SameLine(std::max(after_title, right - first_row_controls));
  Flow flow(right);
  if (one_row) {
    if (ImGui::Button(share.c_str())) copy_share_link(state);
    ImGui::SameLine();
    draw_send(state, send_width, send_clicked);
    ImGui::SameLine();
  } else {
    draw_send(state, send_width, send_clicked);
    flow.next(share_width);
    if (ImGui::Button(share.c_str())) copy_share_link(state);
    flow.next(lang_width);
  }
  if (ImGui::RadioButton("English", lang == Lang::en)) state.lang = Lang::en;
  ImGui::SameLine();
  if (ImGui::RadioButton("中文", lang == Lang::zh)) state.lang = Lang::zh;
  if (one_row) ImGui::SameLine();
  else flow.next(theme_width);
  if (ImGui::Button(theme.c_str())) set_theme_setting(state, dark ? ThemeSetting::light : ThemeSetting::dark);

  // One line of status under the bar: why Send is off, or the last note.
  StatusLine status = status_line(state);
  ImGui::PushTextWrapPos(0);
  if (status.kind == StatusLine::Kind::quiet) ImGui::TextDisabled("%s", status.text.c_str());
  else ImGui::TextColored(tone_colour(status.kind == StatusLine::Kind::good ? Tone::good : Tone::warn), "%s",
                          status.text.c_str());
  ImGui::PopTextWrapPos();
}

void draw_left(AppState& state) {
  Lang lang = state.lang;
  draw_lesson_bar(state);  // while a lesson is on: its goal, hint, Check and verdict
  if (state.explain.open_credentials) ImGui::SetNextItemOpen(true);
  state.explain.open_credentials = false;
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

std::string checks_label(const AppState& state) {
  const Derived& d = state.derived;
  return std::string(tr(state.lang, txt::tab_checks)) + " (" + std::to_string(d.error_count) + "/" +
         std::to_string(d.warning_count) + ")###Checks";
}

void draw_checks_pane(AppState& state) {
  if (ImGui::BeginChild("checks scroll", ImVec2(0, 0), kFlat)) draw_checks(state);
  ImGui::EndChild();
}

// "Device (3)": the tab names how many device warnings the push has.
std::string device_label(const AppState& state) {
  const size_t n = state.derived.device_warning_count;
  return std::string(tr(state.lang, txt::tab_device)) + (n ? " (" + std::to_string(n) + ")" : "") + "###Device";
}

// Narrow: Preview and Device share the pane switch's Preview button, with a switch of their own
// on top (five buttons do not fit a phone's width).
void draw_narrow_preview(AppState& state, Pane pane) {
  const Lang lang = state.lang;
  if (ImGui::RadioButton(stable_label(lang, txt::tab_json).c_str(), pane == Pane::preview) && pane != Pane::preview)
    go_to(state, Location{View::compose, Pane::preview});
  ImGui::SameLine();
  if (ImGui::RadioButton(device_label(state).c_str(), pane == Pane::device) && pane != Pane::device)
    go_to(state, Location{View::compose, Pane::device});
  if (pane == Pane::device) draw_device(state);
  else draw_preview(state);
}

// Wide: the composer's panes in tabs beside the form.
void draw_right_tabs(AppState& state) {
  Lang lang = state.lang;
  std::optional<Pane> select = state.screen.select_pane;
  state.screen.select_pane.reset();
  auto flags_for = [select](Pane pane) { return select == pane ? ImGuiTabItemFlags_SetSelected : 0; };
  if (!ImGui::BeginTabBar("right tabs")) return;
  if (ImGui::BeginTabItem(stable_label(lang, txt::tab_preview).c_str(), nullptr, flags_for(Pane::preview))) {
    draw_preview(state);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(device_label(state).c_str(), nullptr, flags_for(Pane::device))) {
    draw_device(state);
    ImGui::EndTabItem();
  }
  const Derived& d = state.derived;
  if (d.error_count > 0) ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::bad));
  bool checks_open = ImGui::BeginTabItem(checks_label(state).c_str(), nullptr, flags_for(Pane::checks));
  if (d.error_count > 0) ImGui::PopStyleColor();
  if (checks_open) {
    draw_checks_pane(state);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem(stable_label(lang, txt::tab_response).c_str(), nullptr, flags_for(Pane::response))) {
    draw_response(state);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

// Narrow: the pane switch under the content, one button a pane, across the whole width.
void draw_pane_switch(AppState& state) {
  const Lang lang = state.lang;
  const Location here = state.screen.nav.here();
  struct Item {
    Pane pane;
    std::string shown;
  };
  const Item items[] = {{Pane::form, stable_label(lang, txt::tab_form)},
                        {Pane::preview, stable_label(lang, txt::tab_preview)},
                        {Pane::checks, checks_label(state)},
                        {Pane::response, stable_label(lang, txt::tab_response)}};
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - spacing * 3) / 4;
  ImGui::PushID("panes");
  // Four across 360 CSS px: each label gets what the padding would take.
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(3, ImGui::GetStyle().FramePadding.y));
  for (const Item& item : items) {
    if (item.pane != Pane::form) ImGui::SameLine();
    const bool current = here.view == View::compose &&
                         (here.pane == item.pane || (item.pane == Pane::preview && here.pane == Pane::device));
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    const bool errors = item.pane == Pane::checks && state.derived.error_count > 0;
    if (errors) ImGui::PushStyleColor(ImGuiCol_Text, tone_colour(Tone::bad));
    // "Checks (1/0)" where it fits, else "Checks" (its colour still says there are errors).
    std::string shown = item.shown;
    if (item.pane == Pane::checks && ImGui::CalcTextSize(shown.c_str(), nullptr, true).x + style_padding() > width)
      shown = stable_label(lang, txt::tab_checks);
    if (ImGui::Button(shown.c_str(), ImVec2(width, 0))) go_to(state, Location{View::compose, item.pane});
    if (errors) ImGui::PopStyleColor();
    if (current) ImGui::PopStyleColor();
  }
  ImGui::PopStyleVar();
  ImGui::PopID();
}

void draw_narrow(AppState& state) {
  const Location here = state.screen.nav.here();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float bar = ImGui::GetFrameHeight() + style.ItemSpacing.y + style.WindowPadding.y;
  const ImVec2 size(0, -bar);
  if (here.view == View::compose && here.pane == Pane::form) {
    if (ImGui::BeginChild("left", size, ImGuiChildFlags_Borders | kFlat)) draw_left(state);
    ImGui::EndChild();
  } else {
    if (ImGui::BeginChild("right", size, ImGuiChildFlags_Borders | kFlat)) {
      if (here.view != View::compose) draw_place(state, here.view);
      else if (here.pane == Pane::preview || here.pane == Pane::device) draw_narrow_preview(state, here.pane);
      else if (here.pane == Pane::checks) draw_checks_pane(state);
      else draw_response(state);
    }
    ImGui::EndChild();
  }
  draw_pane_switch(state);
}

void draw_wide(AppState& state) {
  const Location here = state.screen.nav.here();
  float left_width = ImGui::GetContentRegionAvail().x * 0.5f;
  if (ImGui::BeginChild("left", ImVec2(left_width, 0), ImGuiChildFlags_ResizeX | ImGuiChildFlags_Borders | kFlat))
    draw_left(state);
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::BeginChild("right", ImVec2(0, 0), ImGuiChildFlags_Borders | kFlat)) {
    if (here.view == View::compose) draw_right_tabs(state);
    else draw_place(state, here.view);
  }
  ImGui::EndChild();
}

}  // namespace

void go_to(AppState& state, const Location& to) {
  navigate(state.screen.nav, to);
  if (to.view == View::compose && to.pane != Pane::form) state.screen.select_pane = to.pane;
}

void draw_layout(AppState& state, bool& send_clicked) {
  ScreenState& sc = state.screen;
  // The flows' one-shot requests for a pane or a place (a send shows its answer; a code is
  // looked up) go through the navigation, so Back returns from them too.
  if (state.view.select_tab == RightTab::error_codes) go_to(state, Location{View::error_codes, Pane::form});
  else if (state.view.select_tab == RightTab::preview) go_to(state, Location{View::compose, Pane::preview});
  else if (state.view.select_tab == RightTab::checks) go_to(state, Location{View::compose, Pane::checks});
  else if (state.view.select_tab == RightTab::response) go_to(state, Location{View::compose, Pane::response});
  state.view.select_tab = RightTab::none;

  sc.narrow = ImGui::GetMainViewport()->WorkSize.x < kTwoColumnWidth;
  // On one column a check clicked in the Checks pane leads to its field on the form.
  if (sc.narrow && !state.focus.pointer.empty() && sc.nav.here() != Location{})
    go_to(state, Location{View::compose, Pane::form});

  draw_top_bar(state, send_clicked);
  draw_nav(state);
  if (sc.narrow) draw_narrow(state);
  else draw_wide(state);
}

}  // namespace timpush::ui
