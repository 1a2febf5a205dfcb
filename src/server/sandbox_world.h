// The sandbox app's population and how a push plays out over it: users made from a seed (tags,
// attribute values, one or two devices with a push platform and the states that make real pushes
// fail), the audience of a Condition, and each device's fate for one task over simulated time.
// Pure and deterministic: no HTTP, no clock, no global random source. The same seed gives the
// same users on every machine, and the same seed, TaskId and body give the same fates.
//
// Randomness is splitmix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014; constants as in Vigna's public-domain splitmix64.c at
// https://prng.di.unimi.it/splitmix64.c), and a TaskId is hashed with 64-bit FNV-1a (offset basis
// 14695981039346656037, prime 1099511628211, http://www.isthe.com/chongo/tech/comp/fnv/). Draws
// are mapped to ranges by integer arithmetic only, never std::uniform_*_distribution, whose
// output differs between standard libraries.
//
// The model (our choices, listed with the other sandbox decisions in sandbox.h):
//   * An online device gets the online push (EventType 2, PushPlatform 0): delivered, no click
//     (nothing is shown in the shade). An offline device goes through its vendor (EventType 1).
//     With PushFlag 1 (online only) offline devices are not part of the task at all.
//   * Offline losses, each with its code: no certificate id (-1) and no token (-2) before
//     sending; after sending, APNs 410 Unregistered and the Android vendors' 1 regid_invalid for
//     an app removed or a device long inactive, the vendor's daily marketing cap (-3), vivo's
//     night window for operational messages (-4), and revoked before delivery (-5). -3, -4 and -5
//     are the sandbox's own codes: Tencent documents none for these cases.
//   * Notifications turned off: the vendor delivers (the device counts as reached), nothing is
//     shown, so it is never clicked.
//   * Times: every count settles within 60 s of the push; the statistics count the events whose
//     time has come, so they grow over the first minute.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/text_util.h"

namespace timpush::server {

// splitmix64: a 64-bit state, one draw per call.
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next();
  // 0..bound-1 (bound > 0), by multiply-and-shift on the high 32 bits: no floating point.
  uint32_t below(uint32_t bound);

private:
  uint64_t state_;
};

// 64-bit FNV-1a of the bytes (core/text_util.h).
using core::fnv1a64;
// One splitmix64 step as a pure function: mixes a value into a well-spread 64-bit number.
uint64_t mix64(uint64_t value);

// PushPlatform of the statistics (task-apis.md section 3): 1 APNs ... 8 Honor; 0 online.
enum class Platform : int { none = 0, apns = 1, xiaomi, huawei, fcm, meizu, oppo, vivo, honor };
constexpr int kPlatformCount = 8;

enum class DeviceState {
  ok,
  no_token,           // never uploaded its push token (-2)
  no_certificate,     // registered without the certificate id of its platform (-1)
  unregistered,       // the app was removed; the vendor rejects the token (410 / 1)
  long_inactive,      // not opened for months; the vendor's token expired (410 / 1)
  notifications_off,  // delivered, never shown
};

struct Device {
  std::string instance_id;  // decimal, unique in the world
  Platform platform = Platform::apns;
  bool online = false;
  DeviceState state = DeviceState::ok;
  std::string model;
  std::string system_version;
  std::string token;  // empty when state is no_token
  int64_t cert_id = 0;  // 0 when state is no_certificate
  int64_t last_active_days = 0;  // days since the app was last opened
};

struct User {
  std::string id;  // "user1" ...
  std::vector<std::string> tags;
  std::map<std::string, std::string> attrs;
  std::vector<Device> devices;  // one or two
};

struct WorldOptions {
  uint32_t population = 2000;
  uint64_t seed = 1;
};
constexpr uint32_t kMaxPopulation = 100000;

class World {
public:
  explicit World(WorldOptions options);

  const std::vector<User>& users() const { return users_; }
  const User* find_user(std::string_view id) const;
  // For the app-data APIs, which change a user's tags and attributes (never the devices); the
  // sandbox serialises those changes and the audience reads under its lock.
  User* find_user(std::string_view id);
  uint64_t seed() const { return options_.seed; }

  // The tag vocabulary and the attribute names with their values, in a fixed order.
  static const std::vector<std::string>& tag_vocabulary();
  static const std::vector<std::pair<std::string, std::vector<std::string>>>& attributes();

  // Indices of the users a push body reaches: its Condition (TagsAnd, TagsOr, TagsNot, AttrsAnd,
  // AttrsOr, combined with "and"), or every user when core::reaches_everyone says so. For a batch
  // body, its To_Account entries that are users of the world. A body that is not an object
  // reaches nobody.
  std::vector<size_t> audience(const Json& body, bool batch) const;

private:
  WorldOptions options_;
  std::vector<User> users_;
  std::map<std::string, size_t, std::less<>> index_;
};

// What happens to one device for one task. Times are milliseconds after the push; a missing
// time means the stage is never reached.
struct Fate {
  int event_type = 1;  // 1 offline push, 2 online push
  Platform platform = Platform::none;  // none for online pushes
  int64_t im_ms = 0;   // accepted by IM
  std::optional<int64_t> sent_ms;       // handed to the vendor (offline) or sent (online)
  std::optional<int64_t> delivered_ms;  // reached the device
  std::optional<int64_t> clicked_ms;
  // A loss: its code as the loss API spells it ("-2", "410"), its info, the time it is known,
  // and whether it came before sending (ReadyToSend) or after (PostSendDelivered).
  std::string loss_code;
  std::string loss_info;
  int64_t loss_ms = 0;
  bool loss_before_send = false;
};

// The task facts a fate depends on.
struct TaskFacts {
  std::string task_id;
  int64_t push_time_s = 0;
  const Json* body = nullptr;            // the accepted push body
  std::optional<int64_t> revoked_after_ms;  // revoked this long after the push
};

// The fate of device `device` of user `user`, or nothing when the device is not part of the task
// (offline with PushFlag 1).
std::optional<Fate> fate_of(const World& world, const TaskFacts& task, const User& user,
                            size_t device);

// Every count settles this long after the push.
constexpr int64_t kSettleMs = 60000;

}  // namespace timpush::server
