#include "core/send_guard.h"

#include <algorithm>
#include <cctype>

#include "core/history.h"

namespace timpush::core {

namespace {

constexpr JsonLimits body_limits{512, 10000};

bool non_empty_array(const Json& condition, const char* key) {
  auto it = condition.find(key);
  return it != condition.end() && it->is_array() && !it->empty();
}

bool non_empty_object(const Json& condition, const char* key) {
  auto it = condition.find(key);
  return it != condition.end() && it->is_object() && !it->empty();
}

// The body with MsgRandom left out, to compare two sends of "the same" push.
std::string body_key(std::string_view body) {
  JsonReadResult read = read_json(body, body_limits);
  if (!read.ok() || !read.value.is_object()) return std::string(body);
  read.value.erase("MsgRandom");
  return read.value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string trim(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

std::string code_text(const PushResponse& response) {
  return response.error_code ? std::to_string(*response.error_code) : std::string();
}

}  // namespace

bool reaches_everyone(std::string_view body) {
  JsonReadResult read = read_json(body, body_limits);
  if (!read.ok() || !read.value.is_object()) return false;
  auto condition = read.value.find("Condition");
  if (condition == read.value.end() || !condition->is_object()) return condition == read.value.end();
  return !(non_empty_array(*condition, "TagsAnd") || non_empty_array(*condition, "TagsOr") ||
           non_empty_object(*condition, "AttrsAnd") || non_empty_object(*condition, "AttrsOr"));
}

bool confirmation_matches(std::string_view typed, uint32_t sdkappid) {
  return sdkappid != 0 && trim(typed) == std::to_string(sdkappid);
}

std::string everyone_warning_en(uint32_t sdkappid) {
  return "This push has no tag or attribute condition: it reaches every user of app " + std::to_string(sdkappid) +
         ", and a push cannot be taken back once delivered. Type the SDKAppID " + std::to_string(sdkappid) +
         " to confirm.";
}

std::string everyone_warning_zh(uint32_t sdkappid) {
  return "此推送没有标签或属性条件：将送达应用 " + std::to_string(sdkappid) +
         " 的全部用户，送达后无法撤回。请输入 SDKAppID " + std::to_string(sdkappid) + " 以确认。";
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
    info.note_en = "The push was accepted; the next push gets a fresh MsgRandom.";
    info.note_zh = "推送已受理；下一次推送将使用新的 MsgRandom。";
    return info;
  }
  if (response.kind == ResponseKind::fail && response.error_code && !is_retryable_code(*response.error_code)) {
    info.outcome = Outcome::refused;
    info.note_en = "The service refused the request (" + code_text(response) +
                   ") and created no task: fix the cause; the next send is a new push with a fresh MsgRandom.";
    info.note_zh = "服务拒绝了该请求（" + code_text(response) +
                   "），未创建推送任务：请修正原因；下一次发送是新推送，使用新的 MsgRandom。";
    return info;
  }
  info.outcome = Outcome::retryable;
  if (response.kind == ResponseKind::fail && !response.error_code) {
    info.note_en = "The service answered FAIL without an ErrorCode; retrying is safe.";
    info.note_zh = "服务返回 FAIL 但没有 ErrorCode；可以安全重试。";
  } else if (response.kind == ResponseKind::fail) {
    info.note_en = "The service answered " + code_text(response) + ", which is worth retrying.";
    info.note_zh = "服务返回 " + code_text(response) + "，可以重试。";
  } else {
    info.note_en = "No answer from the service itself, so it may or may not have received the push.";
    info.note_zh = "没有收到服务本身的应答，无法确定推送是否已到达服务端。";
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
  SendCheck result;
  if (in_flight_) {
    result.block = SendBlock::in_flight;
    result.message_en = "A push is on its way; wait for its answer.";
    result.message_zh = "已有推送正在发送，请等待应答。";
    return result;
  }
  if (int64_t remaining = lock_remaining_ms(now_ms); remaining > 0) {
    result.block = SendBlock::cooling_down;
    result.remaining_ms = remaining;
    // Rounded up, so the countdown never shows 0 while still locked.
    int64_t tenths = (remaining + 99) / 100;
    std::string seconds = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
    result.message_en = "Send unlocks in " + seconds + " s: the server refuses pushes less than 1 s apart (90024).";
    result.message_zh = seconds + " 秒后可再次发送：两次推送间隔须大于 1 秒（90024）。";
    return result;
  }
  if (reaches_everyone(body)) {
    if (trim(typed_confirmation).empty()) {
      result.block = SendBlock::needs_confirmation;
      result.message_en = everyone_warning_en(sdkappid);
      result.message_zh = everyone_warning_zh(sdkappid);
    } else if (!confirmation_matches(typed_confirmation, sdkappid)) {
      result.block = SendBlock::confirmation_mismatch;
      result.message_en = "What was typed is not the SDKAppID " + std::to_string(sdkappid) + ".";
      result.message_zh = "输入的内容与 SDKAppID " + std::to_string(sdkappid) + " 不一致。";
    }
  }
  return result;
}

MsgRandomPlan SendGuard::plan(std::string_view body, uint32_t sdkappid, uint32_t fresh_random) const {
  MsgRandomPlan result;
  if (retry_ && retry_->sdkappid == sdkappid) {
    result.msg_random = retry_->msg_random;
    result.is_retry = true;
    result.body_changed = body_key(body) != retry_->body_key;
    std::string n = std::to_string(retry_->msg_random);
    result.note_en = retry_->reason_en + " Retry reuses MsgRandom " + n +
                     ", so the server treats it as the same task and does not push twice.";
    result.note_zh = retry_->reason_zh + "重试将沿用 MsgRandom " + n + "，服务端会视为同一任务，不会重复推送。";
    if (result.body_changed) {
      result.note_en += " The body was edited since: if the first send did arrive, this one is dropped as the "
                        "same task. Choose \"new push\" to send it as a new task instead (it may then reach "
                        "users twice).";
      result.note_zh += "此后请求体已被修改：若上一次其实已送达，本次会被当作同一任务丢弃。"
                        "如需作为新任务发送，请选择“新推送”（用户可能收到两次）。";
    }
    return result;
  }
  result.msg_random = fresh_random;
  result.note_en = "New push: fresh MsgRandom " + std::to_string(fresh_random) + ".";
  result.note_zh = "新推送：使用新的 MsgRandom " + std::to_string(fresh_random) + "。";
  return result;
}

bool SendGuard::begin(int64_t now_ms, uint32_t sdkappid, uint32_t msg_random, std::string_view body) {
  if (in_flight_ || lock_remaining_ms(now_ms) > 0) return false;
  in_flight_ = true;
  sending_ = {sdkappid, msg_random, body_key(body)};
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
    retry_ = Retry{sending_.sdkappid, sending_.msg_random, sending_.body_key, info.note_en, info.note_zh};
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
    status.message_en = used + " pushes used today for app " + app +
                        ": the daily quota is reached and the server refuses more with 90047 until the "
                        "day ends (the quota can be raised in the IM console).";
    status.message_zh = "应用 " + app + " 今日已推送 " + used + "：已达每日限额，当天再推送服务端将返回 90047"
                        "（可在 IM 控制台提高限额）。";
  } else if (status.quota - status.used <= config_.warn_remaining) {
    status.level = QuotaStatus::Level::near;
    status.message_en = used + " pushes used today for app " + app + ": " +
                        std::to_string(status.quota - status.used) +
                        " left before the server refuses with 90047.";
    status.message_zh = "应用 " + app + " 今日已推送 " + used + "：再推送 " +
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
    if (!item.is_object()) continue;
    auto sdkappid = item.find("sdkappid");
    auto day = item.find("day");
    auto count = item.find("count");
    if (sdkappid == item.end() || day == item.end() || count == item.end() || !sdkappid->is_number_unsigned() ||
        !day->is_number_integer() || !count->is_number_integer())
      continue;
    if (day->get<int64_t>() != today || count->get<int64_t>() < 0 || sdkappid->get<uint64_t>() > 0xFFFFFFFFu)
      continue;
    int restored = static_cast<int>(std::min<int64_t>(count->get<int64_t>(), 1'000'000));
    int& mine = counts_[{static_cast<uint32_t>(sdkappid->get<uint64_t>()), today}];
    mine = std::max(mine, restored);
  }
}

}  // namespace timpush::core
