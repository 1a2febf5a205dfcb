// Scheduled pushes in the sandbox (task-apis.md sections 9 and 11): add, get, list, modify and
// delete_sched_task, and the dispatch of due tasks as real pushes through push's own flow. Runs
// under the sandbox's mutex; there is no timer thread (why, and every code: sandbox.h).
#include <algorithm>
#include <utility>

#include "core/audience.h"
#include "core/schedule.h"
#include "core/test_send.h"
#include "server/sandbox.h"
#include "server/sandbox_detail.h"

namespace timpush::server {

using namespace sandbox_detail;

namespace {

constexpr int kBadParameters = 90104;
constexpr int kNotPending = 90107;
constexpr int kSchedPerSecond = 5;
constexpr size_t kMaxScheds = 1000;
constexpr int64_t kMaxWant = 100;
constexpr int64_t kMaxListSeconds = 90 * 86400;
constexpr size_t kMaxRequestBytes = 16384;  // a 10 KB Content and the fields around it

// add, modify and delete answer the envelope and TaskID (0 on failure).
SandboxAnswer with_task_id(int code, const std::string& info, int64_t task_id) {
  Json doc = Json::object();
  doc["ActionStatus"] = code == 0 ? "OK" : "FAIL";
  doc["ErrorInfo"] = info;
  doc["ErrorCode"] = code;
  doc["TaskID"] = code == 0 ? task_id : 0;
  return {200, dump(doc)};
}

SandboxAnswer refuse(int code, const std::string& info) { return with_task_id(code, info, 0); }

// Why a Content does not fit its Type, or nothing.
std::optional<std::string> misfit(const std::string& type, const Json& content) {
  const bool has_to = content.contains("To_Account");
  if (type == "User") {
    const Json* to = core::find_member(content, "To_Account");
    if (!to || !to->is_array() || to->empty() || to->size() > core::max_test_accounts) {
      return "Type User needs To_Account: 1 to 500 accounts";
    }
    if (content.contains("Condition")) return "Type User takes To_Account, not a Condition";
    return std::nullopt;
  }
  if (has_to) return "To_Account goes with Type User only";
  const bool everyone = core::reaches_everyone(content);
  if (type == "All" && !everyone) return "Type All takes no Condition";
  if (type == "Tag" && everyone) return "Type Tag needs a Condition that selects users";
  return std::nullopt;
}

}  // namespace

void Sandbox::dispatch_due(int64_t now_ms) {
  for (;;) {
    Sched* next = nullptr;
    for (auto& [id, task] : scheds_) {
      if (task.status != "pending" && task.status != "dispatching") continue;
      if (task.sched_at * 1000 > now_ms) continue;
      if (!next || task.sched_at < next->sched_at) next = &task;
    }
    if (!next) return;
    // Type User is a test send at its time: batch is under no push spacing (sandbox.h).
    const bool batch = next->type == "User";
    int64_t at = next->sched_at * 1000;
    if (!batch && pushed_ && at < last_push_ms_ + options_.min_push_interval_ms) {
      at = last_push_ms_ + options_.min_push_interval_ms;
    }
    if (at > now_ms) {
      next->status = "dispatching";  // waits out the spacing after the last push
      return;
    }
    // push's whole flow: the checks with today's attribute names, dedup, spacing and quota.
    SandboxAnswer result = push(at, options_.admin, dump(next->content), batch);
    Json doc = core::parse_json(result.body);
    const int64_t code = core::get_int64(doc, "ErrorCode").value_or(91000);
    if (code == 0) {
      next->status = "dispatched";
      next->push_task_id = core::get_string(doc, "TaskId").value_or("");
    } else {
      next->status = "failed";
      next->dispatch_err = std::to_string(code) + " " + core::get_string(doc, "ErrorInfo").value_or("");
    }
  }
}

SandboxAnswer Sandbox::sched(std::string_view api, int64_t now_ms, uint32_t sdkappid,
                             std::string_view body) {
  if (rate_exceeded(api, kSchedPerSecond, now_ms)) {
    return refuse(60018, std::string(api) + " is limited to 5 calls a second");
  }
  if (body.size() > kMaxRequestBytes) return refuse(90056, "the request is over 16 KB");
  Json doc = core::read_json(body, core::JsonLimits{64, 1000}).value;
  if (!doc.is_object()) return refuse(90001, "body is not a JSON object");
  const int64_t now_s = now_ms / 1000;
  if (core::get_int64(doc, "Sdkappid") != int64_t{sdkappid}) {
    return refuse(kBadParameters, "Sdkappid must be the URL's sdkappid, as an integer");
  }

  if (api == "list_sched_task") {
    auto offset = core::get_int64(doc, "Offset");
    auto want = core::get_int64(doc, "Want");
    auto order = core::get_string(doc, "OrderBy");
    auto asc = core::get_bool(doc, "Asc");
    auto begin_text = core::get_string(doc, "BeginTime");
    auto end_text = core::get_string(doc, "EndTime");
    auto begin = begin_text ? core::parse_sched_at(*begin_text) : std::nullopt;
    auto end = end_text ? core::parse_sched_at(*end_text) : std::nullopt;
    if (!offset || *offset < 0 || !want || *want < 1 || *want > kMaxWant) {
      return fail(kBadParameters, "Offset must be >= 0 and Want 1 to 100");
    }
    if (!order || (*order != "createAt" && *order != "schedAt") || !asc) {
      return fail(kBadParameters, "OrderBy must be createAt or schedAt, and Asc a boolean");
    }
    if (!begin || !end || *begin > *end || *end - *begin > kMaxListSeconds) {
      return fail(kBadParameters,
                  "BeginTime and EndTime must be YYYY-MM-DD HH:MM:SS (UTC), in order, at most 90 days apart");
    }
    const Json* keyword = core::find_member(doc, "Keyword");
    if (keyword && !keyword->is_string()) return fail(kBadParameters, "Keyword must be a string");
    const std::string word = keyword ? keyword->get<std::string>() : std::string();
    const bool by_sched = *order == "schedAt";
    std::vector<const Sched*> found;
    for (const auto& [id, task] : scheds_) {
      const int64_t t = by_sched ? task.sched_at : task.create_at;
      if (t < *begin || t > *end) continue;
      if (!word.empty()) {
        const Json* info = core::find_member(task.content, "OfflinePushInfo");
        const std::string title = info ? core::get_string(*info, "Title").value_or("") : "";
        const std::string desc = info ? core::get_string(*info, "Desc").value_or("") : "";
        if (title.find(word) == std::string::npos && desc.find(word) == std::string::npos) continue;
      }
      found.push_back(&task);
    }
    std::stable_sort(found.begin(), found.end(), [&](const Sched* a, const Sched* b) {
      const int64_t ta = by_sched ? a->sched_at : a->create_at;
      const int64_t tb = by_sched ? b->sched_at : b->create_at;
      return *asc ? ta < tb : ta > tb;
    });
    Json tasks = Json::array();
    for (size_t i = static_cast<size_t>(std::min<int64_t>(*offset, static_cast<int64_t>(found.size())));
         i < found.size() && tasks.size() < static_cast<size_t>(*want); ++i) {
      tasks.push_back(sched_info(*found[i]));
    }
    Json answer = Json::object();
    answer["ActionStatus"] = "OK";
    answer["ErrorInfo"] = "";
    answer["ErrorCode"] = 0;
    answer["Total"] = found.size();
    answer["Tasks"] = std::move(tasks);
    return {200, dump(answer)};
  }

  auto type_text = core::get_string(doc, "Type");
  std::optional<int64_t> task_id = core::get_int64(doc, "TaskID");
  Sched* task = nullptr;
  if (api != "add_sched_task") {
    auto it = task_id ? scheds_.find(*task_id) : scheds_.end();
    if (it == scheds_.end()) return refuse(kBadParameters, "TaskID names no scheduled task of this app");
    task = &it->second;
  }
  if (api == "get_sched_task") {
    Json answer = Json::object();
    answer["ActionStatus"] = "OK";
    answer["ErrorInfo"] = "";
    answer["ErrorCode"] = 0;
    answer["TaskInfo"] = sched_info(*task);
    return {200, dump(answer)};
  }
  if (!type_text || (*type_text != "All" && *type_text != "Tag" && *type_text != "User")) {
    return refuse(kBadParameters, "Type must be All, Tag or User");
  }
  if (task && task->type != *type_text) {
    return refuse(kBadParameters, "Type must be the one the task was created with (" + task->type + ")");
  }
  const std::string verb = api == "delete_sched_task" ? "delete" : "modify";
  if (task && task->status != "pending") {
    return refuse(kNotPending, verb + " failed: task " + task->status);
  }
  if (api == "delete_sched_task") {
    const int64_t id = task->id;
    scheds_.erase(id);
    return with_task_id(0, "", id);
  }

  const Json* sched_at = core::find_member(doc, "SchedAt");
  const Json* content = core::find_member(doc, "Content");
  if (!task && (!sched_at || !content)) return refuse(kBadParameters, "SchedAt and Content are required");
  if (task && !sched_at && !content) return refuse(kBadParameters, "give SchedAt, Content or both");
  std::optional<int64_t> at;
  if (sched_at) {
    at = sched_at->is_string() ? core::parse_sched_at(sched_at->get<std::string>()) : std::nullopt;
    if (!at) return refuse(kBadParameters, "SchedAt must be YYYY-MM-DD HH:MM:SS (UTC)");
    if (auto problem = core::sched_time_problem(*at, now_s)) return refuse(kBadParameters, problem->en);
  }
  if (content) {
    if (!content->is_object()) return refuse(kBadParameters, "Content must be a push body (an object)");
    if (auto why = misfit(*type_text, *content)) return refuse(kBadParameters, *why);
    if (auto refused = check_push_body(dump(*content), attr_names())) {
      Json answer = core::parse_json(refused->body);
      answer["TaskID"] = 0;
      return {200, dump(answer)};
    }
  }
  if (task) {
    if (at) task->sched_at = *at;
    if (content) task->content = *content;
    return with_task_id(0, "", task->id);
  }
  if (scheds_.size() >= kMaxScheds) {
    auto finished = std::find_if(scheds_.begin(), scheds_.end(),
                                 [](const auto& item) { return item.second.status != "pending" &&
                                                               item.second.status != "dispatching"; });
    if (finished == scheds_.end()) return refuse(kBadParameters, "the app has 1000 pending tasks already");
    scheds_.erase(finished);
  }
  Sched added;
  added.id = next_sched_id_++;
  added.create_at = now_s;
  added.type = *type_text;
  added.sched_at = *at;
  added.content = *content;
  const int64_t id = added.id;
  scheds_.emplace(id, std::move(added));
  return with_task_id(0, "", id);
}

Json Sandbox::sched_info(const Sched& task) const {
  Json info = Json::object();
  info["TaskID"] = task.id;
  info["Sdkappid"] = options_.sdkappid;
  info["CreateAt"] = core::format_sched_at(task.create_at);
  info["Type"] = task.type;
  info["SchedAt"] = core::format_sched_at(task.sched_at);
  info["Content"] = task.content;
  const Json* offline = core::find_member(task.content, "OfflinePushInfo");
  info["Title"] = offline ? core::get_string(*offline, "Title").value_or("") : "";
  info["Desc"] = offline ? core::get_string(*offline, "Desc").value_or("") : "";
  info["Status"] = task.status;
  info["DispatchSuccess"] = task.status == "dispatched" ? 1 : 0;
  info["DispatchErr"] = task.dispatch_err;
  info["PushTaskID"] = task.push_task_id;
  return info;
}

}  // namespace timpush::server
