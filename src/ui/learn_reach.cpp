// The reach of the composer's Condition against the sandbox (see learn_flow.h and core/reach.h):
// "reaches N of M users" under the Audience, and in a lesson about conditions, what each part of
// the Condition adds or removes. One round is the whole Condition, then (in such a lesson) the
// Condition without each part, asked one request at a time from POST /sandbox/reach.
#include <utility>

#include "ui/learn_flow.h"
#include "ui/later.h"

namespace timpush::ui {
namespace {

// The Condition the body carries, as the body the sandbox is asked with (only the Condition
// decides the audience); {} when it has none, or the body does not parse (the last one that did
// stays shown).
std::optional<Json> reach_body(const AppState& state) {
  core::JsonReadResult read = core::read_json(state.derived.body, core::JsonLimits{64, 1000});
  if (read.failure != core::JsonReadResult::Failure::none || !read.value.is_object()) return std::nullopt;
  Json body = Json::object();
  if (const Json* condition = core::find_member(read.value, "Condition")) body["Condition"] = *condition;
  return body;
}

void ask_next(AppState& state) {
  ReachView& r = state.learn.reach;
  HttpRequest request;
  request.id = state.next_http_id++;
  request.method = "POST";
  request.url = state.origin + "/sandbox/reach";
  request.body = std::move(r.queue.front());
  r.queue.erase(r.queue.begin());
  request.timeout_seconds = 5;
  r.request_id = request.id;
  state.out.http.push_back(std::move(request));
}

void end_round(ReachView& r) {
  r.queue.clear();
  r.request_id = 0;
  r.debounce.answered();
}

}  // namespace

bool reach_available(const AppState& state) {
  return state.creds.kind == TargetKind::sandbox && state.sandbox.status == SandboxApp::Status::loaded &&
         !state.origin.empty();
}

TIMPUSH_LATER void reach_tick(AppState& state) {
  if (!reach_available(state)) return;
  ReachView& r = state.learn.reach;
  const core::Lesson* lesson = lesson_on(state);
  const bool per_part = lesson && about_conditions(*lesson);
  // The body is read again only after an edit, not every frame.
  if (r.body_revision != state.derived.revision || r.per_part != per_part || r.key.empty()) {
    std::optional<Json> body = reach_body(state);
    if (!body) return;
    r.body_revision = state.derived.revision;
    r.per_part = per_part;
    r.body = std::move(*body);
    // The key is what a round depends on: the Condition, and whether parts are asked.
    r.key = r.body.dump() + (per_part ? "+parts" : "");
  }
  r.debounce.note(r.key, now_ms(state));
  if (!r.debounce.due(now_ms(state))) return;
  r.parts = per_part ? core::condition_parts(r.body) : std::vector<core::ConditionPart>{};
  r.counts.clear();
  r.failed = false;
  r.queue.clear();
  r.queue.push_back(r.body.dump());
  for (const core::ConditionPart& part : r.parts) r.queue.push_back(core::body_without(r.body, part).dump());
  r.debounce.asked();
  ask_next(state);
}

TIMPUSH_LATER bool handle_reach_result(AppState& state, const HttpResult& result) {
  ReachView& r = state.learn.reach;
  if (result.id == 0 || result.id != r.request_id) return false;
  std::optional<core::ReachCount> count = core::read_reach_answer(result.status, result.body);
  if (!count) {
    r.failed = true;
    end_round(r);
    return true;
  }
  r.counts.push_back(count->users);
  if (r.counts.size() == 1) {
    r.shown = *count;
    r.shown_key = r.debounce.asked_key();
    r.shown_parts.clear();
    r.shown_changes.clear();
  }
  // The Condition moved on: the rest of this round would describe one no longer on screen.
  if (r.debounce.key() != r.debounce.asked_key()) {
    end_round(r);
    return true;
  }
  if (!r.queue.empty()) {
    ask_next(state);
    return true;
  }
  r.shown_parts = r.parts;
  r.shown_changes.clear();
  for (size_t i = 0; i < r.parts.size() && i + 1 < r.counts.size(); ++i)
    r.shown_changes.push_back(core::part_change(r.counts[0], r.counts[i + 1]));
  end_round(r);
  return true;
}

int64_t reach_wait_ms(const AppState& state) {
  if (!reach_available(state)) return -1;
  return state.learn.reach.debounce.wait_ms(now_ms(state));
}

}  // namespace timpush::ui
