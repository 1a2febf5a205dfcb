// The Follow place's state: the TaskIds being followed (up to the APIs' 5), the last statistics
// and loss answers with the refresh policy's state, a user's trace, and the revoke form with its
// confirmation. One member of AppState (`follow`). No ImGui here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/follow_refresh.h"
#include "core/response.h"
#include "core/task_report.h"
#include "core/words.h"

namespace timpush::ui {

// One task followed, with what the page knows of its push from the history.
struct FollowedTask {
  std::string task_id;
  std::optional<int64_t> sent_unix;  // when it was sent
  bool sent_from_history = false;    // else read off the TaskId (core::task_id_time)
  std::string title, desc;           // the sent push's OfflinePushInfo, when in history
};

struct FollowState {
  std::vector<FollowedTask> tasks;
  std::string typed;                 // the TaskId field
  core::Words refusal;               // why the typed TaskId was not added ("" none)
  size_t selected = 0;               // the task trace and revoke act on

  // statistics and loss: asked together, one round at a time
  uint64_t stats_request = 0, loss_request = 0;  // ids in flight (0: none)
  std::optional<core::StatisticsReport> stats;
  std::optional<core::LossReport> loss;
  std::optional<core::PushResponse> round_error;  // the last round's refusal, if any
  core::RefreshState refresh;
  int64_t asked_unix = 0;            // wall time of the last answered round, shown

  // trace
  std::string user_id;
  uint64_t trace_request = 0;
  int64_t trace_last_ms = -1;        // the 1/s limit of trace
  std::optional<core::TraceReport> trace;
  std::string traced_task, traced_user;

  // revoke
  std::string revoke_title, revoke_desc;
  std::string revoke_form_for;       // the TaskId the fields were filled for
  bool revoke_confirming = false;
  uint64_t revoke_request = 0;
  int64_t revoke_last_ms = -1;
  std::optional<core::PushResponse> revoke_answer;
  bool reveal_revoke = false;        // the confirmation or the answer just appeared: scroll to it once
  std::string revoked_task;
};

}  // namespace timpush::ui
