#include "core/send_guard.h"

#include <algorithm>
#include <cctype>

#include "core/history.h"
#include "core/text_util.h"

namespace timpush::core {

namespace {

constexpr JsonLimits body_limits{512, 10000};

// The body with MsgRandom left out, to compare two sends of "the same" push. Text that is not a
// JSON object is its own key.
Json body_key(const Json& body) {
  if (!body.is_object()) return body;
  Json key = body;
  key.erase("MsgRandom");
  return key;
}

// The text forms' one read of the body, as validation reads it (a body it cannot read is kept as
// a string, which still tells one text from another).
ValidationReport read_body(std::string_view body) {
  ValidationReport read;
  JsonReadResult parsed = read_json(body, body_limits);
  read.document = parsed.ok() ? std::move(parsed.value) : Json(std::string(body));
  return read;
}

std::string code_text(const PushResponse& response) {
  return response.error_code ? std::to_string(*response.error_code) : std::string();
}

}  // namespace

bool confirmation_matches(std::string_view typed, uint32_t sdkappid) {
  return sdkappid != 0 && trim(typed) == std::to_string(sdkappid);
}

Words everyone_warning(uint32_t sdkappid) {
  return {"This push has no tag or attribute condition: it reaches every user of app " + std::to_string(sdkappid) +
         ", and a push cannot be taken back once delivered. Type the SDKAppID " + std::to_string(sdkappid) +
         " to confirm.",
          "此推送没有标签或属性条件：将送达应用 " + std::to_string(sdkappid) +
         " 的全部用户，送达后无法撤回。请输入 SDKAppID " + std::to_string(sdkappid) + " 以确认。"};
}

bool is_retryable_code(int64_t code) {
  switch (code) {
    case 60007: case 60008: case 60011: case 60013: case 60018: case 60019:
    case 70169: case 70202: case 70500:
    case 90024: case 91000:
      return true;
    default:
      return false;
  }
}

OutcomeInfo classify(const PushResponse& response) {
  OutcomeInfo info;
  if (response.ok()) {
    info.outcome = Outcome::ok;
    info.note.en = "The push was accepted; the next push gets a fresh MsgRandom.";
    info.note.zh = "推送已受理；下一次推送将使用新的 MsgRandom。";
    return info;
  }
  if (response.kind == ResponseKind::fail && response.error_code && !is_retryable_code(*response.error_code)) {
    info.outcome = Outcome::refused;
    info.note.en = "The service refused the request (" + code_text(response) +
                   ") and created no task: fix the cause; the next send is a new push with a fresh MsgRandom.";
    info.note.zh = "服务拒绝了该请求（" + code_text(response) +
                   "），未创建推送任务：请修正原因；下一次发送是新推送，使用新的 MsgRandom。";
    return info;
  }
  info.outcome = Outcome::retryable;
  if (response.kind == ResponseKind::fail && !response.error_code) {
    info.note.en = "The service answered FAIL without an ErrorCode; retrying is safe.";
    info.note.zh = "服务返回 FAIL 但没有 ErrorCode；可以安全重试。";
  } else if (response.kind == ResponseKind::fail) {
    info.note.en = "The service answered " + code_text(response) + ", which is worth retrying.";
    info.note.zh = "服务返回 " + code_text(response) + "，可以重试。";
  } else {
    info.note.en = "No answer from the service itself, so it may or may not have received the push.";
    info.note.zh = "没有收到服务本身的应答，无法确定推送是否已到达服务端。";
  }
  return info;
}

SendGuard::SendGuard(GuardConfig config) : config_(config) {}

int64_t SendGuard::lock_remaining_ms(int64_t now_ms) const {
  if (!locked_until_ms_ || *locked_until_ms_ <= now_ms) return 0;
  return *locked_until_ms_ - now_ms;
}

SendCheck SendGuard::check(int64_t now_ms, std::string_view body, uint32_t sdkappid,
                           std::string_view typed_confirmation) const {
  return check(now_ms, read_body(body), sdkappid, typed_confirmation);
}

SendCheck SendGuard::check(int64_t now_ms, const ValidationReport& checked, uint32_t sdkappid,
                           std::string_view typed_confirmation) const {
  SendCheck result;
  if (in_flight_) {
    result.block = SendBlock::in_flight;
    result.message.en = "A push is on its way; wait for its answer.";
    result.message.zh = "已有推送正在发送，请等待应答。";
    return result;
  }
  if (int64_t remaining = lock_remaining_ms(now_ms); remaining > 0) {
    result.block = SendBlock::cooling_down;
    result.remaining_ms = remaining;
    // Rounded up, so the countdown never shows 0 while still locked.
    int64_t tenths = (remaining + 99) / 100;
    std::string seconds = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
    result.message.en = "Send unlocks in " + seconds + " s: the server refuses pushes less than 1 s apart (90024).";
    result.message.zh = seconds + " 秒后可再次发送：两次推送间隔须大于 1 秒（90024）。";
    return result;
  }
  if (reaches_everyone(checked.document)) {
    if (trim(typed_confirmation).empty()) {
      result.block = SendBlock::needs_confirmation;
      result.message = everyone_warning(sdkappid);
    } else if (!confirmation_matches(typed_confirmation, sdkappid)) {
      result.block = SendBlock::confirmation_mismatch;
      result.message.en = "What was typed is not the SDKAppID " + std::to_string(sdkappid) + ".";
      result.message.zh = "输入的内容与 SDKAppID " + std::to_string(sdkappid) + " 不一致。";
    }
  }
  return result;
}

MsgRandomPlan SendGuard::plan(std::string_view body, uint32_t sdkappid, uint32_t fresh_random) const {
  return plan(read_body(body), sdkappid, fresh_random);
}

MsgRandomPlan SendGuard::plan(const ValidationReport& checked, uint32_t sdkappid, uint32_t fresh_random) const {
  MsgRandomPlan result;
  if (retry_ && retry_->sdkappid == sdkappid) {
    result.msg_random = retry_->msg_random;
    result.is_retry = true;
    result.body_changed = body_key(checked.document) != retry_->body_key;
    std::string n = std::to_string(retry_->msg_random);
    result.note.en = retry_->reason.en + " Retry reuses MsgRandom " + n +
                     ", so the server treats it as the same task and does not push twice.";
    result.note.zh = retry_->reason.zh + "重试将沿用 MsgRandom " + n + "，服务端会视为同一任务，不会重复推送。";
    if (result.body_changed) {
      result.note.en += " The body was edited since: if the first send did arrive, this one is dropped as the "
                        "same task. Choose \"new push\" to send it as a new task instead (it may then reach "
                        "users twice).";
      result.note.zh += "此后请求体已被修改：若上一次其实已送达，本次会被当作同一任务丢弃。"
                        "如需作为新任务发送，请选择“新推送”（用户可能收到两次）。";
    }
    return result;
  }
  result.msg_random = fresh_random;
  result.note.en = "New push: fresh MsgRandom " + std::to_string(fresh_random) + ".";
  result.note.zh = "新推送：使用新的 MsgRandom " + std::to_string(fresh_random) + "。";
  return result;
}

bool SendGuard::begin(int64_t now_ms, uint32_t sdkappid, uint32_t msg_random, std::string_view body) {
  return begin(now_ms, sdkappid, msg_random, read_body(body));
}

bool SendGuard::begin(int64_t now_ms, uint32_t sdkappid, uint32_t msg_random, const ValidationReport& checked) {
  if (in_flight_ || lock_remaining_ms(now_ms) > 0) return false;
  in_flight_ = true;
  sending_ = {sdkappid, msg_random, body_key(checked.document)};
  return true;
}

OutcomeInfo SendGuard::finish(int64_t now_ms, int64_t unix_now, const PushResponse& response) {
  OutcomeInfo info = classify(response);
  if (!in_flight_) return info;  // a late or repeated answer changes nothing
  in_flight_ = false;
  // Counted from the answer, not the start: the server saw the request no later than that.
  locked_until_ms_ = now_ms + config_.min_interval_ms;

  bool service_answered = response.kind == ResponseKind::ok || response.kind == ResponseKind::fail;
  if (service_answered) {
    int64_t today = day_of(unix_now);
    for (auto it = counts_.begin(); it != counts_.end();)
      it = it->first.second != today ? counts_.erase(it) : std::next(it);
    int& count = counts_[{sending_.sdkappid, today}];
    count = response.error_code == 90047 ? std::max(count + 1, config_.daily_quota) : count + 1;
  }

  if (info.outcome == Outcome::retryable) {
    retry_ = Retry{sending_.sdkappid, sending_.msg_random, sending_.body_key, info.note};
  } else {
    retry_.reset();
  }
  return info;
}

int64_t SendGuard::day_of(int64_t unix_seconds) const {
  int64_t t = unix_seconds + config_.day_offset_seconds;
  return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

QuotaStatus SendGuard::quota(uint32_t sdkappid, int64_t unix_now) const {
  QuotaStatus status;
  status.quota = config_.daily_quota;
  auto it = counts_.find({sdkappid, day_of(unix_now)});
  status.used = it == counts_.end() ? 0 : it->second;
  std::string used = std::to_string(status.used) + " / " + std::to_string(status.quota);
  std::string app = std::to_string(sdkappid);
  if (status.used >= status.quota) {
    status.level = QuotaStatus::Level::reached;
    status.message.en = used + " pushes used today for app " + app +
                        ": the daily quota is reached and the server refuses more with 90047 until the "
                        "day ends (the quota can be raised in the IM console).";
    status.message.zh = "应用 " + app + " 今日已推送 " + used + "：已达每日限额，当天再推送服务端将返回 90047"
                        "（可在 IM 控制台提高限额）。";
  } else if (status.quota - status.used <= config_.warn_remaining) {
    status.level = QuotaStatus::Level::near;
    status.message.en = used + " pushes used today for app " + app + ": " +
                        std::to_string(status.quota - status.used) +
                        " left before the server refuses with 90047.";
    status.message.zh = "应用 " + app + " 今日已推送 " + used + "：再推送 " +
                        std::to_string(status.quota - status.used) + " 次后服务端将返回 90047。";
  }
  return status;
}

void SendGuard::count_from_history(const History& history, int64_t unix_now) {
  int64_t today = day_of(unix_now);
  std::map<uint32_t, int> seen;
  for (const auto& entry : history.entries) {
    // Same rule as finish(): only answers of the service itself count.
    if (day_of(entry.time) != today || !entry.error_code) continue;
    int& count = seen[entry.sdkappid];
    count = *entry.error_code == 90047 ? std::max(count + 1, config_.daily_quota) : count + 1;
  }
  for (const auto& [sdkappid, count] : seen) {
    int& mine = counts_[{sdkappid, today}];
    mine = std::max(mine, count);
  }
}

Json SendGuard::counters_to_json() const {
  Json list = Json::array();
  for (const auto& [key, count] : counts_)
    list.push_back(Json{{"sdkappid", key.first}, {"day", key.second}, {"count", count}});
  return list;
}

void SendGuard::counters_from_json(const Json& value, int64_t unix_now) {
  if (!value.is_array()) return;
  int64_t today = day_of(unix_now);
  for (const auto& item : value) {
    std::optional<uint32_t> sdkappid = get_uint32(item, "sdkappid");
    std::optional<int64_t> day = get_int64(item, "day");
    std::optional<int64_t> count = get_int64(item, "count");
    if (!sdkappid || !day || !count || *day != today || *count < 0) continue;
    int restored = static_cast<int>(std::min<int64_t>(*count, 1'000'000));
    int& mine = counts_[{*sdkappid, today}];
    mine = std::max(mine, restored);
  }
}

}  // namespace timpush::core
