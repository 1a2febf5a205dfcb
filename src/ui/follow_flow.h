// The Follow place's requests and answers: which tasks are followed, the statistics and loss
// rounds the refresh policy (core/follow_refresh.h) asks for, a user's trace, and revoke. The
// requests go where a push goes, signed as a push is (send_flow.h's service_url); the UserSig they
// carry is never shown or kept. Everything here runs only once the Follow place is used.
#pragma once

#include <optional>
#include <string>

#include "ui/app_state.h"

namespace timpush::ui {

// "Follow" on an accepted push: opens the Follow place with this TaskId among those compared
// (a 6th is refused there, with the reason).
void follow_task(AppState& state, const std::string& task_id);
// The TaskId typed in the place's field; false (and follow.refusal says why) when refused.
bool add_typed_task(AppState& state);
void remove_task(AppState& state, size_t index);

// Refresh: a new round of statistics and loss as soon as the 1/s limit allows, and a new run of
// automatic asking.
void refresh_now(AppState& state);
// The view's timer, each frame the view is drawn: asks when the policy says so, and asks the
// platform to wake the page for the next ask (no frames are drawn while waiting).
void follow_tick(AppState& state);

// Why Trace or Revoke cannot go now, or nothing.
std::optional<Text> trace_blocker(const AppState& state);
std::optional<Text> revoke_blocker(const AppState& state);
void ask_trace(AppState& state);
void ask_revoke(AppState& state);  // after its confirmation

// An answer to one of the requests above; false when the id is none of them.
bool handle_follow_result(AppState& state, const HttpResult& result);

// One request to another API of the push's target (`api` as "v4/timpush/revoke"): the push's base
// URL, SDKAppID and admin UserSig (send_flow.h's service_url), a `random` of its own; returns its
// id. The Follow, Schedules and App data places' requests.
uint64_t queue_service_call(AppState& state, const char* api, std::string body);

// Merges a wake-up in `ms` into this frame's intents (the soonest wins).
void wake_in(AppState& state, int64_t ms);

}  // namespace timpush::ui
