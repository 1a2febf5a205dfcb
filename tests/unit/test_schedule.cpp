// Scheduled pushes and test sends: the bodies of task-apis.md §8 and §9 (Tencent's examples) and
// the time conversions. Expected Unix times were computed with Python's calendar.timegm, an
// independent implementation of the same proleptic Gregorian UTC arithmetic.
#include <doctest/doctest.h>

#include "core/schedule.h"
#include "core/test_send.h"

using namespace timpush::core;
using timpush::Json;

TEST_CASE("SchedAt: UTC as YYYY-MM-DD HH:MM:SS, both ways (add_sched_task's example, 269/130277)") {
  CHECK(format_sched_at(1748772000) == "2025-06-01 10:00:00");
  CHECK(parse_sched_at("2025-06-01 10:00:00") == 1748772000);
  CHECK(parse_sched_at("2024-02-29 23:59:59") == 1709251199);  // a leap day
  CHECK_FALSE(parse_sched_at("2023-02-29 10:00:00"));           // not one
  CHECK_FALSE(parse_sched_at("2025-06-01T10:00:00"));
  CHECK_FALSE(parse_sched_at("2025-06-01 10:00"));
  CHECK_FALSE(parse_sched_at("2025-13-01 10:00:00"));
  CHECK_FALSE(parse_sched_at("2025-06-01 24:00:00"));
  CHECK_FALSE(parse_sched_at(""));
}

TEST_CASE("a local time becomes UTC by the zone's offset, and is shown back the same") {
  // 20:00 in Beijing (UTC+8, offset 480) is 12:00 UTC.
  CHECK(parse_local_time("2026-12-01 20:00", 480) == 1796126400);
  CHECK(parse_local_time("2026-12-01 20:00:00", 480) == 1796126400);
  CHECK(format_sched_at(*parse_local_time("2026-12-01 20:00", 480)) == "2026-12-01 12:00:00");
  CHECK(format_local_time(1796126400, 480) == "2026-12-01 20:00:00");
  // West of UTC (New York in winter, -300): 07:00 local is 12:00 UTC.
  CHECK(parse_local_time("2026-12-01 07:00", -300) == 1796126400);
  // Across midnight: 02:00 on Dec 2 in UTC+8 is 18:00 on Dec 1 UTC.
  CHECK(format_sched_at(*parse_local_time("2026-12-02 02:00", 480)) == "2026-12-01 18:00:00");
  CHECK_FALSE(parse_local_time("tomorrow 8pm", 480));
}

TEST_CASE("a SchedAt in the past, too soon or too far ahead is refused with a reason") {
  const int64_t now = 1796126400;
  CHECK(sched_time_problem(now - 1, now)->en == "That time has passed.");
  CHECK(sched_time_problem(now + 30, now));
  CHECK_FALSE(sched_time_problem(now + 120, now));
  CHECK_FALSE(sched_time_problem(now + 30 * 86400, now));
  CHECK(sched_time_problem(now + 30 * 86400 + 1, now));
  CHECK_FALSE(sched_time_problem(now - 1, now)->zh.empty());
}

TEST_CASE("add_sched_task: Type from the Condition, Content the push (269/130277's example)") {
  Json push = {{"MsgRandom", 7},
               {"Condition", {{"TagsAnd", {"股票A", "股票B"}}}},
               {"OfflinePushInfo", {{"Title", "t"}, {"Desc", "d"}}}};
  Json add = add_sched_body(88888888, 1748772000, push, "administrator");
  CHECK(add["Sdkappid"] == 88888888);
  CHECK(add["Type"] == "Tag");
  CHECK(add["SchedAt"] == "2025-06-01 10:00:00");
  CHECK(add["Content"]["From_Account"] == "administrator");
  CHECK(add["Content"]["Condition"]["TagsAnd"] == Json({"股票A", "股票B"}));
  CHECK(add["Content"]["MsgRandom"] == 7);
  // A push to everyone is Type All, and its Content has no Condition, even an empty one.
  Json all = add_sched_body(88888888, 1748772000, {{"MsgRandom", 7}, {"Condition", Json::object()}}, "administrator");
  CHECK(all["Type"] == "All");
  CHECK_FALSE(all["Content"].contains("Condition"));
  // A Condition of TagsNot alone reaches everyone but those tags: Type Tag ("Tag: a Condition",
  // task-apis.md on add_sched_task), and the exclusion goes with it.
  Json except = add_sched_body(88888888, 1748772000, {{"MsgRandom", 7}, {"Condition", {{"TagsNot", {"退订"}}}}},
                               "administrator");
  CHECK(except["Type"] == "Tag");
  CHECK(except["Content"]["Condition"]["TagsNot"] == Json({"退订"}));
  Json modify = modify_sched_body(88888888, 1234567890, SchedType::all, 1748772000, nullptr, "administrator");
  CHECK(modify == Json({{"Sdkappid", 88888888}, {"TaskID", 1234567890}, {"Type", "All"}, {"SchedAt", "2025-06-01 10:00:00"}}));
  CHECK(delete_sched_body(88888888, 1234567890, SchedType::all) ==
        Json({{"Sdkappid", 88888888}, {"TaskID", 1234567890}, {"Type", "All"}}));
}

TEST_CASE("test send: accounts as typed, 1 to 500, no repeats; the batch body has no Condition") {
  AccountList list = parse_accounts("alice, bob，carol\n dave、alice");
  CHECK(list.accounts == std::vector<std::string>{"alice", "bob", "carol", "dave", "alice"});
  REQUIRE(list.issues.size() == 1);
  CHECK(list.issues[0].code == test_send_code::duplicate_account);
  CHECK(list.issues[0].pointer == "/To_Account/4");
  CHECK(parse_accounts("  ,, ").issues.at(0).code == test_send_code::no_accounts);
  std::string many;
  for (int i = 0; i < 501; ++i) many += "u" + std::to_string(i) + ",";
  CHECK(parse_accounts(many).issues.at(0).code == 90018);
  many.erase(many.rfind("u500,"));
  CHECK(parse_accounts(many).issues.empty());

  Json push = {{"MsgRandom", 9}, {"Condition", {{"TagsOr", {"a"}}}}, {"DataId", "d1"},
               {"OfflinePushInfo", {{"Title", "t"}, {"Desc", "今晚八点"}}}};
  Json batch = batch_body(push, {"alice", "bob"}, "administrator");
  CHECK(batch["From_Account"] == "administrator");
  CHECK(batch["To_Account"] == Json({"alice", "bob"}));
  CHECK(batch["MsgRandom"] == 9);
  CHECK(batch["DataId"] == "d1");
  CHECK_FALSE(batch.contains("Condition"));
  CHECK(validate_batch(batch).ok());
  for (const Issue& i : validate_batch(batch).issues) CHECK(i.code != local_code::all_users);
  // The push rules still hold on what the batch carries.
  Json bad = batch;
  bad["MsgRandom"] = 1.5;
  bad["To_Account"] = Json::array({"alice", ""});
  ValidationReport r = validate_batch(bad);
  CHECK_FALSE(r.ok());
  bool has_90005 = false, has_empty = false;
  for (const Issue& i : r.issues) {
    has_90005 |= i.code == 90005;
    has_empty |= i.code == test_send_code::no_accounts && i.pointer == "/To_Account/1";
  }
  CHECK(has_90005);
  CHECK(has_empty);
}
