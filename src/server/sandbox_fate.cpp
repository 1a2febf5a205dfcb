// One device's fate for one task (sandbox_world.h): which channel, which loss with its code, and
// when each stage happens. The vendor rules come from vendors.md section 7 (classes, daily caps,
// vivo's 07:00-23:00 window, time zone UTC+8 by our choice); the codes from task-apis.md section 5.
#include <algorithm>

#include "core/json.h"
#include "server/sandbox_world.h"

namespace timpush::server {

namespace {

constexpr uint32_t kClickPerMille = 60;  // about the 5.5 % of the documents' example funnel
constexpr int64_t kUtcPlus8 = 8 * 3600;

std::string android_field(const Json& body, const char* key) {
  const Json* info = core::find_member(body, "OfflinePushInfo");
  const Json* android = info ? core::find_member(*info, "AndroidInfo") : nullptr;
  if (!android) return {};
  if (auto text = core::get_string(*android, key)) return *text;
  if (auto number = core::get_int64(*android, key)) return std::to_string(*number);
  return {};
}

// The vendor's daily cap per device for this push's class, 0 when it has none (vendors.md 7;
// the sandbox app is not a news app, so the smaller caps apply).
uint32_t daily_cap(Platform platform, const Json& body) {
  switch (platform) {
    case Platform::huawei: {
      const std::string category = android_field(body, "HuaWeiCategory");
      return category.empty() || category == "MARKETING" ? 2 : 0;  // uncategorised = marketing
    }
    case Platform::honor: return android_field(body, "HonorImportance") == "NORMAL" ? 0 : 2;
    case Platform::xiaomi: return android_field(body, "XiaoMiChannelID").empty() ? 1 : 0;
    case Platform::oppo: return android_field(body, "OPPOCategory") == "MARKETING" ? 2 : 0;
    case Platform::meizu: return android_field(body, "MeiZuNoticeMsgType") == "0" ? 3 : 0;
    default: return 0;
  }
}

bool vivo_operational(const Json& body) {
  return android_field(body, "VIVOCategory") == "MARKETING" ||
         android_field(body, "VIVOClassification") == "0";
}

bool vivo_night(int64_t push_time_s) {
  const int64_t local = push_time_s + kUtcPlus8;
  const int64_t hour = ((local % 86400) + 86400) % 86400 / 3600;
  return hour >= 23 || hour < 7;
}

// How many marketing pushes of this app the device already had today: 0 (half), 1, 2 or 3.
uint32_t marketing_today(const World& world, const Device& device, int64_t push_time_s) {
  const int64_t day = (push_time_s + kUtcPlus8) / 86400;
  SplitMix64 rng(world.seed() ^ fnv1a64(device.instance_id) ^ mix64(static_cast<uint64_t>(day)));
  const uint32_t draw = rng.below(100);
  return draw < 50 ? 0 : draw < 75 ? 1 : draw < 90 ? 2 : 3;
}

void lose(Fate& fate, const char* code, const char* info, int64_t at, bool before_send) {
  fate.loss_code = code;
  fate.loss_info = info;
  fate.loss_ms = at;
  fate.loss_before_send = before_send;
}

// Revoking stops what was not delivered yet (task-apis.md section 7).
void apply_revoke(Fate& fate, int64_t revoked_ms) {
  const int64_t decided = fate.delivered_ms ? *fate.delivered_ms
                          : !fate.loss_code.empty() ? fate.loss_ms
                                                    : kSettleMs;
  if (revoked_ms >= decided) return;
  const int64_t at = std::max(revoked_ms, fate.im_ms);
  const bool sent = fate.sent_ms && *fate.sent_ms <= at;
  if (!sent) fate.sent_ms.reset();
  fate.delivered_ms.reset();
  fate.clicked_ms.reset();
  lose(fate, "-5", "推送已撤回", at, !sent);
}

}  // namespace

std::optional<Fate> fate_of(const World& world, const TaskFacts& task, const User& user,
                            size_t device_index) {
  const Device& device = user.devices[device_index];
  static const Json empty = Json::object();
  const Json& body = task.body ? *task.body : empty;
  const Json* info = core::find_member(body, "OfflinePushInfo");
  const bool online_only = info && core::get_int64(*info, "PushFlag") == 1;
  if (!device.online && online_only) return std::nullopt;

  SplitMix64 rng(mix64(world.seed() ^ fnv1a64(task.task_id)) ^ fnv1a64(device.instance_id));
  Fate fate;
  fate.im_ms = 200 + rng.below(800);
  if (device.online) {
    fate.event_type = 2;
    fate.platform = Platform::none;
    fate.sent_ms = fate.im_ms + rng.below(500);
    fate.delivered_ms = *fate.sent_ms + 100 + rng.below(1500);
  } else {
    fate.event_type = 1;
    fate.platform = device.platform;
    const int64_t before = fate.im_ms + rng.below(3000);
    if (device.state == DeviceState::no_certificate) {
      lose(fate, "-1", "没有设置证书id", before, true);
    } else if (device.state == DeviceState::no_token) {
      lose(fate, "-2", "没有上传token", before, true);
    } else {
      fate.sent_ms = fate.im_ms + 500 + rng.below(19000);
      const int64_t after = *fate.sent_ms + 200 + rng.below(5000);
      const uint32_t cap = daily_cap(device.platform, body);
      if (device.state == DeviceState::unregistered ||
          device.state == DeviceState::long_inactive) {
        if (device.platform == Platform::apns) {
          lose(fate, "410", "Unregistered", after, false);
        } else {
          lose(fate, "1", "regid_invalid", after, false);
        }
      } else if (cap > 0 && marketing_today(world, device, task.push_time_s) >= cap) {
        lose(fate, "-3", "厂商营销消息每日上限已满", after, false);
      } else if (device.platform == Platform::vivo && vivo_operational(body) &&
                 vivo_night(task.push_time_s)) {
        lose(fate, "-4", "vivo运营消息仅在07:00-23:00下发", after, false);
      } else {
        fate.delivered_ms = *fate.sent_ms + 300 + rng.below(30000);
        const bool clicks = rng.below(1000) < kClickPerMille;
        if (clicks && device.state != DeviceState::notifications_off) {
          const int64_t room = kSettleMs - *fate.delivered_ms - 1000;
          fate.clicked_ms = *fate.delivered_ms + 1000 + rng.below(static_cast<uint32_t>(room));
        }
      }
    }
  }
  if (task.revoked_after_ms) apply_revoke(fate, *task.revoked_after_ms);
  return fate;
}

}  // namespace timpush::server
