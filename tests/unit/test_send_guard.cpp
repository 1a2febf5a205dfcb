// The send guard: one send at a time, the server's "more than 1 s between two pushes" (90024),
// the daily quota (100 by default, 90047), typed confirmation of an all-user push, and the
// MsgRandom rule (reference.md section 2: reusing MsgRandom is how a failed push is retried).
#include <doctest/doctest.h>

#include <string>

#include "core/history.h"
#include "core/response.h"
#include "core/send_guard.h"

using timpush::Json;
using namespace timpush::core;

namespace {

constexpr uint32_t app = 1400000000u;
constexpr const char* tags_body = R"({"MsgRandom":1,"Condition":{"TagsAnd":["a"]},"OfflinePushInfo":{"Desc":"x"}})";
constexpr const char* everyone_body = R"({"MsgRandom":1,"OfflinePushInfo":{"Desc":"x"}})";
// 2023-11-14T22:13:20Z
constexpr int64_t unix_day = 1700000000;

PushResponse ok_answer() {
  return read_push_response(200, R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"t1"})");
}
PushResponse fail_answer(int code) {
  return read_push_response(200, R"({"ActionStatus":"FAIL","ErrorInfo":"e","ErrorCode":)" + std::to_string(code) + "}");
}
PushResponse no_answer() { return read_push_response(0, ""); }

// One complete send at now_ms.
OutcomeInfo send(SendGuard& guard, int64_t now_ms, const PushResponse& answer, uint32_t msg_random = 5,
                 const char* body = tags_body, uint32_t sdkappid = app, int64_t unix_now = unix_day) {
  REQUIRE(guard.begin(now_ms, sdkappid, msg_random, body));
  return guard.finish(now_ms + 100, unix_now, answer);
}

}  // namespace

TEST_CASE("send guard: only one send in flight") {
  SendGuard guard;
  CHECK(guard.check(0, tags_body, app, "").ok());
  REQUIRE(guard.begin(0, app, 5, tags_body));
  CHECK(guard.in_flight());
  SendCheck check = guard.check(50, tags_body, app, "");
  CHECK(check.block == SendBlock::in_flight);
  CHECK_FALSE(check.message.en.empty());
  CHECK_FALSE(guard.begin(60, app, 6, tags_body));  // a double click does not send twice
  guard.finish(200, unix_day, ok_answer());
  CHECK_FALSE(guard.in_flight());
  // A second answer for the same send changes nothing.
  guard.finish(250, unix_day, ok_answer());
  CHECK(guard.quota(app, unix_day).used == 1);
}

TEST_CASE("send guard: Send stays locked 1 s after an answer, with a countdown") {
  SendGuard guard;
  send(guard, 0, ok_answer());  // answer at 100 ms
  SendCheck check = guard.check(600, tags_body, app, "");
  CHECK(check.block == SendBlock::cooling_down);
  CHECK(check.remaining_ms == 500);
  CHECK(check.message.en.find("0.5 s") != std::string::npos);
  CHECK(check.message.en.find("90024") != std::string::npos);
  CHECK(guard.lock_remaining_ms(1099) == 1);
  CHECK(guard.check(1099, tags_body, app, "").message.en.find("0.1 s") != std::string::npos);  // rounded up
  CHECK_FALSE(guard.begin(1099, app, 6, tags_body));
  CHECK(guard.lock_remaining_ms(1100) == 0);
  CHECK(guard.check(1100, tags_body, app, "").ok());
  CHECK(guard.begin(1100, app, 6, tags_body));
}

TEST_CASE("send guard: the interval is a setting") {
  SendGuard guard(GuardConfig{2500, 100, 10, 0});
  send(guard, 0, fail_answer(90024));
  CHECK(guard.lock_remaining_ms(100) == 2500);
}

TEST_CASE("send guard: a push to every user needs the SDKAppID typed") {
  SendGuard guard;
  SendCheck none = guard.check(0, everyone_body, app, "");
  CHECK(none.block == SendBlock::needs_confirmation);
  CHECK(none.message.en.find("every user") != std::string::npos);
  CHECK(none.message.en.find("1400000000") != std::string::npos);
  CHECK(none.message.zh.find("全部用户") != std::string::npos);
  CHECK(guard.check(0, everyone_body, app, "140000000").block == SendBlock::confirmation_mismatch);
  CHECK(guard.check(0, everyone_body, app, "yes").block == SendBlock::confirmation_mismatch);
  CHECK(guard.check(0, everyone_body, app, " 1400000000 ").ok());
  CHECK_FALSE(confirmation_matches("0", 0));  // no app, nothing to confirm against
}

TEST_CASE("send guard: which bodies reach every user") {
  CHECK(reaches_everyone(everyone_body));
  CHECK(reaches_everyone(R"({"Condition":{}})"));
  CHECK(reaches_everyone(R"({"Condition":{"TagsAnd":[],"AttrsOr":{}}})"));
  // TagsNot alone excludes some users and reaches all the others.
  CHECK(reaches_everyone(R"({"Condition":{"TagsNot":["vip"]}})"));
  CHECK_FALSE(reaches_everyone(tags_body));
  CHECK_FALSE(reaches_everyone(R"({"Condition":{"TagsOr":["a"]}})"));
  CHECK_FALSE(reaches_everyone(R"({"Condition":{"AttrsAnd":{"city":"深圳"}}})"));
  CHECK_FALSE(reaches_everyone(R"({"Condition":{"AttrsOr":{"city":"深圳"}}})"));
  // Not JSON: validation stops it before any send, so no confirmation is asked.
  CHECK_FALSE(reaches_everyone("{"));
  // A Condition of the wrong type is refused by validation too.
  CHECK_FALSE(reaches_everyone(R"({"Condition":"all"})"));
}

TEST_CASE("send guard: a retryable failure keeps MsgRandom for the retry and says so") {
  const PushResponse cases[] = {no_answer(),        fail_answer(60008), fail_answer(91000),
                                fail_answer(70169), fail_answer(70202), fail_answer(70500),
                                fail_answer(90024), read_push_response(502, "<html><title>502 Bad Gateway</title></html>")};
  for (const auto& answer : cases) {
    CAPTURE(answer.http_status);
    CAPTURE(answer.error_code.value_or(-1));
    SendGuard guard;
    OutcomeInfo outcome = send(guard, 0, answer, 777);
    CHECK(outcome.outcome == Outcome::retryable);
    MsgRandomPlan plan = guard.plan(tags_body, app, 999);
    CHECK(plan.msg_random == 777);
    CHECK(plan.is_retry);
    CHECK_FALSE(plan.body_changed);
    CHECK(plan.note.en.find("Retry reuses MsgRandom 777, so the server treats it as the same task") !=
          std::string::npos);
    CHECK(plan.note.zh.find("777") != std::string::npos);
  }
}

TEST_CASE("send guard: after a success the next push gets a fresh MsgRandom") {
  SendGuard guard;
  send(guard, 0, no_answer(), 777);
  REQUIRE(guard.plan(tags_body, app, 999).is_retry);
  OutcomeInfo outcome = send(guard, 2000, ok_answer(), 777);  // the retry went through
  CHECK(outcome.outcome == Outcome::ok);
  MsgRandomPlan plan = guard.plan(tags_body, app, 999);
  CHECK(plan.msg_random == 999);
  CHECK_FALSE(plan.is_retry);
  CHECK(plan.note.en.find("fresh MsgRandom 999") != std::string::npos);
}

TEST_CASE("send guard: a refusal to fix (not retryable) means a new push next time") {
  for (int code : {90039, 90005, 70001, 70009, 90045, 90047, 70050}) {
    CAPTURE(code);
    CHECK_FALSE(is_retryable_code(code));
    SendGuard guard;
    OutcomeInfo outcome = send(guard, 0, fail_answer(code), 777);
    CHECK(outcome.outcome == Outcome::refused);
    CHECK(outcome.note.en.find("created no task") != std::string::npos);
    CHECK_FALSE(guard.plan(tags_body, app, 999).is_retry);
    CHECK(guard.plan(tags_body, app, 999).msg_random == 999);
  }
}

TEST_CASE("send guard: a retry with an edited body is still a retry, with a warning") {
  SendGuard guard;
  send(guard, 0, fail_answer(91000), 777);
  // Only MsgRandom differs: the same push.
  CHECK_FALSE(guard.plan(R"({"MsgRandom":777,"Condition":{"TagsAnd":["a"]},"OfflinePushInfo":{"Desc":"x"}})", app, 1)
                  .body_changed);
  MsgRandomPlan edited = guard.plan(R"({"MsgRandom":1,"Condition":{"TagsAnd":["a"]},"OfflinePushInfo":{"Desc":"y"}})",
                                    app, 1);
  CHECK(edited.is_retry);
  CHECK(edited.msg_random == 777);
  CHECK(edited.body_changed);
  CHECK(edited.note.en.find("edited") != std::string::npos);
  // The user chooses a new push instead.
  guard.discard_retry();
  CHECK_FALSE(guard.plan(tags_body, app, 1).is_retry);
}

TEST_CASE("send guard: a retry belongs to its app") {
  SendGuard guard;
  send(guard, 0, no_answer(), 777);
  CHECK_FALSE(guard.plan(tags_body, app + 1, 999).is_retry);
  CHECK(guard.plan(tags_body, app, 999).is_retry);
}

TEST_CASE("send guard: the daily counter warns before the quota and says when it is reached") {
  SendGuard guard;  // quota 100, warn with 10 left
  int64_t t = 0;
  for (int i = 0; i < 89; ++i, t += 2000) send(guard, t, ok_answer());
  CHECK(guard.quota(app, unix_day).used == 89);
  CHECK(guard.quota(app, unix_day).level == QuotaStatus::Level::fine);
  CHECK(guard.quota(app, unix_day).message.en.empty());
  send(guard, t, fail_answer(90039));  // a refused call is still a call
  t += 2000;
  QuotaStatus near = guard.quota(app, unix_day);
  CHECK(near.used == 90);
  CHECK(near.level == QuotaStatus::Level::near);
  CHECK(near.message.en.find("10 left") != std::string::npos);
  CHECK(near.message.en.find("90047") != std::string::npos);
  for (int i = 0; i < 10; ++i, t += 2000) send(guard, t, ok_answer());
  QuotaStatus reached = guard.quota(app, unix_day);
  CHECK(reached.used == 100);
  CHECK(reached.level == QuotaStatus::Level::reached);
  // Other apps and the next day start from zero.
  CHECK(guard.quota(app + 1, unix_day).used == 0);
  CHECK(guard.quota(app, unix_day + 86400).used == 0);
}

TEST_CASE("send guard: sends with no answer from the service are not counted, 90047 fills the day") {
  SendGuard guard(GuardConfig{1000, 10, 3, 0});  // the free edition's 10 a day
  send(guard, 0, no_answer());
  send(guard, 2000, read_push_response(504, "<html>gateway</html>"));
  send(guard, 4000, read_push_response(200, R"({"RelayError":"cannot connect"})"));
  CHECK(guard.quota(app, unix_day).used == 0);
  send(guard, 6000, fail_answer(90047));
  CHECK(guard.quota(app, unix_day).level == QuotaStatus::Level::reached);
  CHECK(guard.quota(app, unix_day).quota == 10);
}

TEST_CASE("send guard: days are UTC by default, the offset is a setting") {
  // 1700000000 is 2023-11-14T22:13:20Z: day 19675 since 1970-01-01 in UTC, and already
  // 2023-11-15 (day 19676) in China time (UTC+8).
  CHECK(SendGuard().day_of(unix_day) == 19675);
  CHECK(SendGuard(GuardConfig{1000, 100, 10, 8 * 3600}).day_of(unix_day) == 19676);
  CHECK(SendGuard().day_of(-1) == -1);
  // A push at 23:59:59 UTC and one at 00:00:00 fall on different days.
  SendGuard guard;
  send(guard, 0, ok_answer(), 1, tags_body, app, 19675LL * 86400 + 86399);
  send(guard, 2000, ok_answer(), 2, tags_body, app, 19676LL * 86400);
  CHECK(guard.quota(app, 19676LL * 86400).used == 1);
}

TEST_CASE("send guard: the counter survives a reload through storage or the history") {
  SendGuard guard;
  for (int i = 0; i < 3; ++i) send(guard, i * 2000, ok_answer());
  Json saved = guard.counters_to_json();

  SendGuard reloaded;
  reloaded.counters_from_json(saved, unix_day);
  CHECK(reloaded.quota(app, unix_day).used == 3);
  SendGuard next_day;
  next_day.counters_from_json(saved, unix_day + 86400);
  CHECK(next_day.quota(app, unix_day + 86400).used == 0);
  SendGuard garbage;
  CHECK_NOTHROW(garbage.counters_from_json(Json::parse(R"([1,{"sdkappid":-1,"day":0,"count":1},"x"])"), unix_day));
  CHECK_NOTHROW(garbage.counters_from_json(Json::parse("{}"), unix_day));

  History history;
  for (int i = 0; i < 4; ++i)
    history.add(make_history_entry(SentPush{unix_day - i, "https://console.tim.qq.com/v4/timpush/push", app, "a", {}, 1, "{}"}, 200, R"({"ActionStatus":"OK","ErrorCode":0})"));
  history.add(make_history_entry(SentPush{unix_day, "https://console.tim.qq.com/v4/timpush/push", app, "a", {}, 1, "{}"}, 0, ""));
  history.add(make_history_entry(SentPush{unix_day - 86400, "https://console.tim.qq.com/v4/timpush/push", app, "a", {}, 1, "{}"}, 200, R"({"ActionStatus":"OK","ErrorCode":0})"));
  SendGuard from_history;
  from_history.count_from_history(history, unix_day);
  CHECK(from_history.quota(app, unix_day).used == 4);  // not the unanswered one, not yesterday's
}
