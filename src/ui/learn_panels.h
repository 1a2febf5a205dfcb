// The Learn place's drawing entry points (panel_learn.cpp). The inline ones are what the frame
// calls on every frame: a cheap check, so the first frame runs none of the Learn code.
#pragma once

#include <imgui.h>

#include "ui/app_state.h"
#include "ui/learn_flow.h"

namespace timpush::ui {

void draw_learn(AppState& state);           // the Learn place (draw_place)
void draw_lesson_bar_now(AppState& state);  // the bar above the composer
void draw_reach_now(AppState& state);       // under the Audience

inline void draw_learn_place(AppState& state) {
  if (state.learn.after_first_frame) draw_learn(state);
  else ImGui::TextDisabled("%s", tr(state.lang, txt::learn_loading));
}
inline void draw_lesson_bar(AppState& state) {
  if (!state.learn.run.id.empty()) draw_lesson_bar_now(state);
}
// Above a place a lesson's calls are made in (Follow, Schedules): on one column only, where the
// form and its bar are out of sight; on two the bar stays in view on the left.
inline void draw_lesson_bar_in_place(AppState& state) {
  if (state.screen.narrow) draw_lesson_bar(state);
}
inline void draw_reach(AppState& state) {
  if (state.creds.kind == TargetKind::sandbox && state.sandbox.status == SandboxApp::Status::loaded)
    draw_reach_now(state);
}

}  // namespace timpush::ui
