// Before the broadcast, in the sandbox over loopback with the harness's clock (task-apis.md
// sections 8-11; decisions in src/server/sandbox.h): a test send's limits and TaskId, scheduled
// tasks dispatched at their time through push's checks and closed to changes afterwards, the
// app's attribute names changing what a push may name, and tags changing who a push reaches.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/schedule.h"
#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

int code_of(const Json& answer) { return answer.value("ErrorCode", -1); }

Json call(Harness& h, const std::string& api, const Json& body) {
  return h.push(body.dump(), h.good_params(), api);
}

int64_t reach(Harness& h, const Json& condition) {
  auto answer = h.post("/sandbox/reach", body_with(1, {{"Condition", condition}}));
  REQUIRE(answer);
  REQUIRE(answer->status == 200);
  return Json::parse(answer->body)["Users"].get<int64_t>();
}

int64_t total_of(Harness& h, const std::string& task_id) {
  Json body = {{"StartTime", h.now_s() - 7200}, {"EndTime", h.now_s()}, {"TaskID", {task_id}}};
  Json answer = call(h, "all_member_push_statistics", body);
  h.advance_ms(1000);  // the 1/s limit
  REQUIRE(code_of(answer) == 0);
  return answer["Results"][0]["TotalCount"].get<int64_t>();
}

Json add_task(Harness& h, int64_t at, const Json& push_patch = Json::object()) {
  Json push = Json::parse(body_with(77, push_patch));
  Json content = push;
  Json body = {{"Sdkappid", kAppId},
               {"Type", push.contains("Condition") ? "Tag" : "All"},
               {"SchedAt", core::format_sched_at(at)},
               {"Content", content}};
  return call(h, "add_sched_task", body);
}

Json get_task(Harness& h, int64_t id) {
  Json answer = call(h, "get_sched_task", {{"Sdkappid", kAppId}, {"TaskID", id}});
  REQUIRE(code_of(answer) == 0);
  return answer["TaskInfo"];
}

}  // namespace

TEST_CASE("test send: 1..500 accounts, a batch_ TaskId, delivery followed like a push") {
  Harness h;
  std::vector<std::string> accounts;
  for (int i = 1; i <= 500; ++i) accounts.push_back("user" + std::to_string(i));
  Json answer = h.push(body_with(1, {{"To_Account", accounts}}), h.good_params(), "batch");
  REQUIRE(code_of(answer) == 0);
  const std::string task = answer["TaskId"].get<std::string>();
  CHECK(task.rfind("batch_", 0) == 0);  // task-apis.md section 1
  accounts.push_back("user501");
  h.advance_ms(200);
  CHECK(code_of(h.push(body_with(2, {{"To_Account", accounts}}), h.good_params(), "batch")) == 90018);
  CHECK(code_of(h.push(body_with(3, {{"To_Account", Json::array()}}), h.good_params(), "batch")) == 70402);
  h.advance_ms(60000);
  // Every account of the 500 is a world user with one or two devices.
  const int64_t total = total_of(h, task);
  CHECK(total >= 500);
  CHECK(total <= 1000);
}

TEST_CASE("a scheduled task is pushed at its time, then can be neither modified nor deleted") {
  Harness h;
  const int64_t at = h.now_s() + 120;
  Json added = add_task(h, at, {{"Condition", {{"TagsOr", {"股票A"}}}}});
  REQUIRE(code_of(added) == 0);
  const int64_t id = added["TaskID"].get<int64_t>();
  CHECK(id > 0);
  Json info = get_task(h, id);
  CHECK(info["Status"] == "pending");
  CHECK(info["SchedAt"] == core::format_sched_at(at));
  CHECK(info["PushTaskID"] == "");
  CHECK(info["DispatchSuccess"] == 0);

  h.advance_ms(118000);
  CHECK(get_task(h, id)["Status"] == "pending");
  h.advance_ms(3000);  // past SchedAt
  info = get_task(h, id);
  CHECK(info["Status"] == "dispatched");
  CHECK(info["DispatchSuccess"] == 1);
  const std::string push_id = info["PushTaskID"].get<std::string>();
  REQUIRE_FALSE(push_id.empty());
  // The push was made at SchedAt, not when it was looked at.
  auto tasks = h.get("/sandbox/tasks");
  REQUIRE(tasks);
  Json list = Json::parse(tasks->body);
  REQUIRE(list["total"] == 1);
  CHECK(list["tasks"][0]["TaskId"] == push_id);
  CHECK(list["tasks"][0]["Time"] == at);
  h.advance_ms(60000);
  CHECK(total_of(h, push_id) > 0);

  Json modify = {{"Sdkappid", kAppId}, {"TaskID", id}, {"Type", "Tag"},
                 {"SchedAt", core::format_sched_at(h.now_s() + 600)}};
  Json refused = call(h, "modify_sched_task", modify);
  CHECK(code_of(refused) == 90107);
  CHECK(refused["ErrorInfo"].get<std::string>().find("dispatched") != std::string::npos);
  Json deleted = call(h, "delete_sched_task", {{"Sdkappid", kAppId}, {"TaskID", id}, {"Type", "Tag"}});
  CHECK(code_of(deleted) == 90107);
  CHECK(deleted["TaskID"] == 0);
}

TEST_CASE("a pending task is modified and deleted; the documented 90104 refusals") {
  Harness h;
  const int64_t id = add_task(h, h.now_s() + 300)["TaskID"].get<int64_t>();
  h.advance_ms(1000);
  Json moved = call(h, "modify_sched_task", {{"Sdkappid", kAppId}, {"TaskID", id}, {"Type", "All"},
                                             {"SchedAt", core::format_sched_at(h.now_s() + 900)}});
  CHECK(code_of(moved) == 0);
  CHECK(moved["TaskID"] == id);
  CHECK(get_task(h, id)["SchedAt"] == core::format_sched_at(h.now_s() + 900));
  h.advance_ms(1000);
  // Type differs from creation; Sdkappid not the URL's; a time in the past.
  CHECK(code_of(call(h, "modify_sched_task", {{"Sdkappid", kAppId}, {"TaskID", id}, {"Type", "Tag"},
                                              {"SchedAt", core::format_sched_at(h.now_s() + 900)}})) == 90104);
  CHECK(code_of(call(h, "get_sched_task", {{"Sdkappid", kAppId + 1}, {"TaskID", id}})) == 90104);
  h.advance_ms(1000);
  CHECK(code_of(add_task(h, h.now_s() - 10)) == 90104);
  // A Tag task without a Condition does not fit its Type.
  CHECK(code_of(call(h, "add_sched_task", {{"Sdkappid", kAppId}, {"Type", "Tag"},
                                           {"SchedAt", core::format_sched_at(h.now_s() + 300)},
                                           {"Content", Json::parse(body_with(5))}})) == 90104);
  h.advance_ms(1000);
  Json list = call(h, "list_sched_task", {{"Sdkappid", kAppId}, {"Offset", 0}, {"Want", 20}, {"OrderBy", "schedAt"},
                                          {"Asc", false}, {"BeginTime", core::format_sched_at(h.now_s())},
                                          {"EndTime", core::format_sched_at(h.now_s() + 86400)}});
  REQUIRE(code_of(list) == 0);
  CHECK(list["Total"] == 1);
  CHECK(list["Tasks"][0]["TaskID"] == id);
  CHECK(code_of(call(h, "list_sched_task", {{"Sdkappid", kAppId}, {"Offset", 0}, {"Want", 0}, {"OrderBy", "schedAt"},
                                            {"Asc", false}, {"BeginTime", "2026-01-01 00:00:00"},
                                            {"EndTime", "2026-01-02 00:00:00"}})) == 90104);
  CHECK(code_of(call(h, "delete_sched_task", {{"Sdkappid", kAppId}, {"TaskID", id}, {"Type", "All"}})) == 0);
  h.advance_ms(1000);
  CHECK(code_of(call(h, "get_sched_task", {{"Sdkappid", kAppId}, {"TaskID", id}})) == 90104);
}

TEST_CASE("a due task takes its slot, waits out the 1 s spacing, and fails on a used-up quota") {
  HarnessOptions options;
  options.daily_quota = 3;
  Harness h(options);
  const int64_t t1 = h.now_s() + 60;
  const int64_t a = add_task(h, t1)["TaskID"].get<int64_t>();
  h.advance_ms(t1 * 1000 - h.now_ms());
  // The task was due first, so it went out at t1 and this push is 0 ms after it.
  CHECK(code_of(h.push(body_with(9))) == 90024);
  CHECK(get_task(h, a)["Status"] == "dispatched");

  const int64_t t2 = h.now_s() + 60;
  const int64_t b = add_task(h, t2, {{"MsgRandom", 78}})["TaskID"].get<int64_t>();
  h.advance_ms(t2 * 1000 - 500 - h.now_ms());
  REQUIRE(code_of(h.push(body_with(10))) == 0);  // half a second before t2
  h.advance_ms(700);                             // t2 + 0.2 s: due, but within the spacing
  CHECK(get_task(h, b)["Status"] == "dispatching");
  h.advance_ms(400);  // t2 + 0.6 s: it went out at t2 + 0.5 s
  CHECK(get_task(h, b)["Status"] == "dispatched");

  // Three pushes used the quota of 3.
  const int64_t t3 = h.now_s() + 60;
  const int64_t c = add_task(h, t3, {{"MsgRandom", 79}})["TaskID"].get<int64_t>();
  h.advance_ms(61000);
  Json info = get_task(h, c);
  CHECK(info["Status"] == "failed");
  CHECK(info["DispatchSuccess"] == 0);
  CHECK(info["DispatchErr"].get<std::string>().rfind("90047", 0) == 0);
  CHECK(info["PushTaskID"] == "");
}

TEST_CASE("attribute names decide what a push may name (90033), and set_attr who it reaches") {
  Harness h;
  Json names = call(h, "get_attr_name", Json::object());
  REQUIRE(code_of(names) == 0);
  CHECK(names["AttrNames"]["0"] == "会员等级");
  const std::string vip_push = body_with(1, {{"Condition", {{"AttrsAnd", {{"vip", "yes"}}}}}});
  CHECK(code_of(h.push(vip_push)) == 90033);
  CHECK(code_of(call(h, "set_attr", {{"UserAttrs", {{{"To_Account", "user1"}, {"Attrs", {{"vip", "yes"}}}}}}})) == 0);
  CHECK(call(h, "set_attr", {{"UserAttrs", {{{"To_Account", "user1"}, {"Attrs", {{"vip", "yes"}}}}}}})["ErrorList"][0]["ErrorCode"] == 90033);
  REQUIRE(code_of(call(h, "set_attr_name", {{"AttrNames", {{"3", "vip"}}}})) == 0);
  CHECK(call(h, "get_attr_name", Json::object())["AttrNames"]["3"] == "vip");
  CHECK(reach(h, {{"AttrsAnd", {{"vip", "yes"}}}}) == 0);
  Json set = call(h, "set_attr", {{"UserAttrs", {{{"To_Account", "user1"}, {"Attrs", {{"vip", "yes"}}}},
                                                 {{"To_Account", "nobody"}, {"Attrs", {{"vip", "yes"}}}}}}});
  REQUIRE(code_of(set) == 0);
  CHECK(set["ErrorList"][0]["To_Account"] == "nobody");
  CHECK(set["ErrorList"][0]["ErrorCode"] == 70107);
  CHECK(reach(h, {{"AttrsAnd", {{"vip", "yes"}}}}) == 1);
  Json got = call(h, "get_attr", {{"To_Account", {"user1"}}});
  CHECK(got["UserAttrs"][0]["Attrs"]["vip"] == "yes");
  CHECK(code_of(h.push(vip_push)) == 0);
  // The rules of set_attr_name: repeats and slot keys 90033, a changed account type 90035.
  CHECK(code_of(call(h, "set_attr_name", {{"AttrNames", {{"4", "vip"}}}})) == 90033);
  CHECK(code_of(call(h, "set_attr_name", {{"AttrNames", {{"10", "x"}}}})) == 90033);
  CHECK(code_of(call(h, "set_attr_name", {{"AttrNames", {{"5", std::string(51, 'n')}}}})) == 90033);
  CHECK(code_of(call(h, "set_attr_name", {{"AttrNames", {{"3", "vip"}}}, {"AttrTypes", {{"3", 1}}}})) == 90035);
  CHECK(code_of(call(h, "remove_attr", {{"UserAttrs", {{{"To_Account", "user1"}, {"Attrs", {"vip"}}}}}})) == 0);
  CHECK(reach(h, {{"AttrsAnd", {{"vip", "yes"}}}}) == 0);
}

TEST_CASE("tags change who a tag push reaches; an earlier push keeps its audience") {
  Harness h;
  const Json condition = {{"TagsOr", {"内测"}}};
  CHECK(reach(h, condition) == 0);
  Json added = call(h, "add_tag", {{"Replace", 0}, {"UserTags", {{{"To_Account", "user1"}, {"Tags", {"内测"}}},
                                                                 {{"To_Account", "user2"}, {"Tags", {"内测"}}},
                                                                 {{"To_Account", "ghost"}, {"Tags", {"内测"}}}}}});
  REQUIRE(code_of(added) == 0);
  CHECK(added["ErrorList"].size() == 1);
  CHECK(added["ErrorList"][0]["ErrorCode"] == 70107);
  CHECK(reach(h, condition) == 2);
  Json push = h.push(body_with(1, {{"Condition", condition}}));
  REQUIRE(code_of(push) == 0);
  const std::string task = push["TaskId"].get<std::string>();
  Json tags = call(h, "get_tag", {{"To_Account", {"user1"}}});
  const auto& list = tags["UserTags"][0]["Tags"];
  CHECK(std::find(list.begin(), list.end(), "内测") != list.end());

  CHECK(code_of(call(h, "remove_tag", {{"UserTags", {{{"To_Account", "user2"}, {"Tags", {"内测"}}}}}})) == 0);
  CHECK(reach(h, condition) == 1);
  CHECK(code_of(call(h, "clear_all_tags", {{"To_Account", {"user1"}}})) == 0);
  CHECK(reach(h, condition) == 0);
  CHECK(call(h, "get_tag", {{"To_Account", {"user1"}}})["UserTags"][0]["Tags"].empty());
  h.advance_ms(60000);
  const int64_t total = total_of(h, task);  // user1's and user2's devices, fixed at the push
  CHECK(total >= 2);
  CHECK(total <= 4);
  // The limits: 11 tags in one add, an empty tag, more than 100 accounts.
  std::vector<std::string> eleven(11, "t");
  for (int i = 0; i < 11; ++i) eleven[static_cast<size_t>(i)] += std::to_string(i);
  CHECK(code_of(call(h, "add_tag", {{"UserTags", {{{"To_Account", "user1"}, {"Tags", eleven}}}}})) == 90032);
  CHECK(code_of(call(h, "add_tag", {{"UserTags", {{{"To_Account", "user1"}, {"Tags", {""}}}}}})) == 90040);
  std::vector<std::string> many;
  for (int i = 1; i <= 101; ++i) many.push_back("user" + std::to_string(i));
  CHECK(code_of(call(h, "get_tag", {{"To_Account", many}})) == 90018);
}

TEST_CASE("scheduled-task APIs: at most 5 calls a second each (60018)") {
  Harness h;
  for (int i = 0; i < 5; ++i) CHECK(code_of(call(h, "get_sched_task", {{"Sdkappid", kAppId}, {"TaskID", 1}})) == 90104);
  CHECK(code_of(call(h, "get_sched_task", {{"Sdkappid", kAppId}, {"TaskID", 1}})) == 60018);
  h.advance_ms(1000);
  CHECK(code_of(call(h, "get_sched_task", {{"Sdkappid", kAppId}, {"TaskID", 1}})) == 90104);
}

TEST_CASE("a User task goes out at its time as a test send, to exactly its accounts' devices") {
  HarnessOptions options;
  options.daily_quota = 1;
  Harness h(options);
  const int64_t at = h.now_s() + 120;
  const std::vector<std::string> to{"user3", "user7"};
  Json added = call(h, "add_sched_task", core::add_user_sched_body(kAppId, at, Json::parse(body_with(80)), to, kAdmin));
  REQUIRE(code_of(added) == 0);
  const int64_t id = added["TaskID"].get<int64_t>();
  Json info = get_task(h, id);
  CHECK(info["Type"] == "User");
  CHECK(info["Status"] == "pending");
  CHECK(info["Content"]["To_Account"] == Json(to));

  // A User Content must name its accounts; a modify keeps Type User.
  Json no_accounts = {{"Sdkappid", kAppId}, {"TaskID", id}, {"Type", "User"}, {"Content", Json::parse(body_with(80))}};
  CHECK(code_of(call(h, "modify_sched_task", no_accounts)) == 90104);
  h.advance_ms(1000);
  CHECK(code_of(call(h, "modify_sched_task", {{"Sdkappid", kAppId}, {"TaskID", id}, {"Type", "Tag"},
                                               {"SchedAt", core::format_sched_at(at)}})) == 90104);

  // The day's one push, half a second before SchedAt: a test send waits for neither the spacing
  // nor the quota.
  h.advance_ms(at * 1000 - 500 - h.now_ms());
  REQUIRE(code_of(h.push(body_with(81, {{"Condition", {{"TagsOr", {"股票A"}}}}}))) == 0);
  h.advance_ms(400);
  CHECK(get_task(h, id)["Status"] == "pending");
  h.advance_ms(200);  // SchedAt + 0.1 s
  info = get_task(h, id);
  CHECK(info["Status"] == "dispatched");
  CHECK(info["DispatchSuccess"] == 1);
  const std::string push_id = info["PushTaskID"].get<std::string>();
  CHECK(push_id.rfind("batch_", 0) == 0);  // a test send's TaskId (task-apis.md section 1)
  auto tasks = h.get("/sandbox/tasks");
  REQUIRE(tasks);
  Json list = Json::parse(tasks->body);
  REQUIRE(list["total"] == 2);
  CHECK(list["tasks"][1]["TaskId"] == push_id);
  CHECK(list["tasks"][1]["Time"] == at);  // at its time, not when it was looked at

  h.advance_ms(61000);
  auto devices = [&](const std::string& task, const std::string& user) {
    Json answer = call(h, "all_member_push_trace", {{"TaskID", task}, {"UserID", user}});
    h.advance_ms(1000);  // the 1/s limit
    REQUIRE(code_of(answer) == 0);
    return answer["InstanceTrace"].size();
  };
  const size_t reached = devices(push_id, "user3") + devices(push_id, "user7");
  CHECK(devices(push_id, "user3") > 0);
  CHECK(devices(push_id, "user7") > 0);
  for (const char* other : {"user1", "user4", "user2000"}) CHECK(devices(push_id, other) == 0);
  // The same devices as a test send made now to the same accounts.
  Json batch = h.push(body_with(82, {{"To_Account", to}}), h.good_params(), "batch");
  REQUIRE(code_of(batch) == 0);
  h.advance_ms(61000);
  const std::string batch_id = batch["TaskId"].get<std::string>();
  CHECK(devices(batch_id, "user3") + devices(batch_id, "user7") == reached);
  CHECK(total_of(h, push_id) == total_of(h, batch_id));
}
