// The Learn place's flows (issue 21), without ImGui: the lessons fetched once the place is opened
// (an index, then each file, each read by core::read_lesson; a broken one keeps its problem in the
// list), a lesson started in a draft of its own, its attempts graded by core::grade_lesson on
// Send or on Check, the progress kept in the device's storage, and the reach of the composer's
// Condition asked from the sandbox (learn_reach.cpp). panel_learn.cpp draws it all.
//
// The page's first frame runs none of this beyond the inline checks below: the flows' entry
// points are TIMPUSH_LATER (ui/later.h), so their code loads after the first frame.
#pragma once

#include <cstdint>
#include <string>

#include "ui/app_state.h"

namespace timpush::ui {

// Where the lessons' index is when the page says nothing else (the web build writes it there,
// relative to the page).
inline constexpr const char* default_lessons_index = "lessons/index.json";

// At start: what the Learn place will need, copied and not read (no work on the first frame).
void keep_learn_startup(LearnState& learn, const StartupInfo& info);

// The Learn place is drawn: fetch the lessons and read the progress, the first time.
void open_learn(AppState& state);
const core::Lesson* find_lesson(const AppState& state, const std::string& id);
const core::Lesson* lesson_on(const AppState& state);
// Start: the current draft is kept; the lesson's start opens in a new draft named after it.
void start_lesson(AppState& state, const std::string& id);
void stop_lesson(AppState& state);
void show_next_hint(AppState& state);
// The Check button (lessons checked without a send): grades the body as it is now.
void check_lesson(AppState& state);
// A lesson about the audience: one whose requirements or start speak of the Condition.
bool about_conditions(const core::Lesson& lesson);

// The trainee's answer to the lesson's question (its choice requirement), graded at once.
void choose_answer(AppState& state, size_t choice);
// An answer to any request: one to a call the lesson grades (learn_tick saw it leave) becomes an
// attempt. The frame's check is note_lesson_answer below.
void note_lesson_answer_now(AppState& state, const HttpResult& result);

// Answers to the Learn place's GETs and the reach requests; false for any other request.
bool handle_learn_result(AppState& state, const HttpResult& result);
// Each frame after the body is derived, while a lesson is on or the reach can be asked: a send's
// answer graded, an expected error seen in Checks, the reach's round paced.
void learn_tick(AppState& state);

// Reach (learn_reach.cpp): against the sandbox with its app loaded, never the real service.
bool reach_available(const AppState& state);
void reach_tick(AppState& state);
bool handle_reach_result(AppState& state, const HttpResult& result);
// Milliseconds until the next reach round may leave; -1 when none waits.
int64_t reach_wait_ms(const AppState& state);

// The frame's cheap checks (inline, so the first frame calls no later code).
inline bool learn_busy(const AppState& state) {
  return !state.learn.run.id.empty() ||
         (state.creds.kind == TargetKind::sandbox && state.sandbox.status == SandboxApp::Status::loaded);
}
inline void note_lesson_answer(AppState& state, const HttpResult& result) {
  if (!state.learn.run.calls.empty()) note_lesson_answer_now(state, result);
}
inline bool learn_owns(const AppState& state, uint64_t id) {
  const LearnState& l = state.learn;
  if (id == 0) return false;
  if (id == l.index_request || id == l.reach.request_id) return true;
  for (const LessonSlot& slot : l.slots)
    if (slot.request_id == id) return true;
  return false;
}

}  // namespace timpush::ui
