#include "server/sandbox.h"

#include <algorithm>
#include <utility>

#include "core/audience.h"
#include "core/error_catalog.h"
#include "core/text_util.h"
#include "core/usersig.h"
#include "core/validation.h"
#include "server/task_id.h"

namespace timpush::server {

namespace {

constexpr size_t kMaxBatchAccounts = 500;

// The catalogue's English meaning, so a code never goes out without words.
std::string meaning(int code) {
  if (const auto* entry = core::find_error(code)) return std::string(entry->meaning.en);
  return "error " + std::to_string(code);
}

SandboxAnswer fail(int code, std::string info = {}) {
  if (info.empty()) info = meaning(code);
  return {200, service_answer(code, info)};
}

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

}  // namespace

std::string service_answer(int code, std::string_view info, std::string_view task_id) {
  Json doc = Json::object();
  doc["ActionStatus"] = code == 0 ? "OK" : "FAIL";
  doc["ErrorInfo"] = std::string(info);
  doc["ErrorCode"] = code;
  if (code == 0) doc["TaskId"] = std::string(task_id);
  // Invalid UTF-8 from a user's body must not throw: replace it in the echo.
  return doc.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

Sandbox::Sandbox(SandboxOptions options, MillisClock now_ms, Random32 random)
    : options_(std::move(options)), now_ms_(std::move(now_ms)), random_(std::move(random)) {}

bool Sandbox::known_account(const std::string& name) const {
  return name == options_.admin ||
         std::find(options_.users.begin(), options_.users.end(), name) != options_.users.end();
}

void Sandbox::forget_old(int64_t now_s) {
  for (auto it = seen_.begin(); it != seen_.end();) {
    if (now_s - it->second.time >= options_.dedup_window_seconds) {
      it = seen_.erase(it);
    } else {
      ++it;
    }
  }
}

SandboxAnswer Sandbox::handle(std::string_view method, std::string_view api,
                              const std::multimap<std::string, std::string>& params,
                              std::string_view body) {
  const bool is_push = api == "/v4/timpush/push";
  const bool is_batch = api == "/v4/timpush/batch";
  const bool is_revoke = api == "/v4/timpush/revoke";
  if (!is_push && !is_batch && !is_revoke) {
    return fail(60009, "unknown API path " + std::string(api) +
                           " (the sandbox serves v4/timpush/push, batch and revoke)");
  }
  if (method != "POST") return fail(60008, "the REST API takes POST only");

  for (const char* name : {"usersig", "identifier", "sdkappid", "random", "contenttype"}) {
    if (params.count(name) > 1) {
      return fail(60002, std::string("URL parameter ") + name + " appears more than once");
    }
  }
  auto param = [&](const char* name) -> std::optional<std::string> {
    auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    return it->second;
  };

  auto random = param("random");
  if (!random) return fail(60002, "URL parameter random is missing");
  if (!core::parse_uint32(*random)) {
    return fail(60002, "URL parameter random must be a 32-bit unsigned integer, got \"" +
                           random->substr(0, 32) + "\"");
  }
  if (auto type = param("contenttype"); type && *type != "json") {
    return fail(60002, "URL parameter contenttype must be json");
  }

  auto sdkappid_text = param("sdkappid");
  if (!sdkappid_text || sdkappid_text->empty()) {
    return fail(60012, "URL parameter sdkappid is missing");
  }
  auto sdkappid = core::parse_uint32(*sdkappid_text);
  if (!sdkappid) return fail(60002, "URL parameter sdkappid must be a decimal SDKAppID");
  if (*sdkappid != options_.sdkappid) {
    return fail(60006, "SDKAppID " + *sdkappid_text + " is not an app of this sandbox (it serves " +
                           std::to_string(options_.sdkappid) + ")");
  }

  auto sig = param("usersig");
  if (!sig || sig->empty()) return fail(70002, "URL parameter usersig is missing or empty");
  auto identifier = param("identifier");
  if (!identifier || identifier->empty()) {
    return fail(60004, "URL parameter identifier is missing or empty");
  }

  const int64_t now_ms = now_ms_();
  const int64_t now_s = now_ms >= 0 ? now_ms / 1000 : -((-now_ms + 999) / 1000);
  auto verdict = core::usersig::verify(*sig, *sdkappid, *identifier,
                                       std::string_view(options_.key), now_s);
  if (!verdict.ok()) {
    return fail(verdict.code, verdict.reason.en.empty() ? meaning(verdict.code)
                                                        : verdict.reason.en);
  }
  if (*identifier != options_.admin) {
    if (known_account(*identifier)) {
      return fail(90009, "account " + *identifier + " is not the App admin; only the admin (" +
                             options_.admin + ") may push");
    }
    return fail(60010, "identifier " + *identifier + " is not an App admin account");
  }

  std::lock_guard<std::mutex> lock(mutex_);
  if (is_revoke) return revoke(now_ms, body);
  return push(now_ms, *identifier, body, is_batch);
}

SandboxAnswer Sandbox::push(int64_t now_ms, const std::string& identifier, std::string_view body,
                            bool batch) {
  const int64_t now_s = now_ms / 1000;
  if (body.size() > core::max_body_bytes) {
    return fail(90056, "body is " + std::to_string(body.size()) + " bytes; the limit is " +
                           std::to_string(core::max_body_bytes));
  }
  auto report = core::validate_body(body);
  for (const auto& issue : report.issues) {
    if (issue.severity != core::Severity::error) continue;
    std::string info = issue.message.en.empty() ? meaning(server_code_for(issue.code))
                                                : issue.message.en;
    if (!issue.pointer.empty()) info += " (at " + issue.pointer + ")";
    return fail(server_code_for(issue.code), info);
  }
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
  const std::string api = batch ? "batch" : "push";
  if (auto seen = seen_.find({api, msg_random}); seen != seen_.end()) {
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
  task.api = api;
  task.task_id = make_task_id(now_s, options_.sdkappid, ++counter_, msg_random, random_());
  task.time = now_s;
  task.identifier = identifier;
  auto from = doc.find("From_Account");
  // "unknown or missing -> the caller" (reference.md section 2).
  task.from_account = (from != doc.end() && from->is_string() &&
                       known_account(from->get<std::string>()))
                          ? from->get<std::string>()
                          : identifier;
  task.msg_random = msg_random;
  task.target = std::move(target);
  task.body = std::move(doc);
  seen_[{api, msg_random}] = Seen{task.task_id, now_s};
  tasks_.push_back(std::move(task));
  while (tasks_.size() > options_.max_tasks_kept) tasks_.pop_front();
  return {200, service_answer(0, "", tasks_.back().task_id)};
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
  auto it = std::find_if(tasks_.begin(), tasks_.end(), [&](const Task& t) {
    return t.task_id == task_id->get<std::string>();
  });
  if (it == tasks_.end()) return fail(90049, "no push with TaskId " + task_id->get<std::string>());
  if (it->revoked) return fail(90050, "this push was revoked already");
  if (now_s - it->time > 24 * 3600) return fail(90052, "a push can be revoked within 24 h only");
  if (revoked_ && now_ms - last_revoke_ms_ < 1000) {
    return fail(90051, "revokes must be at least 1 s apart");
  }
  it->revoked = true;
  revoked_ = true;
  last_revoke_ms_ = now_ms;
  return {200, service_answer(0, "", it->task_id)};
}

Json Sandbox::app_info() const {
  Json doc = Json::object();
  doc["sdkappid"] = options_.sdkappid;
  doc["identifier"] = options_.admin;
  doc["key"] = options_.key_is_demo ? Json(options_.key) : Json(nullptr);
  doc["key_is_demo"] = options_.key_is_demo;
  doc["users"] = options_.users;
  doc["daily_quota"] = options_.daily_quota;
  doc["dedup_window_seconds"] = options_.dedup_window_seconds;
  return doc;
}

Json Sandbox::tasks() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Json list = Json::array();
  for (const auto& task : tasks_) {
    Json item = Json::object();
    item["TaskId"] = task.task_id;
    item["Api"] = task.api;
    item["Time"] = task.time;
    item["Identifier"] = task.identifier;
    item["From_Account"] = task.from_account;
    item["MsgRandom"] = task.msg_random;
    item["Target"] = task.target;
    item["Revoked"] = task.revoked;
    item["Body"] = task.body;
    list.push_back(std::move(item));
  }
  Json doc = Json::object();
  doc["tasks"] = std::move(list);
  return doc;
}

}  // namespace timpush::server
