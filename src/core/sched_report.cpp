// Get and list bodies, status names and the reader of the scheduled-task answers
// (sched_report.h).
#include "core/sched_report.h"

#include "core/answer_read.h"
#include "core/schedule.h"

namespace timpush::core {

namespace {

using namespace answer_read;

SchedTask task_of(const Json& item) {
  SchedTask t;
  t.task_id = loose_int(item, "TaskID");
  t.sdkappid = loose_int(item, "Sdkappid");
  t.create_at = loose_text(item, "CreateAt");
  t.type = loose_text(item, "Type");
  t.sched_at = loose_text(item, "SchedAt");
  if (const Json* content = find_member(item, "Content"); content && content->is_object()) {
    t.content = *content;
    // The get example writes From_Account as a number (task-apis.md section 9).
    t.from_account = loose_text(*content, "From_Account");
    for (const Json& account : array_of(*content, "To_Account"))
      if (account.is_string()) t.to_account.push_back(account.get<std::string>());
    if (const Json* info = find_member(*content, "OfflinePushInfo")) {
      t.title = loose_text(*info, "Title");
      t.desc = loose_text(*info, "Desc");
    }
  }
  // The top-level Title and Desc, when given, are the service's own copy.
  if (auto title = get_string(item, "Title")) t.title = *title;
  if (auto desc = get_string(item, "Desc")) t.desc = *desc;
  t.status = loose_text(item, "Status");
  t.dispatch_success = loose_int(item, "DispatchSuccess");
  t.dispatch_err = loose_text(item, "DispatchErr");
  t.push_task_id = loose_text(item, "PushTaskID");
  return t;
}

}  // namespace

std::string get_sched_body(uint32_t sdkappid, int64_t task_id) {
  Json doc = Json::object();
  doc["Sdkappid"] = sdkappid;
  doc["TaskID"] = task_id;
  return dump(doc);
}

std::string list_sched_body(uint32_t sdkappid, const SchedListQuery& q) {
  Json doc = Json::object();
  doc["Sdkappid"] = sdkappid;
  doc["Offset"] = q.offset;
  doc["Want"] = q.want;
  doc["OrderBy"] = q.by_sched_at ? "schedAt" : "createAt";
  doc["Asc"] = q.ascending;
  doc["BeginTime"] = format_sched_at(q.begin);
  doc["EndTime"] = format_sched_at(q.end);
  if (!q.keyword.empty()) doc["Keyword"] = q.keyword;
  return dump(doc);
}

std::optional<Words> check_sched_list(const SchedListQuery& q) {
  if (q.want <= 0) return Words{"Want must be at least 1", "Want 至少为 1"};
  if (q.offset < 0) return Words{"Offset must not be negative", "Offset 不能为负数"};
  if (q.begin > q.end) return Words{"BeginTime is after EndTime", "BeginTime 晚于 EndTime"};
  if (q.end - q.begin > max_sched_list_days * 86400) {
    return Words{"the time range may be at most 90 days", "时间范围最多 90 天"};
  }
  return std::nullopt;
}

Words sched_status_name(std::string_view status) {
  if (status == "pending") return {"pending", "待执行"};
  if (status == "dispatching") return {"dispatching", "调度中"};
  if (status == "dispatched") return {"dispatched", "已调度完成"};
  if (status == "failed") return {"failed", "失败"};
  return same(std::string(status));
}

SchedReport read_sched(int http_status, std::string_view body) {
  Read r = read_answer(http_status, body, {"Done.", "已完成。"});
  SchedReport out;
  out.envelope = std::move(r.envelope);
  out.task_id = loose_int(r.doc, "TaskID");
  if (const Json* info = find_member(r.doc, "TaskInfo"); info && info->is_object()) {
    out.task = task_of(*info);
  }
  out.total = loose_int(r.doc, "Total");
  for (const auto& item : array_of(r.doc, "Tasks")) {
    if (item.is_object()) out.tasks.push_back(task_of(item));
  }
  return out;
}

}  // namespace timpush::core
