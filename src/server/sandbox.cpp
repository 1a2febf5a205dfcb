// The sandbox's front: the URL parameters, the UserSig and the account, in the service's order,
// then hands the request to its flow (sandbox_push.cpp). Also the answer document and the app
// description. The decisions behind each code are listed in sandbox.h.
#include "server/sandbox.h"

#include <algorithm>
#include <utility>

#include "core/audience.h"
#include "core/error_catalog.h"
#include "core/text_util.h"
#include "core/usersig.h"
#include "server/sandbox_detail.h"

namespace timpush::server {

namespace sandbox_detail {

std::string meaning(int code) {
  if (const auto* entry = core::find_error(code)) return std::string(entry->meaning.en);
  return "error " + std::to_string(code);
}

SandboxAnswer fail(int code, std::string info) {
  if (info.empty()) info = meaning(code);
  return {200, service_answer(code, info)};
}

std::string dump(const Json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

Json envelope() {
  Json doc = Json::object();
  doc["ActionStatus"] = "OK";
  doc["ErrorInfo"] = "";
  doc["ErrorCode"] = 0;
  return doc;
}

}  // namespace sandbox_detail

using namespace sandbox_detail;

std::string service_answer(int code, std::string_view info, std::string_view task_id) {
  Json doc = Json::object();
  doc["ActionStatus"] = code == 0 ? "OK" : "FAIL";
  doc["ErrorInfo"] = std::string(info);
  doc["ErrorCode"] = code;
  if (code == 0) doc["TaskId"] = std::string(task_id);
  return dump(doc);
}

Sandbox::Sandbox(SandboxOptions options, MillisClock now_ms, Random32 random)
    : options_(std::move(options)),
      now_ms_(std::move(now_ms)),
      random_(std::move(random)),
      world_(std::make_shared<World>(options_.world)),
      attr_slots_(10) {
  // The app starts with the names its users hold, so the world's own pushes pass 90033.
  const auto& names = World::attributes();
  for (size_t i = 0; i < names.size() && i < attr_slots_.size(); ++i) {
    attr_slots_[i].name = names[i].first;
  }
  for (const auto& user : world_->users()) {
    for (const auto& tag : user.tags) ++tag_users_[tag];
  }
}

std::vector<std::string> Sandbox::attr_names() const {
  std::vector<std::string> out;
  for (const auto& slot : attr_slots_) {
    if (!slot.name.empty()) out.push_back(slot.name);
  }
  return out;
}

bool Sandbox::rate_exceeded(std::string_view api, int per_second, int64_t now_ms) {
  if (per_second <= 0) return false;
  auto it = api_calls_ms_.find(api);
  if (it == api_calls_ms_.end()) it = api_calls_ms_.emplace(std::string(api), std::deque<int64_t>{}).first;
  auto& calls = it->second;
  while (!calls.empty() && now_ms - calls.front() >= 1000) calls.pop_front();
  // A clock that stepped back leaves later entries in front: the deque still holds at most
  // per_second of them.
  if (calls.size() >= static_cast<size_t>(per_second)) return true;
  calls.push_back(now_ms);
  return false;
}

bool Sandbox::known_account(const std::string& name) const {
  return name == options_.admin ||
         std::find(options_.users.begin(), options_.users.end(), name) != options_.users.end();
}

SandboxAnswer Sandbox::handle(std::string_view method, std::string_view api,
                              const std::multimap<std::string, std::string>& params,
                              std::string_view body) {
  const bool is_push = api == "/v4/timpush/push";
  const bool is_batch = api == "/v4/timpush/batch";
  const bool is_revoke = api == "/v4/timpush/revoke";
  const bool is_follow = api == "/v4/timpush/all_member_push_statistics" ||
                         api == "/v4/timpush/all_member_push_loss" ||
                         api == "/v4/timpush/all_member_push_trace";
  constexpr std::string_view prefix = "/v4/timpush/";
  const std::string_view api_name =
      api.substr(0, prefix.size()) == prefix ? api.substr(prefix.size()) : std::string_view();
  auto one_of = [&](std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), api_name) != names.end();
  };
  const bool is_sched = one_of({"add_sched_task", "get_sched_task", "list_sched_task",
                                "modify_sched_task", "delete_sched_task"});
  const bool is_app_data = one_of({"get_attr_name", "set_attr_name", "get_attr", "set_attr",
                                   "remove_attr", "get_tag", "add_tag", "remove_tag",
                                   "clear_all_tags"});
  {
    // Scheduled tasks run at their time whatever this request is.
    std::lock_guard<std::mutex> lock(mutex_);
    dispatch_due(now());
  }
  if (!is_push && !is_batch && !is_revoke && !is_follow && !is_sched && !is_app_data) {
    return fail(60009, "unknown API path " + std::string(api) +
                           " (the sandbox serves v4/timpush/push, batch, revoke, "
                           "all_member_push_statistics, all_member_push_loss, "
                           "all_member_push_trace, the *_sched_task APIs, get/set_attr_name, "
                           "get/set/remove_attr, get/add/remove_tag and clear_all_tags)");
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

  const int64_t now_ms = now();
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

  if (is_follow) return follow(api.substr(std::string_view("/v4/timpush/").size()), now_ms, body);
  std::lock_guard<std::mutex> lock(mutex_);
  if (is_sched) return sched(api_name, now_ms, *sdkappid, body);
  if (is_app_data) return app_data(api_name, now_ms, body);
  if (is_revoke) return revoke(now_ms, body);
  return push(now_ms, *identifier, body, is_batch);
}

SandboxAnswer Sandbox::advance_clock(std::string_view body) {
  constexpr int64_t kMaxStep = 31 * 86400;           // a 30-day schedule is one call away
  constexpr int64_t kMaxAhead = 10LL * 366 * 86400;  // far from int64's edge
  Json doc = core::read_json(body, core::JsonLimits{4, 16}).value;
  const auto seconds = doc.is_object() ? core::get_int64(doc, "AdvanceSeconds") : std::nullopt;
  std::lock_guard<std::mutex> lock(mutex_);
  const int64_t ahead = ahead_ms_.load();
  if (!seconds || *seconds < 1 || *seconds > kMaxStep || ahead / 1000 + *seconds > kMaxAhead) {
    Json error = Json::object();
    error["Error"] = "the body must be {\"AdvanceSeconds\":N}, N from 1 to 2678400 (31 days); the clock only goes forward";
    error["ErrorZh"] = "请求体须为 {\"AdvanceSeconds\":N}，N 为 1 到 2678400（31 天）；时钟只能向前";
    return {400, dump(error)};
  }
  ahead_ms_.store(ahead + *seconds * 1000);
  const int64_t now_ms = now();
  dispatch_due(now_ms);
  Json answer = Json::object();
  answer["Now"] = now_ms / 1000;
  answer["AheadSeconds"] = ahead_ms_.load() / 1000;
  return {200, dump(answer)};
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
  doc["population"] = world_->users().size();
  doc["seed"] = world_->seed();
  doc["tags"] = World::tag_vocabulary();  // the seed's; add_tag may add others
  Json attributes = Json::object();
  for (const auto& [name, values] : World::attributes()) attributes[name] = values;
  doc["attributes"] = std::move(attributes);
  return doc;
}

}  // namespace timpush::server
