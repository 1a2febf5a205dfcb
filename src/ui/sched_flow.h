// The composer's test send and schedule, and the Schedules place's requests: the send mode and
// what it makes of the derived body (the batch body, or the add/modify_sched_task body), why
// Send is off in that mode, the accounts kept per app in the device's storage, the local time
// typed with its UTC SchedAt, and the list, get, modify and delete of the app's tasks. Every
// rule is the core's (core/test_send.h, core/schedule.h, core/sched_report.h); this file only
// wires them to the page. A test send itself goes through the send flow (send_flow.h) like a push.
//
// Decisions:
// - Test send and Schedule are modes of the one Send: the form shows the mode's field, the
//   preview shows the exact body and URL of that mode, and Send (the top bar's, Ctrl+Enter, or
//   the form's own button) does it. A test send keeps the send guard's spacing and retry rules
//   and never asks for the all-user confirmation; a schedule of Type All does ask for it, since
//   it will reach every user.
// - A schedule's audience is chosen: the Condition (Type All or Tag, derived from it) or the test
//   accounts (Type User, core::add_user_sched_body): the same field and per-app storage as Test
//   send, so the accounts a test send went to are the ones a User task is scheduled for. The
//   preview shows that body and Checks the test send's verdict on its Content (the accounts'
//   rules, then the push rules); a User task never asks for the all-user confirmation. A
//   pending User task opened from Schedules comes back with its accounts in the field (not
//   written to storage until edited: they are the task's, not what was typed for the app).
// - The time is typed in the browser's zone at the moment of typing (the platform's offset,
//   screen_io.h); a schedule across a daylight-saving change is read in today's offset, and its
//   UTC SchedAt is always shown beside it.
// - The Schedules place asks for its list when it is opened and on Refresh, never on a timer.
#pragma once

#include <optional>
#include <string>

#include "ui/app_state.h"

namespace timpush::ui {

// Keeps the stored accounts from the startup's storage (read when test-send mode is first used).
void keep_sched_startup(SchedState& sched, const StartupInfo& info);

void set_send_mode(AppState& state, SendMode mode);
// Schedule: the task's audience, the test accounts (Type User) or the Condition.
void set_sched_to_accounts(AppState& state, bool to_accounts);
// The Type the schedule would have now: User for the accounts, else from the Condition.
core::SchedType sched_task_type(const AppState& state);
// The Send button's text in the current mode.
const Text& send_mode_text(const AppState& state);
// The API the next Send calls ("v4/timpush/push", ".../batch", ".../add_sched_task", ...).
const char* send_api(const AppState& state);
// In test or schedule mode, replaces the derived body, pretty form and checks by the mode's
// (refresh_derived calls it after deriving the push).
void derive_send_mode(AppState& state);
// Why Send cannot go in this mode (the accounts, the time, the Type), or nothing.
std::optional<Text> send_mode_blocker(const AppState& state);
// What the schedule's time field says: why the time cannot be a SchedAt now, or why the Type
// would change; nothing when it is fine.
std::optional<Words> sched_field_problem(const AppState& state);

// The accounts field was edited (written to storage) / the time field was.
void accounts_edited(AppState& state);
void time_edited(AppState& state);
// A time `minutes` from now, typed into the field for the operator.
void set_time_ahead(AppState& state, int minutes);

// Send in schedule mode: add or modify the task (after the all-user confirmation for Type All).
// False when the mode is not schedule, so the send flow goes on as for a push.
bool start_schedule(AppState& state);
// The form's own Test send / Schedule button, for the frame to treat as Send.
bool take_form_send(AppState& state);

// The Schedules place.
void list_schedules(AppState& state);
void open_schedule(AppState& state, int64_t task_id);  // get, then into the composer to modify
void delete_schedule(AppState& state, const core::SchedTask& task);  // after its confirmation
void stop_modifying(AppState& state);
// A time as the place shows it: the browser's local time.
std::string local_time_of(const AppState& state, const std::string& sched_at);

// An answer to one of the requests above; false when the id is none of them.
bool handle_sched_result(AppState& state, const HttpResult& result);

}  // namespace timpush::ui
