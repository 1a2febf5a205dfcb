// The Learn place's state (issue 21): the lessons fetched after the Learn place is first opened,
// the trainee's progress as stored on the device, the lesson on and its attempts, and the reach of
// the composer's Condition against the sandbox. One member of AppState (`learn`). No ImGui here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/lesson.h"
#include "core/lesson_progress.h"
#include "core/reach.h"

namespace timpush::ui {

// Browser storage key of the progress (the page's prefix, see keeping.h).
inline constexpr const char* lessons_progress_key = "timpush.lessons";

// One file of the lessons' index: its lesson once read, or why it is not one.
struct LessonSlot {
  std::string id;
  std::string url;
  uint64_t request_id = 0;
  bool loading = false;
  std::optional<core::Lesson> lesson;
  core::Words problem;  // the index entry, the GET or read_lesson said why not
};

// A call to an API the lesson grades, made outside the send flow (a revoke, a schedule, a loss
// round), waiting for its answer. The URL (which holds the UserSig) is not kept: only its API.
struct LessonCall {
  uint64_t request_id = 0;
  std::string api;
  std::string body;
};

// One lesson being done: its attempts (oldest first) and the verdict on them.
struct LessonRun {
  std::string id;                 // "" when no lesson is on
  size_t hints_shown = 0;         // hints unlocked, one at a time
  std::vector<core::Attempt> attempts;
  std::optional<core::Verdict> verdict;
  bool error_seen = false;        // the lesson's expect_error was seen (answer or Checks)
  uint64_t graded_send = 0;       // the send (its request id) already graded
  bool verdict_new = false;       // a verdict came: the form's pane scrolls up to the bar once
  std::vector<LessonCall> calls;  // graded calls out, at most a few (follow's round is two)
  std::optional<size_t> chosen;   // the answer picked to the lesson's question
};

// "reaches N of M users" under the Audience, and in a lesson about conditions, each part's effect.
struct ReachView {
  core::ReachDebounce debounce;
  uint64_t body_revision = 0;              // Derived::revision the body below was read at
  bool per_part = false;
  Json body;                               // {"Condition": ...} of the form, or {}
  std::string key;                         // what a round depends on (body and per_part)
  std::vector<std::string> queue;          // bodies still to ask in this round, whole first
  std::vector<core::ConditionPart> parts;  // of the round asked
  std::vector<int64_t> counts;             // answers in order: whole, then without each part
  std::optional<core::ReachCount> shown;   // the last whole count answered
  std::string shown_key;                   // the Condition it was for
  std::vector<core::ConditionPart> shown_parts;
  std::vector<int64_t> shown_changes;      // per part: users it adds (+) or removes (-)
  uint64_t request_id = 0;
  bool failed = false;
};

struct LearnState {
  enum class Status { not_asked, loading, loaded, failed };
  Status status = Status::not_asked;
  std::string index_url;          // from StartupInfo: "lessons/index.json" or the single file's
  uint64_t index_request = 0;
  core::Words index_problem;
  std::vector<LessonSlot> slots;  // in the lessons' order once all are in
  size_t pending = 0;             // lesson files still on their way

  std::string stored_progress;    // storage's text, read when the place opens
  bool progress_read = false;
  core::LessonProgress progress;

  std::string selected;           // the lesson shown open in the list
  std::string link_lesson;        // "#lesson=ID": open it once the lessons are in
  LessonRun run;
  ReachView reach;
  // The first frame is over: a page opened on Learn ("#view=learn", "#lesson=ID") draws its list
  // from the second frame on, so the first frame never runs the Learn code.
  bool after_first_frame = false;
};

}  // namespace timpush::ui
