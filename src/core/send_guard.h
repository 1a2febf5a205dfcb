// Guards against sending a push wrongly or twice: one send in flight, the server's 1 s gap (90024),
// a per-app daily counter before the quota (90047), typed confirmation of an all-user push, and
// the MsgRandom rule for safe retries. A pure state machine: the caller passes time and randoms in.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/words.h"

#include "core/audience.h"
#include "core/json.h"
#include "core/response.h"
#include "core/validation.h"

namespace timpush::core {

struct History;

struct GuardConfig {
  int64_t min_interval_ms = 1000;  // reference.md section 1: more than 1 s between two pushes
  int daily_quota = 100;           // the default; the console can raise it (free edition: 10)
  int warn_remaining = 10;         // warn once this many pushes or fewer are left today
  // Days are counted in UTC (offset 0). The service's day may be China time (UTC+8,
  // 28800): that is not documented, so it is a setting.
  int64_t day_offset_seconds = 0;
};

// --- who a body reaches ------------------------------------------------------------------------

// Whether a body reaches every user is audience.h's rule (reaches_everyone).

// The typed confirmation of an all-user push: the SDKAppID in decimal, spaces around ignored.
bool confirmation_matches(std::string_view typed, uint32_t sdkappid);
Words everyone_warning(uint32_t sdkappid);

// --- what an answer means for the next send ---------------------------------------------------

// Service codes after which the same request may be sent again unchanged: timeouts and internal
// errors (60008, 91000, 70169, 70202, 70500, 60013), and "too frequent" refusals, which the
// server did not act on (90024, 60007, 60011, 60018, 60019).
bool is_retryable_code(int64_t code);

enum class Outcome {
  ok,         // a task was created: the next push is a new one with a fresh MsgRandom
  retryable,  // unknown whether it arrived, or refused for a passing reason: retry reuses MsgRandom
  refused,    // the service refused it for a reason the user must fix; no task was created, so
              // the next send, once fixed, is a new push with a fresh MsgRandom
};

struct OutcomeInfo {
  Outcome outcome = Outcome::refused;
  Words note;
};
OutcomeInfo classify(const PushResponse& response);

// What the next send should carry as MsgRandom, and the sentence that tells the user why.
struct MsgRandomPlan {
  uint32_t msg_random = 0;
  bool is_retry = false;
  bool body_changed = false;  // a retry whose body differs (besides MsgRandom) from the failed one
  Words note;
};

// --- the guard --------------------------------------------------------------------------------

enum class SendBlock { none, in_flight, cooling_down, needs_confirmation, confirmation_mismatch };

struct SendCheck {
  SendBlock block = SendBlock::none;
  int64_t remaining_ms = 0;  // cooling_down: the countdown to show
  Words message;
  bool ok() const { return block == SendBlock::none; }
};

struct QuotaStatus {
  enum class Level { fine, near, reached };
  Level level = Level::fine;
  int used = 0;
  int quota = 0;
  Words message;  // empty when fine
};

// The flow a composer follows, once per Send click:
//   1. check(now, body, app, typed): show its message and keep Send disabled unless ok();
//      quota(app, unix_now) is shown beside it (a warning, not a block: the quota may be raised).
//   2. plan(body, app, fresh_random): put plan.msg_random into the body, show plan.note.
//   3. begin(now, app, msg_random, body) just before handing the exact body to the network.
//   4. finish(now, unix_now, read_push_response(status, body)) when the answer (or none) arrives.
// begin() refuses in-flight and too-early sends by itself; the confirmation is check()'s job.
class SendGuard {
public:
  explicit SendGuard(GuardConfig config = {});

  const GuardConfig& config() const { return config_; }
  bool in_flight() const { return in_flight_; }
  // Milliseconds until Send unlocks after the last push (0 when free), for the countdown.
  int64_t lock_remaining_ms(int64_t now_ms) const;

  // Whether Send may go now, in this order: one in flight, the 1 s gap, then for a body that
  // reaches everyone, the typed SDKAppID (nothing typed: needs_confirmation; wrong: mismatch).
  SendCheck check(int64_t now_ms, std::string_view body, uint32_t sdkappid,
                  std::string_view typed_confirmation) const;
  // The same on the body as validation read it (ValidationReport::document), with no new parse:
  // the composer passes its checked body. check, plan and begin each come in both forms; the
  // text forms read the body and call these.
  SendCheck check(int64_t now_ms, const ValidationReport& checked, uint32_t sdkappid,
                  std::string_view typed_confirmation) const;

  // The MsgRandom for the next send of body to sdkappid. fresh_random is the caller's new random,
  // used unless the last send to the same app failed in a retryable way and was not discarded.
  MsgRandomPlan plan(std::string_view body, uint32_t sdkappid, uint32_t fresh_random) const;
  MsgRandomPlan plan(const ValidationReport& checked, uint32_t sdkappid, uint32_t fresh_random) const;
  // The user chose "send as a new push" instead of retrying.
  void discard_retry() { retry_.reset(); }
  bool has_pending_retry() const { return retry_.has_value(); }

  // A send starts. Refused (false) while one is in flight or within the 1 s gap.
  bool begin(int64_t now_ms, uint32_t sdkappid, uint32_t msg_random, std::string_view body);
  bool begin(int64_t now_ms, uint32_t sdkappid, uint32_t msg_random, const ValidationReport& checked);
  // Its answer came back (or no answer: status 0). unix_now dates the daily counter.
  OutcomeInfo finish(int64_t now_ms, int64_t unix_now, const PushResponse& response);

  // The daily counter: answers of the service (OK or FAIL) count; sends that got no answer from
  // it (network, gateway page, relay error) do not. 90047 marks the day as used up.
  QuotaStatus quota(uint32_t sdkappid, int64_t unix_now) const;
  int64_t day_of(int64_t unix_seconds) const;
  // Restores today's counts after a reload from the recorded sends, keeping the larger count.
  void count_from_history(const History& history, int64_t unix_now);
  // The counters for storage, and back (other days are dropped on reading).
  Json counters_to_json() const;
  void counters_from_json(const Json& value, int64_t unix_now);

private:
  struct Sending {
    uint32_t sdkappid = 0;
    uint32_t msg_random = 0;
    Json body_key;
  };
  struct Retry {
    uint32_t sdkappid = 0;
    uint32_t msg_random = 0;
    Json body_key;  // the body without MsgRandom, to tell whether it was edited
    Words reason;
  };

  GuardConfig config_;
  bool in_flight_ = false;
  Sending sending_;
  std::optional<int64_t> locked_until_ms_;
  std::optional<Retry> retry_;
  std::map<std::pair<uint32_t, int64_t>, int> counts_;  // (sdkappid, day) -> answered pushes
};

}  // namespace timpush::core
