// The sandbox's follow-up APIs after the URL and UserSig checks of sandbox.cpp:
// all_member_push_statistics, all_member_push_loss and all_member_push_trace (task-apis.md
// sections 4-6), and POST /sandbox/reach. The lock is held only to count the call against the
// 1/s limit and to copy the tasks asked about; the world is immutable, so the counting runs
// outside it (the devices never change; the audience was fixed at acceptance). Decisions: sandbox.h.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <tuple>
#include <utility>

#include "core/text_util.h"
#include "core/validation.h"
#include "server/sandbox.h"
#include "server/sandbox_detail.h"

namespace timpush::server {

using namespace sandbox_detail;

namespace {

constexpr int kBadParameters = 90104;
constexpr int64_t kDay = 86400;
constexpr size_t kMaxTaskIds = 5;

struct Counts {
  int64_t total = 0, sent = 0, delivered = 0, click = 0;
  void add(const Counts& o) {
    total += o.total;
    sent += o.sent;
    delivered += o.delivered;
    click += o.click;
  }
};

// Row 0..7: EventType 1, PushPlatform 1..8; row 8: EventType 2, PushPlatform 0.
constexpr size_t kRows = kPlatformCount + 1;
size_t row_of(const Fate& fate) {
  return fate.event_type == 2 ? kPlatformCount : static_cast<size_t>(fate.platform) - 1;
}

struct LossKey {
  std::string code, info;
  bool operator<(const LossKey& o) const { return std::tie(code, info) < std::tie(o.code, o.info); }
};

struct Tally {
  std::array<Counts, kRows> rows{};
  // [before_send][row] -> counts by code
  std::array<std::array<std::map<LossKey, int64_t>, kRows>, 2> losses{};
};

// Every device fate of one task whose time has come `elapsed` ms after the push.
void tally_task(const World& world, const TaskFacts& facts, const std::vector<bool>& audience,
                int64_t elapsed, Tally& out) {
  for (size_t index = 0; index < audience.size() && index < world.users().size(); ++index) {
    if (!audience[index]) continue;
    const User& user = world.users()[index];
    for (size_t d = 0; d < user.devices.size(); ++d) {
      auto fate = fate_of(world, facts, user, d);
      if (!fate || fate->im_ms > elapsed) continue;
      Counts& c = out.rows[row_of(*fate)];
      ++c.total;
      if (fate->sent_ms && *fate->sent_ms <= elapsed) ++c.sent;
      if (fate->delivered_ms && *fate->delivered_ms <= elapsed) ++c.delivered;
      if (fate->clicked_ms && *fate->clicked_ms <= elapsed) ++c.click;
      if (!fate->loss_code.empty() && fate->loss_ms <= elapsed) {
        ++out.losses[fate->loss_before_send ? 1 : 0][row_of(*fate)]
                    [LossKey{fate->loss_code, fate->loss_info}];
      }
    }
  }
}

Json counts_json(const Counts& c, Json row) {
  row["TotalCount"] = c.total;
  row["SentCount"] = c.sent;
  row["DeliveredCount"] = c.delivered;
  row["ClickCount"] = c.click;
  return row;
}

Json statistics_result(const std::string& task_id, const Tally& tally, bool known) {
  Counts all;
  for (const auto& row : tally.rows) all.add(row);
  Json result = counts_json(all, Json{{"TaskID", task_id}});
  Json platforms = Json::array();
  if (known) {
    for (size_t r = 0; r < kRows; ++r) {
      Json head = Json::object();
      head["EventType"] = r == kPlatformCount ? 2 : 1;
      head["PushPlatform"] = r == kPlatformCount ? 0 : static_cast<int>(r + 1);
      platforms.push_back(counts_json(tally.rows[r], std::move(head)));
    }
  }
  result["PlatformStatistics"] = std::move(platforms);
  return result;
}

Json loss_list(const std::map<LossKey, int64_t>& counts, const Json* head) {
  std::vector<std::pair<LossKey, int64_t>> items(counts.begin(), counts.end());
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  Json list = Json::array();
  for (const auto& [key, count] : items) {
    Json entry = head ? *head : Json::object();
    entry["ErrCode"] = key.code;
    entry["ErrCount"] = count;
    entry["ErrInfo"] = key.info;
    list.push_back(std::move(entry));
  }
  return list;
}

Json loss_result(const std::string& task_id, const Tally& tally) {
  Json result = Json::object();
  result["TaskID"] = task_id;
  const char* overall[2] = {"PostSendDeliveredLoss", "ReadyToSendLoss"};
  const char* per_platform[2] = {"PlatformPostSendDeliveredLoss", "PlatformReadyToSendLoss"};
  for (int stage : {1, 0}) {
    std::map<LossKey, int64_t> merged;
    for (const auto& row : tally.losses[stage]) {
      for (const auto& [key, count] : row) merged[key] += count;
    }
    result[overall[stage]] = loss_list(merged, nullptr);
  }
  for (int stage : {1, 0}) {
    Json list = Json::array();
    for (size_t r = 0; r < kRows; ++r) {
      Json head = Json::object();
      head["EventType"] = r == kPlatformCount ? 2 : 1;
      head["PushPlatform"] = r == kPlatformCount ? 0 : static_cast<int>(r + 1);
      for (auto& entry : loss_list(tally.losses[stage][r], &head)) list.push_back(entry);
    }
    result[per_platform[stage]] = std::move(list);
  }
  return result;
}

Json stage(bool passed, const std::string& code, const std::string& info, int64_t at_ms) {
  Json s = Json::object();
  s["PushStatus"] = passed ? 1 : 2;
  s["ErrorCode"] = passed ? 0 : std::atoi(code.c_str());
  s["ErrorInfo"] = passed ? std::string("success") : info;
  s["EventTime"] = core::utc_datetime(at_ms / 1000);
  return s;
}

}  // namespace

TaskFacts Sandbox::facts_of(const Snapshot& snap) {
  TaskFacts facts;
  facts.task_id = snap.task->task_id;
  facts.push_time_s = snap.task->time;
  facts.body = &snap.task->body;
  if (snap.revoked_ms) facts.revoked_after_ms = *snap.revoked_ms - snap.task->time_ms;
  return facts;
}

Sandbox::Snapshot Sandbox::snapshot(const std::string& task_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto serial = serial_of_.find(task_id);
  if (serial == serial_of_.end()) return {};
  const Kept& kept = tasks_[static_cast<size_t>(serial->second - first_serial_)];
  Snapshot snap{kept.task, std::nullopt};
  if (kept.revoked) snap.revoked_ms = kept.revoked_ms;
  return snap;
}

std::vector<Sandbox::Snapshot> Sandbox::snapshots_between(int64_t start_s, int64_t end_s) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Snapshot> out;
  for (const Kept& kept : tasks_) {
    if (kept.task->time < start_s || kept.task->time > end_s) continue;
    Snapshot snap{kept.task, std::nullopt};
    if (kept.revoked) snap.revoked_ms = kept.revoked_ms;
    out.push_back(std::move(snap));
  }
  return out;
}

SandboxAnswer Sandbox::follow(std::string_view api, int64_t now_ms, std::string_view body) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto last = last_follow_ms_.find(api);
    if (last != last_follow_ms_.end() && now_ms - last->second < options_.follow_interval_ms &&
        now_ms >= last->second) {
      return fail(60018, std::string(api) + " is limited to 1 call a second");
    }
    last_follow_ms_[std::string(api)] = now_ms;
  }
  if (body.size() > core::max_body_bytes) return fail(90056);
  Json doc = core::read_json(body, core::JsonLimits{64, 1000}).value;
  if (!doc.is_object()) return fail(90001, "body is not a JSON object");
  if (api == "all_member_push_trace") return trace(now_ms, doc);
  return statistics(now_ms, doc, api == "all_member_push_loss");
}

SandboxAnswer Sandbox::statistics(int64_t now_ms, const Json& doc, bool loss) const {
  auto start = core::get_int64(doc, "StartTime");
  auto end = core::get_int64(doc, "EndTime");
  if (!start || !end) return fail(kBadParameters, "StartTime and EndTime must be Unix seconds");
  if (*end < *start) return fail(kBadParameters, "EndTime is before StartTime");
  const int64_t max_window = (loss ? 7 : 30) * kDay;
  if (*end - *start > max_window) {
    return fail(kBadParameters, std::string("the window may be at most ") +
                                    (loss ? "7" : "30") + " days");
  }
  std::vector<std::string> ids;
  if (const Json* list = core::find_member(doc, "TaskID")) {
    if (!list->is_array()) return fail(kBadParameters, "TaskID must be an array of TaskIds");
    if (list->size() > kMaxTaskIds) {
      return fail(kBadParameters, "TaskID holds " + std::to_string(list->size()) +
                                      " TaskIds; the limit is 5");
    }
    for (const auto& id : *list) {
      if (!id.is_string()) return fail(kBadParameters, "every TaskID entry must be a string");
      ids.push_back(id.get<std::string>());
    }
  }
  auto count_into = [&](const Snapshot& snap, Tally& into) {
    tally_task(*world_, facts_of(snap), snap.task->audience, now_ms - snap.task->time_ms, into);
  };
  Json results = Json::array();
  auto add = [&](const std::string& id, const Tally& tally, bool known) {
    results.push_back(loss ? loss_result(id, tally) : statistics_result(id, tally, known));
  };
  if (ids.empty()) {
    Tally tally;
    for (const auto& snap : snapshots_between(*start, *end)) count_into(snap, tally);
    add("", tally, true);
  }
  for (const auto& id : ids) {
    Tally tally;
    Snapshot snap = snapshot(id);
    const bool known = snap.task && snap.task->time >= *start && snap.task->time <= *end;
    if (known) count_into(snap, tally);
    add(id, tally, known);
  }
  Json answer = envelope();
  answer["Results"] = std::move(results);
  return {200, dump(answer)};
}

SandboxAnswer Sandbox::trace(int64_t now_ms, const Json& doc) const {
  auto task_id = core::get_string(doc, "TaskID");
  auto user_id = core::get_string(doc, "UserID");
  if (!task_id || !user_id) return fail(kBadParameters, "TaskID and UserID must be strings");
  Json instances = Json::array();
  Snapshot snap = snapshot(*task_id);
  const User* user = world_->find_user(*user_id);
  if (snap.task && user && now_ms / 1000 - snap.task->time <= 7 * kDay) {
    const auto& task = *snap.task;
    const size_t index = static_cast<size_t>(user - world_->users().data());
    if (index < task.audience.size() && task.audience[index]) {
      const TaskFacts facts = facts_of(snap);
      const int64_t elapsed = now_ms - task.time_ms;
      for (size_t d = 0; d < user->devices.size(); ++d) {
        auto fate = fate_of(*world_, facts, *user, d);
        if (!fate || fate->im_ms > elapsed) continue;
        const Device& device = user->devices[d];
        const int64_t t0 = task.time_ms;
        Json item = Json::object();
        item["InstanceId"] = device.instance_id;
        item["PushTime"] = core::utc_datetime(task.time);
        item["DeviceModel"] = device.model;
        item["System"] = device.platform == Platform::apns ? "APNS" : "Android";
        item["SystemVersion"] = device.system_version;
        item["EventType"] = fate->event_type;
        item["PushPlatform"] = static_cast<int>(fate->platform);
        item["Token"] = device.token;
        item["CertId"] = std::to_string(device.cert_id);
        item["SdkVersion"] = "8.4.6667";
        item["PushVersion"] = "8.4.6667";
        item["NotificationStatus"] = device.state == DeviceState::notifications_off ? 0 : 1;
        item["last_active_terminal"] = device.online ? 1 : 0;
        item["IMCommitStat"] = Json{{"IMStat", stage(true, "", "", t0 + fate->im_ms)}};
        if (fate->event_type == 1) {
          Json offline = Json::object();
          const bool lost = !fate->loss_code.empty() && fate->loss_ms <= elapsed;
          if (lost && fate->loss_before_send) {
            offline["OfflineStat"] = stage(false, fate->loss_code, fate->loss_info, t0 + fate->loss_ms);
          } else if (fate->sent_ms && *fate->sent_ms <= elapsed) {
            offline["OfflineStat"] = stage(true, "", "", t0 + *fate->sent_ms);
            if (lost) {
              offline["ChannelStat"] = stage(false, fate->loss_code, fate->loss_info, t0 + fate->loss_ms);
            } else if (fate->delivered_ms && *fate->delivered_ms <= elapsed) {
              offline["ChannelStat"] = stage(true, "", "", t0 + *fate->sent_ms + 100);
              offline["DeviceStat"] = stage(true, "", "", t0 + *fate->delivered_ms);
              if (fate->clicked_ms && *fate->clicked_ms <= elapsed) {
                offline["ClickStat"] = stage(true, "", "", t0 + *fate->clicked_ms);
              }
            }
          }
          item["OfflinePushStat"] = std::move(offline);
        }
        instances.push_back(std::move(item));
      }
    }
  }
  Json answer = envelope();
  answer["InstanceTrace"] = std::move(instances);
  return {200, dump(answer)};
}

SandboxAnswer Sandbox::reach(std::string_view body) const {
  Json doc = core::read_json(body, core::JsonLimits{64, 1000}).value;
  if (!doc.is_object()) {
    Json error = Json::object();
    error["Error"] = "the body must be a push body (a JSON object)";
    error["ErrorZh"] = "请求体必须是推送请求体(JSON 对象)";
    return {400, dump(error)};
  }
  Json answer = Json::object();
  std::lock_guard<std::mutex> lock(mutex_);  // tags and attributes change under it
  answer["Users"] = world_->audience(doc, false).size();
  answer["Of"] = world_->users().size();
  return {200, dump(answer)};
}

}  // namespace timpush::server
