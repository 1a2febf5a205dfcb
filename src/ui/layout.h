// The frame's layout (layout.cpp) and the navigation's drawing (panel_nav.cpp): one place from
// which the operator reaches every view, and the composer's panes.
#pragma once

#include <imgui.h>

#include "ui/app_state.h"

namespace timpush::ui {

// From this width (CSS px) the composer's panes stand beside the form; below it, one column.
constexpr float kTwoColumnWidth = 900.0f;

// The columns and panes are one keyboard scope with the page: Tab and Shift+Tab go from the top
// bar through the form and on into the panes in reading order (ImGui's flattened child windows).
constexpr int kFlat = ImGuiChildFlags_NavFlattened;

// Goes to a place or pane (a browser history entry; a pane's tab is selected on a wide page).
void go_to(AppState& state, const Location& to);
// The top bar, the navigation and the columns. Sets send_clicked when Send was pressed.
void draw_layout(AppState& state, bool& send_clicked);

// panel_nav.cpp
// Every place on one row when they fit, else one menu naming the current place.
void draw_nav(AppState& state);
// A place other than the composer (Follow, Schedules, App data, Learn, History, ..., Help).
void draw_place(AppState& state, View view);
// A long press on a text field offers Paste (the platform reads the clipboard on a tap).
void draw_paste_offer(AppState& state);

}  // namespace timpush::ui
