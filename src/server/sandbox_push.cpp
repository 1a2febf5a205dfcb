// The sandbox's push, batch and revoke flows, after the URL and account checks of sandbox.cpp:
// the body, the batch rate, dedup by MsgRandom, spacing and quota, and the bounded task list.
// Everything here runs under the sandbox's mutex; each step costs O(log n) amortised at most,
// so the state a long run builds up never slows a push down. Decisions: sandbox.h.
#include <algorithm>
#include <utility>

#include "core/audience.h"
#include "core/validation.h"
#include "server/sandbox.h"
#include "server/sandbox_detail.h"
#include "server/task_id.h"

namespace timpush::server {

using namespace sandbox_detail;

namespace {

constexpr size_t kMaxBatchAccounts = 500;

// A local-only issue code of the validator, as the service would answer that request.
int server_code_for(int code) {
  if (code >= 60000) return code;
  switch (code) {
    case core::local_code::wrong_type: return 90001;
    case core::local_code::attr_value_too_long: return 90033;
    default: return 70402;
  }
}

Json target_of(const Json& body) {
  Json target = Json::object();
  auto condition = body.find("Condition");
  if (core::reaches_everyone(body) || !condition->is_object()) {
    target["Type"] = "All";
    return target;
  }
  bool attrs = condition->contains("AttrsAnd") || condition->contains("AttrsOr");
  target["Type"] = attrs ? "Attr" : "Tag";
  target["Condition"] = *condition;
  return target;
}

// push and batch keep separate MsgRandom spaces.
uint64_t seen_key(bool batch, uint32_t msg_random) {
  return (batch ? (uint64_t{1} << 32) : 0) | msg_random;
}

}  // namespace

namespace sandbox_detail {

std::optional<SandboxAnswer> check_push_body(std::string_view body,
                                             std::vector<std::string> attr_names) {
  if (body.size() > core::max_body_bytes) {
    return fail(90056, "body is " + std::to_string(body.size()) + " bytes; the limit is " +
                           std::to_string(core::max_body_bytes));
  }
  core::ValidationOptions checks;
  checks.attr_names = std::move(attr_names);
  auto report = core::validate_body(body, checks);
  for (const auto& issue : report.issues) {
    if (issue.severity != core::Severity::error) continue;
    std::string info = issue.message.en.empty() ? meaning(server_code_for(issue.code))
                                                : issue.message.en;
    if (!issue.pointer.empty()) info += " (at " + issue.pointer + ")";
    return fail(server_code_for(issue.code), info);
  }
  return std::nullopt;
}

}  // namespace sandbox_detail

void Sandbox::forget_old(int64_t now_s) {
  while (!seen_order_.empty() &&
         (now_s - seen_order_.front().time >= options_.dedup_window_seconds ||
          seen_order_.size() > options_.max_dedup_kept)) {
    seen_.erase(seen_order_.front().key);
    seen_order_.pop_front();
  }
}

bool Sandbox::batch_rate_exceeded(int64_t now_ms) {
  return rate_exceeded("batch", options_.batch_per_second, now_ms);
}

void Sandbox::keep(Task task) {
  const uint64_t serial = first_serial_ + tasks_.size();
  serial_of_[task.task_id] = serial;
  tasks_.push_back(Kept{std::make_shared<const Task>(std::move(task)), false});
  while (tasks_.size() > options_.max_tasks_kept) {
    serial_of_.erase(tasks_.front().task->task_id);
    tasks_.pop_front();
    ++first_serial_;
  }
}

SandboxAnswer Sandbox::push(int64_t now_ms, const std::string& identifier, std::string_view body,
                            bool batch) {
  const int64_t now_s = now_ms / 1000;
  if (batch && batch_rate_exceeded(now_ms)) {
    return fail(60018, "batch calls are limited to " + std::to_string(options_.batch_per_second) +
                           " per second for this app");
  }
  if (auto refused = check_push_body(body, attr_names())) return *refused;
  Json doc = core::parse_json(body);
  if (doc.is_discarded() || !doc.is_object()) return fail(90001);  // the validator said so first
  auto msg_random_it = doc.find("MsgRandom");
  if (msg_random_it == doc.end() || !msg_random_it->is_number_unsigned() ||
      msg_random_it->get<uint64_t>() > 0xffffffffULL) {
    return fail(90005);
  }
  const auto msg_random = static_cast<uint32_t>(msg_random_it->get<uint64_t>());

  Json target;
  if (batch) {
    auto to = doc.find("To_Account");
    if (to == doc.end() || !to->is_array() || to->empty()) {
      return fail(70402, "To_Account must be an array of 1 to 500 accounts");
    }
    if (to->size() > kMaxBatchAccounts) {
      return fail(90018, "To_Account holds " + std::to_string(to->size()) +
                             " accounts; the limit is 500");
    }
    for (const auto& account : *to) {
      if (!account.is_string() || account.get<std::string>().empty()) {
        return fail(60015, "every To_Account entry must be a non-empty string");
      }
    }
    target = Json::object();
    target["Type"] = "User";
    target["To_Account"] = *to;
  } else {
    target = target_of(doc);
  }

  forget_old(now_s);
  const uint64_t key = seen_key(batch, msg_random);
  if (auto seen = seen_.find(key); seen != seen_.end()) {
    return {200, service_answer(0, "", seen->second.task_id)};
  }

  if (!batch) {
    if (pushed_ && now_ms - last_push_ms_ < options_.min_push_interval_ms) {
      return fail(90024, "pushes must be at least 1 s apart; the last one was " +
                             std::to_string(now_ms - last_push_ms_) + " ms ago");
    }
    const int64_t day = now_s >= 0 ? now_s / 86400 : -((-now_s + 86399) / 86400);
    if (day != quota_day_) {
      quota_day_ = day;
      quota_used_ = 0;
    }
    if (quota_used_ >= options_.daily_quota) {
      return fail(90047, "the daily quota of " + std::to_string(options_.daily_quota) +
                             " pushes is used up; it renews at 00:00 UTC");
    }
    ++quota_used_;
    last_push_ms_ = now_ms;
    pushed_ = true;
  }

  Task task;
  task.api = batch ? "batch" : "push";
  task.task_id = (batch ? "batch_" : "") +
                 make_task_id(now_s, options_.sdkappid, ++counter_, msg_random, random_());
  task.time = now_s;
  task.time_ms = now_ms;
  task.identifier = identifier;
  auto from = doc.find("From_Account");
  // "unknown or missing -> the caller" (reference.md section 2).
  task.from_account = (from != doc.end() && from->is_string() &&
                       known_account(from->get<std::string>()))
                          ? from->get<std::string>()
                          : identifier;
  task.msg_random = msg_random;
  task.audience.assign(world_->users().size(), false);
  for (size_t index : world_->audience(doc, batch)) task.audience[index] = true;
  task.target = std::move(target);
  task.body = std::move(doc);
  const std::string task_id = task.task_id;
  seen_[key] = Seen{task_id, now_s};
  seen_order_.push_back(SeenOrder{key, now_s});
  forget_old(now_s);  // the cap on dedup entries
  keep(std::move(task));
  return {200, service_answer(0, "", task_id)};
}

SandboxAnswer Sandbox::revoke(int64_t now_ms, std::string_view body) {
  const int64_t now_s = now_ms / 1000;
  if (body.size() > core::max_body_bytes) return fail(90056);
  Json doc = core::parse_json(body);
  if (doc.is_discarded() || !doc.is_object()) return fail(90001, "body is not a JSON object");
  auto info = doc.find("OfflinePushInfo");
  if (info == doc.end() || !info->is_object()) {
    return fail(90053, "a revoke needs OfflinePushInfo (the text that replaces the push)");
  }
  auto task_id = doc.find("TaskId");
  if (task_id == doc.end() || !task_id->is_string()) {
    return fail(90049, "TaskId is missing or not a string");
  }
  auto serial = serial_of_.find(task_id->get<std::string>());
  if (serial == serial_of_.end()) {
    return fail(90049, "no push with TaskId " + task_id->get<std::string>().substr(0, 100));
  }
  Kept& kept = tasks_[static_cast<size_t>(serial->second - first_serial_)];
  if (kept.revoked) return fail(90050, "this push was revoked already");
  if (now_s - kept.task->time > 24 * 3600) {
    return fail(90052, "a push can be revoked within 24 h only");
  }
  if (revoked_ && now_ms - last_revoke_ms_ < 1000) {
    return fail(90051, "revokes must be at least 1 s apart");
  }
  kept.revoked = true;
  kept.revoked_ms = now_ms;
  revoked_ = true;
  last_revoke_ms_ = now_ms;
  return {200, service_answer(0, "", kept.task->task_id)};
}

}  // namespace timpush::server
