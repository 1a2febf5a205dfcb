// The Follow place's requests and answers (follow_flow.h).
#include "ui/follow_flow.h"

#include <algorithm>

#include "core/json.h"
#include "core/text_util.h"
#include "ui/later.h"
#include "ui/layout.h"
#include "ui/send_flow.h"

namespace timpush::ui {
namespace {

constexpr int64_t kGapMs = core::RefreshPolicy{}.min_gap_ms;  // trace and revoke: 1/s too

// What the history knows of the push behind a TaskId: when it went and its notification text.
FollowedTask task_from_history(const AppState& state, const std::string& task_id) {
  FollowedTask task;
  task.task_id = task_id;
  const auto& entries = state.keep.history.entries;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it->task_id != task_id) continue;
    task.sent_unix = it->time;
    task.sent_from_history = true;
    const Json body = core::parse_json(it->request_body);
    if (const Json* info = body.is_object() ? core::find_member(body, "OfflinePushInfo") : nullptr;
        info && info->is_object()) {
      task.title = core::get_string(*info, "Title").value_or("");
      task.desc = core::get_string(*info, "Desc").value_or("");
    }
    return task;
  }
  task.sent_unix = core::task_id_time(task_id);
  return task;
}

// How long ago the youngest followed task was sent, when known for all.
std::optional<int64_t> youngest_age(const AppState& state) {
  std::optional<int64_t> age;
  for (const FollowedTask& t : state.follow.tasks) {
    if (!t.sent_unix) return std::nullopt;
    const int64_t a = state.input.now_unix - *t.sent_unix;
    if (!age || a < *age) age = a;
  }
  return age;
}

// Where the Refresh button or Follow starts a new run of asks.
void restart(AppState& state) { core::restart_refresh(state.follow.refresh, youngest_age(state)); }

std::optional<Text> added_refusal(AppState& state, const std::string& task_id) {
  if (task_id.empty()) return txt::follow_refused_empty;
  for (const FollowedTask& t : state.follow.tasks)
    if (t.task_id == task_id) return txt::follow_refused_twice;
  if (state.follow.tasks.size() >= core::max_report_task_ids) return txt::follow_refused_six;
  return std::nullopt;
}

std::vector<std::string> task_ids(const AppState& state) {
  std::vector<std::string> ids;
  for (const FollowedTask& t : state.follow.tasks) ids.push_back(t.task_id);
  return ids;
}

// One round: statistics over the last 30 days and loss over the last 7 (the documents' caps),
// ending a minute past this clock or past the newest task's own send time (its TaskId's first
// field), whichever is later: a service whose clock runs ahead (or a sandbox moved forward)
// still has its newest push inside the window.
void ask_round(AppState& state) {
  FollowState& f = state.follow;
  int64_t newest = state.input.now_unix;
  for (const FollowedTask& t : f.tasks)
    if (auto sent = core::task_id_time(t.task_id)) newest = std::max(newest, *sent);
  const int64_t end = newest + 60;
  const auto ids = task_ids(state);
  f.stats_request = queue_service_call(state, "v4/timpush/all_member_push_statistics",
                          core::statistics_body(end - core::max_statistics_window_s, end, ids));
  f.loss_request = queue_service_call(state, "v4/timpush/all_member_push_loss",
                         core::loss_body(end - core::max_loss_window_s, end, ids));
  f.round_error.reset();
  core::note_ask(f.refresh, now_ms(state));
}

void round_answered(AppState& state) {
  FollowState& f = state.follow;
  if (f.stats_request || f.loss_request) return;  // the other half is still out
  std::optional<uint64_t> digest;
  if (!f.round_error && f.stats && f.loss) digest = core::report_digest(*f.stats, *f.loss);
  f.asked_unix = state.input.now_unix;
  if (f.round_error && f.round_error->error_code == 60018) core::note_throttled(f.refresh);
  else core::note_answer(f.refresh, digest, now_ms(state));
}

}  // namespace

uint64_t queue_service_call(AppState& state, const char* api, std::string body) {
  HttpRequest request;
  request.id = state.next_http_id++;
  // `random` must differ between requests; a frame may send two (statistics and loss).
  request.url = service_url(state, api, state.input.fresh_random ^ static_cast<uint32_t>(request.id * 2654435761u));
  request.body = std::move(body);
  const bool relayed = state.creds.kind == TargetKind::region && state.creds.via_relay;
  request.timeout_seconds = relayed ? 30 : 15;
  const uint64_t id = request.id;
  state.out.http.push_back(std::move(request));
  return id;
}

void wake_in(AppState& state, int64_t ms) {
  ms = std::max<int64_t>(0, ms);
  int64_t& wake = state.out.wake_after_ms;
  if (wake < 0 || ms < wake) wake = ms;
}

TIMPUSH_LATER void follow_task(AppState& state, const std::string& task_id) {
  go_to(state, Location{View::follow, Pane::form});
  FollowState& f = state.follow;
  for (size_t i = 0; i < f.tasks.size(); ++i) {
    if (f.tasks[i].task_id == task_id) {
      f.selected = i;
      restart(state);
      return;
    }
  }
  f.typed = task_id;
  add_typed_task(state);
}

TIMPUSH_LATER bool add_typed_task(AppState& state) {
  FollowState& f = state.follow;
  const std::string id = std::string(core::trim(f.typed));
  if (auto refused = added_refusal(state, id)) {
    f.refusal = *refused;
    return false;
  }
  f.refusal = Words{};
  f.tasks.push_back(task_from_history(state, id));
  f.selected = f.tasks.size() - 1;
  f.typed.clear();
  restart(state);
  return true;
}

TIMPUSH_LATER void remove_task(AppState& state, size_t index) {
  FollowState& f = state.follow;
  if (index >= f.tasks.size()) return;
  f.tasks.erase(f.tasks.begin() + static_cast<std::ptrdiff_t>(index));
  if (f.selected >= f.tasks.size()) f.selected = f.tasks.empty() ? 0 : f.tasks.size() - 1;
  f.refusal = Words{};
  restart(state);
}

TIMPUSH_LATER void refresh_now(AppState& state) { restart(state); }

TIMPUSH_LATER void follow_tick(AppState& state) {
  FollowState& f = state.follow;
  if (f.tasks.empty() || f.stats_request || f.loss_request) return;
  if (state.derived.base_url.empty() || state.derived.usersig.empty()) return;  // the view says why
  const auto due = core::next_auto_ask_ms(f.refresh);
  if (!due) return;
  const int64_t now = now_ms(state);
  if (*due <= now) ask_round(state);
  else wake_in(state, *due - now);
}

TIMPUSH_LATER std::optional<Text> trace_blocker(const AppState& state) {
  const FollowState& f = state.follow;
  if (f.tasks.empty()) return txt::follow_need_task;
  if (std::string(core::trim(f.user_id)).empty()) return txt::trace_need_user;
  if (f.trace_request) return txt::follow_waiting;
  if (f.trace_last_ms >= 0 && now_ms(state) - f.trace_last_ms < kGapMs) return txt::follow_one_a_second;
  return std::nullopt;
}

TIMPUSH_LATER std::optional<Text> revoke_blocker(const AppState& state) {
  const FollowState& f = state.follow;
  if (f.tasks.empty()) return txt::follow_need_task;
  if (f.revoke_title.empty() && f.revoke_desc.empty()) return txt::revoke_need_text;
  if (f.revoke_request) return txt::follow_waiting;
  if (f.revoke_last_ms >= 0 && now_ms(state) - f.revoke_last_ms < kGapMs) return txt::follow_one_a_second;
  return std::nullopt;
}

TIMPUSH_LATER void ask_trace(AppState& state) {
  if (trace_blocker(state)) return;
  FollowState& f = state.follow;
  f.traced_task = f.tasks[std::min(f.selected, f.tasks.size() - 1)].task_id;
  f.traced_user = std::string(core::trim(f.user_id));
  f.trace_request = queue_service_call(state, "v4/timpush/all_member_push_trace", core::trace_body(f.traced_task, f.traced_user));
  f.trace_last_ms = now_ms(state);
  f.trace.reset();  // the last user's devices are not this one's
}

TIMPUSH_LATER void ask_revoke(AppState& state) {
  FollowState& f = state.follow;
  f.revoke_confirming = false;
  if (revoke_blocker(state)) return;
  f.revoked_task = f.tasks[std::min(f.selected, f.tasks.size() - 1)].task_id;
  f.revoke_request = queue_service_call(state, "v4/timpush/revoke", core::revoke_body(f.revoked_task, f.revoke_title, f.revoke_desc));
  f.revoke_last_ms = now_ms(state);
  f.revoke_answer.reset();
}

TIMPUSH_LATER bool handle_follow_result(AppState& state, const HttpResult& result) {
  FollowState& f = state.follow;
  if (result.id == 0) return false;
  if (result.id == f.stats_request) {
    f.stats_request = 0;
    core::StatisticsReport report = core::read_statistics(result.status, result.body);
    if (report.envelope.ok()) f.stats = std::move(report);
    else f.round_error = report.envelope;
    round_answered(state);
  } else if (result.id == f.loss_request) {
    f.loss_request = 0;
    core::LossReport report = core::read_loss(result.status, result.body);
    if (report.envelope.ok()) f.loss = std::move(report);
    else if (!f.round_error) f.round_error = report.envelope;
    round_answered(state);
  } else if (result.id == f.trace_request) {
    f.trace_request = 0;
    f.trace = core::read_trace(result.status, result.body);
  } else if (result.id == f.revoke_request) {
    f.revoke_request = 0;
    f.revoke_answer = core::read_revoke(result.status, result.body);
    f.reveal_revoke = true;
    if (f.revoke_answer->ok()) restart(state);  // the numbers change: undelivered devices stop
  } else {
    return false;
  }
  return true;
}

}  // namespace timpush::ui
