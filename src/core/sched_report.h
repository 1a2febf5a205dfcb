// Scheduled pushes, the other half (task-apis.md section 9; schedule.h makes the add, modify and
// delete bodies): get and list bodies, the status names, and one tolerant reader for the answers
// of add, get, list, modify and delete_sched_task. A scheduled TaskID is an integer, never a
// push TaskId (section 1); PushTaskID is the push TaskId once the task has run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/response.h"
#include "core/words.h"

namespace timpush::core {

constexpr int64_t max_sched_list_days = 90;  // the sandbox's cap (Tencent's is not documented)

struct SchedListQuery {
  int64_t offset = 0;
  int64_t want = 20;
  bool by_sched_at = true;  // OrderBy "schedAt", else "createAt"
  bool ascending = false;
  int64_t begin = 0, end = 0;  // Unix seconds, sent as UTC "YYYY-MM-DD HH:MM:SS"
  std::string keyword;          // sent only when not empty
};
std::string get_sched_body(uint32_t sdkappid, int64_t task_id);
std::string list_sched_body(uint32_t sdkappid, const SchedListQuery& query);
// What the documents refuse in a list query (Want <= 0, Offset < 0, Begin after End), and a range
// over max_sched_list_days.
std::optional<Words> check_sched_list(const SchedListQuery& query);

// A task as get_sched_task and list_sched_task answer it (TaskInfo).
struct SchedTask {
  std::optional<int64_t> task_id;
  std::optional<int64_t> sdkappid;
  std::string create_at, type, sched_at;  // as given ("YYYY-MM-DD HH:MM:SS", UTC)
  Json content;                           // the push; null when absent
  std::string from_account;               // Content.From_Account, a string or a number
  std::vector<std::string> to_account;    // Content.To_Account (Type User), its strings in order
  std::string title, desc, status;
  std::optional<int64_t> dispatch_success;
  std::string dispatch_err;
  std::string push_task_id;  // empty until the task ran
  bool pending() const { return status == "pending"; }
};
// "pending" 待执行, "dispatching" 调度中, "dispatched" 已调度完成, "failed" 失败; any other
// string as it came.
Words sched_status_name(std::string_view status);

struct SchedReport {
  PushResponse envelope;
  std::optional<int64_t> task_id;  // TaskID at the top (add, modify, delete)
  std::optional<SchedTask> task;   // TaskInfo (get)
  std::optional<int64_t> total;    // Total (list)
  std::vector<SchedTask> tasks;    // Tasks (list)
};
SchedReport read_sched(int http_status, std::string_view body);

}  // namespace timpush::core
