// The navigation drawn: every place on one row of buttons when they fit the width, else one menu
// (a button naming the current place) that fits any width down to 360 CSS px. Also the places
// themselves other than the composer: History, Drafts, Templates, Error codes, Help (shortcuts
// and the theme), and the long press's Paste offer. Follow draws itself
// (panel_follow.cpp).
#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "ui/layout.h"
#include "ui/learn_panels.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace timpush::ui {
namespace {

bool here_is(const AppState& state, View view) { return state.screen.nav.here().view == view; }

void draw_nav_row(AppState& state) {
  for (const Place& place : places()) {
    if (place.view != places().front().view) ImGui::SameLine();
    const bool current = here_is(state, place.view);
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    if (ImGui::Button(label(state.lang, place.label).c_str())) go_to(state, Location{place.view, Pane::form});
    if (current) ImGui::PopStyleColor();
  }
}

float nav_row_width(const AppState& state) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float width = 0;
  for (const Place& place : places())
    width += ImGui::CalcTextSize(tr(state.lang, place.label)).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  return width - style.ItemSpacing.x;
}

// A full-width button naming the current place ("Places: History###Places"); its menu lists them all.
void draw_nav_menu(AppState& state) {
  const Lang lang = state.lang;
  const Place& current = place_of(state.screen.nav.here().view);
  const std::string shown = tr(lang, fill(txt::places_menu, Words(current.label))) + "###Places";
  const char* menu = "places menu";
  if (ImGui::Button(shown.c_str(), ImVec2(-1, 0))) ImGui::OpenPopup(menu);
  const ImVec2 under(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y);
  ImGui::SetNextWindowPos(under);
  ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetItemRectSize().x, 0),
                                      ImVec2(ImGui::GetItemRectSize().x, ImGui::GetMainViewport()->WorkSize.y * 0.7f));
  if (!ImGui::BeginPopup(menu)) return;
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
  for (const Place& place : places()) {
    const bool selected = here_is(state, place.view);
    // As tall as a button, so a finger hits one place.
    if (ImGui::Selectable(label(lang, place.label).c_str(), selected, 0, ImVec2(0, ImGui::GetFrameHeight())))
      go_to(state, Location{place.view, Pane::form});
  }
  ImGui::PopStyleVar();
  ImGui::EndPopup();
}

void draw_help(AppState& state) {
  const Lang lang = state.lang;
  ImGui::SeparatorText(tr(lang, txt::help_keys_title));
  const Text* keys[][2] = {{&txt::key_tab, &txt::key_tab_does},
                           {&txt::key_enter_tag, &txt::key_enter_tag_does},
                           {&txt::key_send, &txt::key_send_does},
                           {&txt::key_escape, &txt::key_escape_does},
                           {&txt::key_paste, &txt::key_paste_does}};
  const Text* touch[][2] = {{&txt::touch_drag, &txt::touch_drag_does}, {&txt::touch_long, &txt::touch_long_does}};
  auto table = [lang](const char* id, const Text* (*rows)[2], size_t count) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
    for (size_t i = 0; i < count; ++i) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextWrapped("%s", tr(lang, *rows[i][0]));
      ImGui::TableSetColumnIndex(1);
      ImGui::TextWrapped("%s", tr(lang, *rows[i][1]));
    }
    ImGui::EndTable();
  };
  table("keys", keys, sizeof keys / sizeof keys[0]);
  ImGui::SeparatorText(tr(lang, txt::help_touch_title));
  table("touch", touch, sizeof touch / sizeof touch[0]);
  ImGui::SeparatorText(tr(lang, txt::theme));
  const ThemeSetting now = state.screen.theme;
  if (ImGui::RadioButton(label(lang, txt::theme_system).c_str(), now == ThemeSetting::system))
    set_theme_setting(state, ThemeSetting::system);
  ImGui::SameLine();
  if (ImGui::RadioButton(label(lang, txt::theme_light).c_str(), now == ThemeSetting::light))
    set_theme_setting(state, ThemeSetting::light);
  ImGui::SameLine();
  if (ImGui::RadioButton(label(lang, txt::theme_dark).c_str(), now == ThemeSetting::dark))
    set_theme_setting(state, ThemeSetting::dark);
}

}  // namespace

void draw_nav(AppState& state) {
  ImGui::PushID("nav");
  if (nav_row_width(state) <= ImGui::GetContentRegionAvail().x) draw_nav_row(state);
  else draw_nav_menu(state);
  ImGui::PopID();
}

void draw_place(AppState& state, View view) {
  switch (view) {
    case View::history: draw_history(state); return;
    case View::drafts:
      if (ImGui::BeginChild("drafts scroll", ImVec2(0, 0), kFlat)) draw_drafts(state);
      ImGui::EndChild();
      return;
    case View::templates:
      if (ImGui::BeginChild("templates scroll", ImVec2(0, 0), kFlat)) draw_templates(state);
      ImGui::EndChild();
      return;
    case View::error_codes: draw_error_codes(state); return;
    case View::help:
      if (ImGui::BeginChild("help scroll", ImVec2(0, 0), kFlat)) draw_help(state);
      ImGui::EndChild();
      return;
    case View::learn: draw_learn_place(state); return;
    case View::compose: return;  // drawn by the layout
    case View::follow: draw_lesson_bar_in_place(state); draw_follow(state); return;
    case View::schedules: draw_lesson_bar_in_place(state); draw_schedules(state); return;
    case View::app_data: draw_app_data(state); return;
  }
}

void draw_paste_offer(AppState& state) {
  ScreenState& sc = state.screen;
  const char* popup = "paste offer";
  if (state.input.screen.long_press) sc.paste_wait_frames = 4;
  // The tap that ended the long press activates the field a frame or two later.
  if (sc.paste_wait_frames > 0) {
    --sc.paste_wait_frames;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.ActiveId != 0 && ImGui::GetIO().WantTextInput) {
      sc.paste_field = g.ActiveId;
      sc.paste_wait_frames = 0;
      ImGui::SetNextWindowPos(ImGui::GetIO().MousePos, ImGuiCond_Always, ImVec2(0.0f, 1.2f));
      ImGui::OpenPopup(popup);
    }
  }
  if (!ImGui::BeginPopup(popup)) {
    sc.paste_field = 0;
    return;
  }
  if (ImGui::Button(label(state.lang, txt::paste).c_str())) {
    // The field takes focus again, and the clipboard's text arrives as a paste into it.
    // (as input, keeping its text and caret: ActivateItemByID alone would select all of it).
    ImGui::ActivateItemByID(sc.paste_field);
    ImGui::GetCurrentContext()->NavNextActivateFlags =
        ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState;
    sc.clipboard_asked = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace timpush::ui
