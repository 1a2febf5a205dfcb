// Scheduled pushes (schedule.h).
#include "core/schedule.h"

#include <cstdio>

#include "core/audience.h"
#include "core/test_send.h"
#include "core/usersig.h"

namespace timpush::core {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil, the inverse
// of the one format_utc uses).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "YYYY-MM-DD HH:MM[:SS]" with digits where digits go; seconds optional when allow_short.
std::optional<int64_t> parse_civil(std::string_view t, bool allow_short) {
  const bool full = t.size() == 19;
  if (!full && !(allow_short && t.size() == 16)) return std::nullopt;
  for (size_t i = 0; i < t.size(); ++i) {
    const bool sep = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
    const char want = i == 4 || i == 7 ? '-' : i == 10 ? ' ' : ':';
    if (sep ? t[i] != want : (t[i] < '0' || t[i] > '9')) return std::nullopt;
  }
  auto n = [&](size_t at, size_t len) {
    int64_t v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (t[i] - '0');
    return v;
  };
  const int64_t y = n(0, 4), mo = n(5, 2), d = n(8, 2), h = n(11, 2), mi = n(14, 2), s = full ? n(17, 2) : 0;
  static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return std::nullopt;
  if (d > month_days[mo - 1] + (mo == 2 && leap(y) ? 1 : 0)) return std::nullopt;
  return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

Json content_of(const Json& push, const std::string& from_account, bool keep_condition) {
  Json content = Json::object();
  content["From_Account"] = from_account;
  if (push.is_object()) {
    for (const auto& item : push.items()) {
      if (item.key() == "From_Account") continue;
      if (item.key() == "Condition" && !keep_condition) continue;
      content[item.key()] = item.value();
    }
  }
  return content;
}

}  // namespace

std::string format_sched_at(int64_t unix_seconds) {
  std::string iso = usersig::format_utc(unix_seconds);  // "YYYY-MM-DDTHH:MM:SSZ"
  iso[10] = ' ';
  iso.pop_back();
  return iso;
}

std::optional<int64_t> parse_sched_at(std::string_view text) { return parse_civil(text, false); }

std::optional<int64_t> parse_local_time(std::string_view text, int offset_minutes) {
  auto local = parse_civil(text, true);
  if (!local) return std::nullopt;
  return *local - int64_t{offset_minutes} * 60;
}

std::string format_local_time(int64_t unix_seconds, int offset_minutes) {
  return format_sched_at(unix_seconds + int64_t{offset_minutes} * 60);
}

std::optional<Words> sched_time_problem(int64_t at, int64_t now) {
  if (at <= now) return Words{"That time has passed.", "该时间已过去。"};
  if (at - now < min_sched_lead_seconds)
    return Words{"Schedule at least a minute ahead, so the task is still pending when it arrives.",
                 "请至少提前 1 分钟定时，以便任务送达时仍处于待执行状态。"};
  if (at - now > max_sched_ahead_seconds)
    return Words{"At most 30 days ahead.", "最多只能提前 30 天定时。"};
  return std::nullopt;
}

std::string_view sched_type_name(SchedType type) {
  return type == SchedType::all ? "All" : type == SchedType::tag ? "Tag" : "User";
}

std::optional<SchedType> sched_type_named(std::string_view name) {
  for (SchedType t : {SchedType::all, SchedType::tag, SchedType::user})
    if (sched_type_name(t) == name) return t;
  return std::nullopt;
}

// Type All carries no Condition and Tag carries one (task-apis.md, add_sched_task). A Condition
// with a part in it is Tag even when it selects nobody by itself: TagsNot alone narrows every user,
// and as All its exclusion would be dropped with the Condition.
SchedType sched_type_of(const Json& push_body) {
  if (!push_body.is_object()) return SchedType::all;
  auto c = push_body.find("Condition");
  if (c == push_body.end() || !c->is_object()) return SchedType::all;
  for (const auto& part : c->items())
    if ((part.value().is_array() || part.value().is_object()) && !part.value().empty()) return SchedType::tag;
  return reaches_everyone(push_body) ? SchedType::all : SchedType::tag;
}

Json add_sched_body(uint32_t sdkappid, int64_t at, const Json& push_body, const std::string& from_account) {
  const SchedType type = sched_type_of(push_body);
  return {{"Sdkappid", sdkappid},
          {"Type", sched_type_name(type)},
          {"SchedAt", format_sched_at(at)},
          {"Content", content_of(push_body, from_account, type != SchedType::all)}};
}

Json add_user_sched_body(uint32_t sdkappid, int64_t at, const Json& push_body, const std::vector<std::string>& to,
                         const std::string& from_account) {
  return {{"Sdkappid", sdkappid},
          {"Type", sched_type_name(SchedType::user)},
          {"SchedAt", format_sched_at(at)},
          {"Content", batch_body(push_body, to, from_account)}};
}

Json modify_sched_body(uint32_t sdkappid, int64_t task_id, SchedType type, int64_t at, const Json* push_body,
                       const std::string& from_account, const std::vector<std::string>* to) {
  Json out = {{"Sdkappid", sdkappid}, {"TaskID", task_id}, {"Type", sched_type_name(type)}, {"SchedAt", format_sched_at(at)}};
  if (push_body && type == SchedType::user)
    out["Content"] = batch_body(*push_body, to ? *to : std::vector<std::string>{}, from_account);
  else if (push_body)
    out["Content"] = content_of(*push_body, from_account, type != SchedType::all);
  return out;
}

ValidationReport validate_sched_content(const Json& sched_body) {
  const Json* type = sched_body.is_object() ? find_member(sched_body, "Type") : nullptr;
  if (!type || !type->is_string() || type->get<std::string>() != sched_type_name(SchedType::user)) return {};
  // A modify may leave Content out (the time alone): then there is nothing to judge.
  const Json* content = find_member(sched_body, "Content");
  return content ? validate_batch(*content) : ValidationReport{};
}

Json sched_push_of(const Json& content) {
  Json push = content.is_object() ? content : Json::object();
  push.erase("To_Account");
  return push;
}

Json delete_sched_body(uint32_t sdkappid, int64_t task_id, SchedType type) {
  return {{"Sdkappid", sdkappid}, {"TaskID", task_id}, {"Type", sched_type_name(type)}};
}

}  // namespace timpush::core
