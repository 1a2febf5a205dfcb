// The Learn place's lessons, attempts and progress (see learn_flow.h). The reach is in
// learn_reach.cpp.
//
// Decisions:
// - The lessons are fetched when the Learn place is first drawn, or when a "#lesson=ID" link
//   opened the page there: never before the first frame. Each file is its own GET, all at once
//   (a dozen small files on the page's own server); the list shows them in their `order` once
//   every answer is in, a file that failed or did not read with its problem.
// - Start keeps the current draft (saved first) and opens the lesson's start in a new draft
//   "Lesson <id> N", as reopening a history entry does, so nothing typed before is lost.
// - A Send graded for a lesson is any send to an API it grades (a push lesson does not count a
//   test send) that ends while the lesson is on; its attempt is the exact body sent and the
//   answer's JSON. An expected error seen in Checks (the page does not send a body Checks refuse)
//   becomes an attempt of its own, with no answer, the moment it shows.
// - Calls the other places make (the Follow place's loss round and revoke, the
//   composer's Schedule) are seen as they leave, in this frame's requests, and become attempts
//   when their answer comes (note_lesson_answer): the other flows are not told about lessons.
//   Only the API's name and the body are kept, never the URL with its UserSig.
// - A lesson's question is answered with a radio list in the bar; each pick grades again.
// - A pass stays a pass in the progress; "tried" means graded at least once.
#include "ui/learn_flow.h"

#include <algorithm>
#include <utility>

#include "ui/derive.h"
#include "ui/keeping.h"
#include "ui/later.h"
#include "ui/navigation.h"

namespace timpush::ui {
namespace {

void read_progress_once(AppState& state) {
  LearnState& l = state.learn;
  if (l.progress_read) return;
  l.progress_read = true;
  if (l.stored_progress.empty()) return;
  core::ProgressRead read = core::parse_progress(l.stored_progress);
  l.progress = std::move(read.progress);
  l.stored_progress.clear();
}

void record_progress(AppState& state, const std::string& id, bool passed) {
  read_progress_once(state);
  if (state.learn.progress.record(id, passed))
    queue_storage_write(state, lessons_progress_key, core::serialize_progress(state.learn.progress));
}

HttpRequest get_request(AppState& state, const std::string& url) {
  HttpRequest request;
  request.id = state.next_http_id++;
  request.method = "GET";
  request.url = url;
  request.content_type.clear();
  request.timeout_seconds = 10;
  return request;
}

constexpr size_t kMostAttempts = 50;
constexpr size_t kMostCalls = 8;

void grade(AppState& state) {
  const core::Lesson* lesson = lesson_on(state);
  if (!lesson) return;
  LessonRun& run = state.learn.run;
  run.verdict = core::grade_lesson(*lesson, run.attempts, run.chosen);
  run.verdict_new = true;
  record_progress(state, lesson->id, run.verdict->passed);
}

// All files answered: the list in the lessons' order (a broken file keeps its place by name).
void settle_list(LearnState& l) {
  std::stable_sort(l.slots.begin(), l.slots.end(), [](const LessonSlot& a, const LessonSlot& b) {
    const int ao = a.lesson ? a.lesson->order : 1 << 30;
    const int bo = b.lesson ? b.lesson->order : 1 << 30;
    return ao != bo ? ao < bo : a.id < b.id;
  });
  l.status = LearnState::Status::loaded;
  if (!l.link_lesson.empty()) {
    l.selected = l.link_lesson;
    l.link_lesson.clear();
  }
}

void on_index(AppState& state, const HttpResult& result) {
  LearnState& l = state.learn;
  l.index_request = 0;
  if (result.status != 200) {
    l.status = LearnState::Status::failed;
    l.index_problem = {"could not fetch the lessons (" + result.status_text + ")",
                       "无法获取课程（" + result.status_text + "）"};
    return;
  }
  core::LessonIndex index = core::read_lesson_index(result.body, l.index_url);
  if (!index.error.en.empty()) {
    l.status = LearnState::Status::failed;
    l.index_problem = index.error;
    return;
  }
  for (core::LessonIndexEntry& e : index.entries) {
    LessonSlot slot;
    slot.id = e.id;
    slot.url = e.url;
    slot.problem = e.error;
    if (!e.url.empty()) {
      HttpRequest request = get_request(state, e.url);
      slot.request_id = request.id;
      slot.loading = true;
      state.out.http.push_back(std::move(request));
      ++l.pending;
    }
    l.slots.push_back(std::move(slot));
  }
  if (l.pending == 0) settle_list(l);
}

void on_lesson_file(AppState& state, LessonSlot& slot, const HttpResult& result) {
  slot.loading = false;
  slot.request_id = 0;
  if (result.status != 200) {
    slot.problem = {"could not fetch (" + result.status_text + ")", "无法获取（" + result.status_text + "）"};
  } else {
    core::LessonRead read = core::read_lesson(result.body, slot.id);
    if (read.lesson) slot.lesson = std::move(read.lesson);
    else slot.problem = read.error;
  }
  LearnState& l = state.learn;
  if (l.pending > 0 && --l.pending == 0) settle_list(l);
}

// This frame's requests to APIs the lesson grades, other than the send flow's (graded above).
void watch_calls(AppState& state, const core::Lesson& lesson) {
  LessonRun& run = state.learn.run;
  if (!lesson.needs_send) return;
  for (const HttpRequest& request : state.out.http) {
    if (request.id == state.send.request_id) continue;
    const std::string api = core::api_of_url(request.url);
    if (api.empty() || !core::grades_api(lesson, api)) continue;
    const bool known = std::any_of(run.calls.begin(), run.calls.end(), [&](const LessonCall& c) { return c.request_id == request.id; });
    if (known) continue;
    // A call never answered is forgotten once newer ones pile up.
    if (run.calls.size() >= kMostCalls) run.calls.erase(run.calls.begin());
    run.calls.push_back(LessonCall{request.id, api, request.body});
  }
}

}  // namespace

void keep_learn_startup(LearnState& learn, const StartupInfo& info) {
  learn.index_url = info.lessons_index.empty() ? default_lessons_index : info.lessons_index;
  auto stored = info.stored.find(lessons_progress_key);
  if (stored != info.stored.end()) learn.stored_progress = stored->second;
  learn.link_lesson = lesson_in_link(info.page_url);
}

TIMPUSH_LATER void open_learn(AppState& state) {
  LearnState& l = state.learn;
  read_progress_once(state);
  if (l.status != LearnState::Status::not_asked) return;
  HttpRequest request = get_request(state, l.index_url);
  l.index_request = request.id;
  l.status = LearnState::Status::loading;
  state.out.http.push_back(std::move(request));
}

const core::Lesson* find_lesson(const AppState& state, const std::string& id) {
  for (const LessonSlot& slot : state.learn.slots)
    if (slot.lesson && slot.lesson->id == id) return &*slot.lesson;
  return nullptr;
}

const core::Lesson* lesson_on(const AppState& state) {
  return state.learn.run.id.empty() ? nullptr : find_lesson(state, state.learn.run.id);
}

bool about_conditions(const core::Lesson& lesson) {
  for (const core::Requirement& r : lesson.requirements)
    if (r.pointer.rfind("/Condition", 0) == 0) return true;
  return false;
}

TIMPUSH_LATER void start_lesson(AppState& state, const std::string& id) {
  const core::Lesson* lesson = find_lesson(state, id);
  if (!lesson) return;
  // The current draft stays in Drafts; the lesson gets a new one.
  if (!new_draft(state)) return;
  rename_active_draft(state, state.keep.drafts.unused_name("Lesson " + lesson->id));
  load_body(state, lesson->start);
  state.keep.guard.discard_retry();
  LessonRun& run = state.learn.run;
  run = LessonRun{};
  run.id = lesson->id;
  run.graded_send = state.send.request_id;  // an answer already shown is not this lesson's
  state.learn.selected = lesson->id;
  note_text(state, tr(state.lang, fill(txt::lesson_started, Words(lesson->title))), 4);
}

void stop_lesson(AppState& state) { state.learn.run = LessonRun{}; }

void show_next_hint(AppState& state) {
  const core::Lesson* lesson = lesson_on(state);
  if (lesson && state.learn.run.hints_shown < lesson->hints.size()) ++state.learn.run.hints_shown;
}

TIMPUSH_LATER void check_lesson(AppState& state) {
  if (!lesson_on(state)) return;
  state.learn.run.attempts.push_back(core::Attempt{current_body(state), Json()});
  grade(state);
}

TIMPUSH_LATER void choose_answer(AppState& state, size_t choice) {
  if (!lesson_on(state)) return;
  state.learn.run.chosen = choice;
  grade(state);
}

TIMPUSH_LATER void note_lesson_answer_now(AppState& state, const HttpResult& result) {
  LessonRun& run = state.learn.run;
  auto call = std::find_if(run.calls.begin(), run.calls.end(), [&](const LessonCall& c) { return c.request_id == result.id; });
  if (call == run.calls.end() || !lesson_on(state)) return;
  Json answer = core::read_json(result.body, core::JsonLimits{64, 5000}).value;
  if (!answer.is_object()) answer = Json();
  run.attempts.push_back(core::Attempt{std::move(call->body), std::move(answer), std::move(call->api)});
  run.calls.erase(call);
  core::trim_attempts(run.attempts, kMostAttempts);
  grade(state);
}

TIMPUSH_LATER bool handle_learn_result(AppState& state, const HttpResult& result) {
  LearnState& l = state.learn;
  if (result.id == l.index_request) {
    on_index(state, result);
    return true;
  }
  for (LessonSlot& slot : l.slots) {
    if (slot.loading && slot.request_id == result.id) {
      on_lesson_file(state, slot, result);
      return true;
    }
  }
  return handle_reach_result(state, result);
}

TIMPUSH_LATER void learn_tick(AppState& state) {
  reach_tick(state);
  const core::Lesson* lesson = lesson_on(state);
  if (!lesson) return;
  LessonRun& run = state.learn.run;
  if (lesson->expect_error && !run.error_seen) {
    for (const core::Issue& issue : state.derived.report.issues) {
      if (issue.code != *lesson->expect_error) continue;
      run.error_seen = true;
      run.attempts.push_back(core::Attempt{state.derived.body, Json()});
      break;
    }
  }
  watch_calls(state, *lesson);
  const SendFlow& send = state.send;
  if (send.has_result && !send.in_flight && send.request_id != run.graded_send) {
    run.graded_send = send.request_id;
    if (!lesson->needs_send) return;  // graded on Check; a send does not count
    const std::string api = core::api_of_url(send.sent.url);
    if (!core::grades_api(*lesson, api)) return;
    Json answer = core::read_json(send.result.body, core::JsonLimits{64, 1000}).value;
    if (!answer.is_object()) answer = Json();
    if (lesson->expect_error && core::get_int64(answer, "ErrorCode") == *lesson->expect_error) run.error_seen = true;
    run.attempts.push_back(core::Attempt{send.sent.request_body, std::move(answer), api});
    core::trim_attempts(run.attempts, kMostAttempts);
    grade(state);
  }
}

}  // namespace timpush::ui
