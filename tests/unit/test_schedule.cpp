// Scheduled pushes and test sends: the bodies of task-apis.md §8 and §9 (Tencent's examples) and
// the time conversions. Expected Unix times were computed with Python's calendar.timegm, an
// independent implementation of the same proleptic Gregorian UTC arithmetic.
#include <doctest/doctest.h>

#include "core/sched_report.h"
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

TEST_CASE("Type User: the test send's content to 1..500 accounts, no Condition (269/130277, task-apis.md section 9)") {
  // The document's add example with Type User in place of Tag: "User: To_Account [1..500]".
  Json push = {{"MsgRandom", 7},
               {"Condition", {{"TagsAnd", {"股票A", "股票B"}}}},
               {"DataId", "d1"},
               {"OfflinePushInfo", {{"Title", "t"}, {"Desc", "d"}}}};
  Json add = add_user_sched_body(88888888, 1748772000, push, {"user1", "user2"}, "administrator");
  CHECK(add["Sdkappid"] == 88888888);
  CHECK(add["Type"] == "User");
  CHECK(add["SchedAt"] == "2025-06-01 10:00:00");
  const Json& content = add["Content"];
  CHECK(content["From_Account"] == "administrator");
  CHECK(content["To_Account"] == Json({"user1", "user2"}));
  CHECK(content["MsgRandom"] == 7);
  CHECK(content["DataId"] == "d1");
  CHECK(content["OfflinePushInfo"]["Desc"] == "d");
  CHECK_FALSE(content.contains("Condition"));  // the accounts are the audience
  CHECK(validate_sched_content(add).ok());
  for (const Issue& i : validate_sched_content(add).issues) CHECK(i.code != local_code::all_users);

  // The accounts' rules are a test send's: none, a repeat, over 500.
  auto first_code = [&](const std::vector<std::string>& to) {
    ValidationReport r = validate_sched_content(add_user_sched_body(88888888, 1748772000, push, to, "administrator"));
    return r.issues.empty() ? 0 : r.issues.front().code;
  };
  CHECK(first_code({}) == test_send_code::no_accounts);
  CHECK(first_code({"user1", "user1"}) == test_send_code::duplicate_account);
  CHECK(first_code({"user1", ""}) == test_send_code::no_accounts);
  std::vector<std::string> many;
  for (int i = 0; i < 501; ++i) many.push_back("u" + std::to_string(i));
  CHECK(first_code(many) == 90018);
  many.pop_back();
  CHECK(first_code(many) == 0);
  // And the push rules on what it carries.
  Json bad = push;
  bad["MsgRandom"] = -1;
  CHECK_FALSE(validate_sched_content(add_user_sched_body(88888888, 1748772000, bad, {"user1"}, "administrator")).ok());
  // Other Types' Content is the push, checked as a push: nothing judged here.
  CHECK(validate_sched_content(add_sched_body(88888888, 1748772000, push, "administrator")).issues.empty());
}

TEST_CASE("modify of a User task keeps Type User and needs To_Account") {
  Json push = {{"MsgRandom", 8}, {"OfflinePushInfo", {{"Title", "t2"}, {"Desc", "d2"}}}};
  const std::vector<std::string> to{"user3"};
  Json modify = modify_sched_body(88888888, 1234567890, SchedType::user, 1748772000, &push, "administrator", &to);
  CHECK(modify["Type"] == "User");
  CHECK(modify["TaskID"] == 1234567890);
  CHECK(modify["Content"]["To_Account"] == Json({"user3"}));
  CHECK(modify["Content"]["OfflinePushInfo"]["Title"] == "t2");
  CHECK(validate_sched_content(modify).ok());
  // A new Content without accounts has an empty To_Account, which is refused.
  Json bare = modify_sched_body(88888888, 1234567890, SchedType::user, 1748772000, &push, "administrator");
  CHECK(bare["Content"]["To_Account"] == Json::array());
  CHECK(validate_sched_content(bare).issues.at(0).code == test_send_code::no_accounts);
  // The time alone: no Content, nothing to refuse.
  Json time_only = modify_sched_body(88888888, 1234567890, SchedType::user, 1748772000, nullptr, "administrator");
  CHECK_FALSE(time_only.contains("Content"));
  CHECK(validate_sched_content(time_only).ok());
}

TEST_CASE("a User task read back: its Type by name, its accounts, its push for the composer") {
  CHECK(sched_type_named("User") == SchedType::user);
  CHECK(sched_type_named("All") == SchedType::all);
  CHECK(sched_type_named("Tag") == SchedType::tag);
  CHECK_FALSE(sched_type_named("user"));  // the API's spelling only
  CHECK_FALSE(sched_type_named(""));
  // get_sched_task's example answer (269/130280) with a User Content; From_Account a number as there.
  const char* answer = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskInfo":{"TaskID":1234567890,
    "Sdkappid":88888888,"CreateAt":"2025-05-20 08:00:00","Type":"User","SchedAt":"2025-06-01 10:00:00",
    "Content":{"From_Account":12345,"To_Account":["user1","user2",7],"MsgRandom":3,
    "OfflinePushInfo":{"Title":"t","Desc":"d"}},"Status":"pending","DispatchSuccess":0,"DispatchErr":"","PushTaskID":""}})";
  SchedReport r = read_sched(200, answer);
  REQUIRE(r.task);
  CHECK(r.task->type == "User");
  CHECK(r.task->from_account == "12345");
  CHECK(r.task->to_account == std::vector<std::string>{"user1", "user2"});  // a number is no account
  Json push = sched_push_of(r.task->content);
  CHECK_FALSE(push.contains("To_Account"));
  CHECK(push["OfflinePushInfo"]["Title"] == "t");
  CHECK(push["MsgRandom"] == 3);
}
