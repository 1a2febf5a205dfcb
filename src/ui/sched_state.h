// What the composer's test send and schedule, and the Schedules place, keep between frames: the
// send mode (a push, a test send to named accounts, a scheduled task), the accounts as typed and
// kept per app, the local time typed and the task being modified, and the place's list and its
// requests. One member of AppState (`sched`). No ImGui here.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/response.h"
#include "core/sched_report.h"
#include "core/schedule.h"
#include "core/test_send.h"
#include "core/words.h"

namespace timpush::ui {

// What the top bar's Send does: push (v4/timpush/push), test-send the content to the accounts
// (v4/timpush/batch), or schedule it (add_sched_task, or modify_sched_task while modifying).
enum class SendMode { push, test, schedule };

// Storage key of the test-send accounts: {"<SDKAppID>": "<accounts as typed>", ...}.
inline constexpr const char* test_accounts_key = "timpush.test_accounts";

struct SchedState {
  SendMode mode = SendMode::push;
  bool form_asked = false;  // the form's own Test send / Schedule button was pressed this frame

  // Test send
  std::string accounts;       // as typed, for accounts_app
  std::string accounts_app;   // the SDKAppID (as typed) the field holds accounts for
  std::string stored;         // the storage value as read at start, until first used
  bool stored_read = false;
  std::map<std::string, std::string> kept;  // SDKAppID -> accounts as typed, as stored
  core::AccountList parsed;   // parse_accounts(accounts), at each derive

  // Schedule: the task's audience, the Condition (Type All or Tag) or the test accounts above
  // (Type User), and the local time typed, in the browser's zone at the time it was read
  bool to_accounts = false;
  std::string at_text;
  std::optional<int64_t> at;  // Unix seconds, when at_text is a time
  int offset_minutes = 0;     // east of UTC, the zone at_text was read in
  std::optional<int64_t> modifying;         // TaskID of the pending task being modified
  core::SchedType modifying_type = core::SchedType::all;
  uint64_t action_request = 0;              // add, modify or delete in flight (0: none)
  std::string action_api;                   // which of the three
  std::optional<core::PushResponse> action_answer;  // the last one's answer, when refused
  core::Words action_note;                  // what the last one did

  // The Schedules place
  uint64_t list_request = 0;
  uint64_t get_request = 0;                 // the task opened to modify, fetched whole
  bool listed = false;
  std::vector<core::SchedTask> tasks;
  std::optional<int64_t> total;
  std::optional<core::PushResponse> list_error;
  int64_t listed_unix = 0;
  int drawn_frame = -2;                     // the ImGui frame the place was last drawn in
  std::optional<int64_t> confirm_delete;    // TaskID whose deletion asks first
};

}  // namespace timpush::ui
