// The composer's test send and schedule and the Schedules place (src/ui/sched_flow.h) driven on
// an AppState with no ImGui frame: the batch body and URL in test-send mode with the send guard's
// spacing and no all-user confirmation, the accounts kept per app, a local time read in the
// browser's zone and sent as UTC, the window refused at the field, add, list, modify with its
// fixed Type, delete, and Follow on a dispatched task's push.
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "harness.h"
#include "ui/app_state.h"
#include "ui/derive.h"
#include "ui/follow_flow.h"
#include "ui/sched_flow.h"
#include "ui/send_flow.h"

using namespace timpush;

namespace {

const char* const everyone = R"({"MsgRandom":11,"OfflinePushInfo":{"Title":"Sale","Desc":"d"}})";
const char* const tagged = R"({"MsgRandom":12,"Condition":{"TagsOr":["vip"]},"OfflinePushInfo":{"Title":"Sale","Desc":"d"}})";

ui::AppState ready_state(const std::string& body) {
  ui::AppState s;
  s.origin = "http://127.0.0.1:8080";
  s.creds.kind = ui::TargetKind::sandbox;
  s.creds.sdkappid = "1400000000";
  s.creds.identifier = "administrator";
  s.creds.secret_key = "Zq9-demo-SECRET-k3y-771";
  s.input.now_unix = 1'764'547'200;  // 2025-12-01 00:00:00 UTC
  s.input.now_seconds = 100;
  s.input.fresh_random = 0x1234u;
  s.input.screen.utc_offset_minutes = 480;  // the browser is in UTC+8
  ui::load_body(s, body);
  ui::refresh_derived(s);
  return s;
}

void advance(ui::AppState& s, double seconds) {
  s.input.now_seconds += seconds;
  s.input.now_unix += static_cast<int64_t>(seconds);
  s.input.fresh_random = s.input.fresh_random * 1103515245u + 12345u;
  ui::refresh_derived(s);
}

// The requests of the frame, taken.
std::vector<ui::HttpRequest> take(ui::AppState& s) {
  std::vector<ui::HttpRequest> out = std::move(s.out.http);
  s.out.http.clear();
  return out;
}

Json body_of(const ui::HttpRequest& r) { return core::parse_json(r.body); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void type_accounts(ui::AppState& s, const std::string& text) {
  s.sched.accounts = text;
  ui::accounts_edited(s);
  mark_edited(s);
  ui::refresh_derived(s);
}

void type_time(ui::AppState& s, const std::string& text) {
  s.sched.at_text = text;
  ui::time_edited(s);
  ui::refresh_derived(s);
}

const char* const batch_ok = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"batch_667015d4_1_2_3_4"})";

}  // namespace

TEST_CASE("test send: the batch body and URL, its own checks, no all-user confirmation, the 1 s spacing, labelled in History") {
  ui::AppState s = ready_state(everyone);
  ui::set_send_mode(s, ui::SendMode::test);
  type_accounts(s, "user1, user2，user1");
  // parse_accounts' duplicate (local code 36) blocks, and Checks has validate_batch's verdict.
  REQUIRE(s.sched.parsed.issues.size() == 1);
  CHECK(s.sched.parsed.issues[0].code == 36);
  CHECK(ui::send_blocker(s).has_value());
  CHECK(s.derived.error_count >= 1);

  type_accounts(s, "user1 user2");
  CHECK_FALSE(ui::send_blocker(s).has_value());
  const Json preview = core::parse_json(s.derived.body);
  CHECK(preview["To_Account"] == Json::array({"user1", "user2"}));
  CHECK(preview["From_Account"] == "administrator");
  CHECK(preview["MsgRandom"] == 11);
  CHECK(preview["OfflinePushInfo"]["Title"] == "Sale");
  CHECK_FALSE(preview.contains("Condition"));
  CHECK(has(ui::preview_url(s, false), "/v4/timpush/batch?"));
  // The push reaches every user, yet the test send goes at once: no confirmation.
  REQUIRE(ui::start_send(s));
  CHECK_FALSE(s.view.confirm_open);
  auto sent = take(s);
  REQUIRE(sent.size() == 1);
  CHECK(has(sent[0].url, "/v4/timpush/batch?"));
  CHECK(body_of(sent[0])["To_Account"] == Json::array({"user1", "user2"}));
  ui::handle_send_result(s, ui::HttpResult{sent[0].id, 200, "OK", batch_ok, false});
  REQUIRE(s.keep.history.entries.size() == 1);
  CHECK(s.keep.history.entries.back().api == "v4/timpush/batch");
  CHECK(s.keep.history.entries.back().task_id == "batch_667015d4_1_2_3_4");
  // The send guard's spacing holds for a test send too.
  advance(s, 0.5);
  CHECK(ui::send_blocker(s).has_value());
  advance(s, 0.6);
  CHECK_FALSE(ui::send_blocker(s).has_value());
  // Its TaskId can be followed.
  ui::follow_task(s, s.keep.history.entries.back().task_id);
  CHECK(s.screen.nav.here().view == ui::View::follow);
  // Back to a push: the push body and URL again.
  ui::set_send_mode(s, ui::SendMode::push);
  ui::refresh_derived(s);
  CHECK_FALSE(core::parse_json(s.derived.body).contains("To_Account"));
  CHECK(has(ui::preview_url(s, false), "/v4/timpush/push?"));
}

TEST_CASE("test-send accounts are kept per app in the device's storage, never with the key") {
  ui::AppState s = ready_state(tagged);
  s.sched.stored = R"({"1400000001":"alice bob"})";
  ui::set_send_mode(s, ui::SendMode::test);
  CHECK(s.sched.accounts.empty());
  type_accounts(s, "user7");
  REQUIRE_FALSE(s.out.storage.empty());
  const ui::StorageWrite& w = s.out.storage.back();
  CHECK(w.key == "timpush.test_accounts");
  REQUIRE(w.value);
  const Json kept = core::parse_json(*w.value);
  CHECK(kept["1400000000"] == "user7");
  CHECK(kept["1400000001"] == "alice bob");
  CHECK_FALSE(has(*w.value, s.creds.secret_key));
  // Another app's accounts come back when its SDKAppID is typed, and this one's after it.
  s.creds.sdkappid = "1400000001";
  mark_edited(s);
  ui::refresh_derived(s);
  CHECK(s.sched.accounts == "alice bob");
  s.creds.sdkappid = "1400000000";
  mark_edited(s);
  ui::refresh_derived(s);
  CHECK(s.sched.accounts == "user7");
}

TEST_CASE("schedule: the local time read in the browser's zone, sent as UTC SchedAt, Type from the Condition") {
  ui::AppState s = ready_state(tagged);
  ui::set_send_mode(s, ui::SendMode::schedule);
  CHECK(s.sched.at.has_value());  // prefilled ten minutes ahead
  // 20:00 in UTC+8 is 12:00 UTC (worked by hand).
  type_time(s, "2025-12-01 20:00");
  CHECK_FALSE(ui::sched_field_problem(s).has_value());
  Json body = core::parse_json(s.derived.body);
  CHECK(body["SchedAt"] == "2025-12-01 12:00:00");
  CHECK(body["Type"] == "Tag");
  CHECK(body["Sdkappid"] == 1400000000u);
  CHECK(body["Content"]["Condition"]["TagsOr"] == Json::array({"vip"}));
  CHECK(has(ui::preview_url(s, false), "/v4/timpush/add_sched_task?"));

  // Refused at the field: the past, under a minute ahead, over 30 days ahead, not a time.
  for (const char* bad : {"2025-12-01 07:59", "2025-12-01 08:00", "2026-01-01 08:01", "tomorrow"}) {
    type_time(s, bad);
    CHECK_MESSAGE(ui::sched_field_problem(s).has_value(), bad);
    CHECK(ui::send_blocker(s).has_value());
  }
  type_time(s, "2025-12-01 08:02");  // two minutes ahead
  CHECK_FALSE(ui::sched_field_problem(s).has_value());
  REQUIRE(ui::start_schedule(s));
  auto sent = take(s);
  REQUIRE(sent.size() == 1);
  CHECK(has(sent[0].url, "/v4/timpush/add_sched_task?"));
  CHECK(body_of(sent[0])["SchedAt"] == "2025-12-01 00:02:00");
  CHECK(ui::send_blocker(s).has_value());  // one at a time

  ui::handle_sched_result(s, ui::HttpResult{sent[0].id, 200, "OK",
                                            R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskID":1000000001})", false});
  CHECK(s.sched.mode == ui::SendMode::push);
  CHECK(s.screen.nav.here().view == ui::View::schedules);
  auto listed = take(s);
  REQUIRE(listed.size() == 1);
  CHECK(has(listed[0].url, "/v4/timpush/list_sched_task?"));
  const Json query = body_of(listed[0]);
  CHECK(query["Sdkappid"] == 1400000000u);
  CHECK(query["OrderBy"] == "schedAt");
}

TEST_CASE("schedule of a push to every user asks for the SDKAppID first") {
  ui::AppState s = ready_state(everyone);
  ui::set_send_mode(s, ui::SendMode::schedule);
  type_time(s, "2025-12-01 09:00");
  CHECK(core::parse_json(s.derived.body)["Type"] == "All");
  REQUIRE(ui::start_schedule(s));
  CHECK(s.view.confirm_open);
  CHECK(take(s).empty());
  s.view.confirm_typed = "1400000000";
  REQUIRE(ui::start_schedule(s));
  CHECK(take(s).size() == 1);
}

namespace {

const char* const listed_answer = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"Total":2,"Tasks":[
  {"TaskID":1000000002,"Type":"Tag","SchedAt":"2025-12-01 00:05:00","Status":"pending","PushTaskID":""},
  {"TaskID":1000000001,"Type":"All","SchedAt":"2025-11-30 23:00:00","Status":"dispatched","PushTaskID":"667015d4_1_2_3_4"}]})";
const char* const got_answer = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskInfo":{"TaskID":1000000002,"Type":"Tag",
  "SchedAt":"2025-12-01 00:05:00","Status":"pending","Content":{"From_Account":"administrator","MsgRandom":12,
  "Condition":{"TagsOr":["vip"]},"OfflinePushInfo":{"Title":"Old","Desc":"d"}}}})";

}  // namespace

TEST_CASE("Schedules: a pending task opens into the composer to modify, its Type fixed; delete; Follow a dispatched one") {
  ui::AppState s = ready_state(everyone);
  ui::list_schedules(s);
  auto list = take(s);
  REQUIRE(list.size() == 1);
  ui::handle_sched_result(s, ui::HttpResult{list[0].id, 200, "OK", listed_answer, false});
  REQUIRE(s.sched.tasks.size() == 2);
  CHECK(ui::local_time_of(s, s.sched.tasks[0].sched_at) == "2025-12-01 08:05:00");  // UTC+8

  ui::open_schedule(s, 1000000002);
  auto get = take(s);
  REQUIRE(get.size() == 1);
  CHECK(has(get[0].url, "/v4/timpush/get_sched_task?"));
  CHECK(body_of(get[0])["TaskID"] == 1000000002);
  ui::handle_sched_result(s, ui::HttpResult{get[0].id, 200, "OK", got_answer, false});
  CHECK(s.screen.nav.here().view == ui::View::compose);
  CHECK(s.sched.mode == ui::SendMode::schedule);
  REQUIRE(s.sched.modifying == 1000000002);
  CHECK(s.sched.at_text == "2025-12-01 08:05");
  REQUIRE(s.request.offline_push_info);
  CHECK(s.request.offline_push_info->title == "Old");
  ui::refresh_derived(s);
  CHECK(has(ui::preview_url(s, false), "/v4/timpush/modify_sched_task?"));

  // Type cannot change: the push made to reach everyone would be All.
  ui::set_audience(s, ui::Audience::all);
  ui::refresh_derived(s);
  REQUIRE(ui::sched_field_problem(s).has_value());
  CHECK(has(ui::sched_field_problem(s)->en, "Type cannot change"));
  CHECK(ui::send_blocker(s).has_value());
  ui::load_body(s, tagged);
  type_time(s, "2025-12-01 08:30");
  CHECK_FALSE(ui::send_blocker(s).has_value());
  REQUIRE(ui::start_schedule(s));
  auto modify = take(s);
  REQUIRE(modify.size() == 1);
  const Json m = body_of(modify[0]);
  CHECK(m["TaskID"] == 1000000002);
  CHECK(m["Type"] == "Tag");
  CHECK(m["SchedAt"] == "2025-12-01 00:30:00");
  ui::handle_sched_result(s, ui::HttpResult{modify[0].id, 200, "OK",
                                            R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskID":1000000002})", false});
  CHECK_FALSE(s.sched.modifying.has_value());
  CHECK(s.screen.nav.here().view == ui::View::schedules);
  take(s);

  ui::delete_schedule(s, s.sched.tasks[0]);
  auto del = take(s);
  REQUIRE(del.size() == 1);
  CHECK(has(del[0].url, "/v4/timpush/delete_sched_task?"));
  CHECK(body_of(del[0]) == Json::parse(R"({"Sdkappid":1400000000,"TaskID":1000000002,"Type":"Tag"})"));
  // A refusal stays with the place, the list as it was.
  ui::handle_sched_result(s, ui::HttpResult{del[0].id, 200, "OK",
                                            R"({"ActionStatus":"FAIL","ErrorInfo":"modify failed: task dispatched","ErrorCode":90107,"TaskID":0})", false});
  REQUIRE(s.sched.action_answer.has_value());
  CHECK(s.sched.action_answer->error_code == 90107);

  ui::follow_task(s, s.sched.tasks[1].push_task_id);
  CHECK(s.screen.nav.here().view == ui::View::follow);
  REQUIRE(s.follow.tasks.size() == 1);
  CHECK(s.follow.tasks[0].task_id == "667015d4_1_2_3_4");
}

// The place itself, drawn by the App: it asks for the list once when opened, draws both times
// and the status in the UI's language, and asks nothing while it is closed.

TEST_CASE("the Schedules place lists when opened, shows both times, and asks nothing once closed") {
  ui::test::Harness h;
  h.input.screen.utc_offset_minutes = -300;  // UTC-5
  h.frames(2);
  h.answer_sandbox_app("Zq9-demo-SECRET-k3y-771");
  h.frames(2);
  h.input.screen.location = "#view=schedules";
  auto asked = h.frames(2);
  h.input.screen.location.reset();
  std::vector<ui::HttpRequest> lists;
  for (const auto& r : asked)
    if (has(r.url, "/v4/timpush/list_sched_task?")) lists.push_back(r);
  REQUIRE(lists.size() == 1);
  h.app.on_http_result(ui::HttpResult{lists[0].id, 200, "OK", listed_answer, false});
  h.frames(2);
  CHECK(has(h.drawn, "Task 1000000002"));
  CHECK(has(h.drawn, "pending"));
  CHECK(has(h.drawn, "local 2025-11-30 19:05:00"));  // 00:05 UTC is 19:05 the day before in UTC-5
  CHECK(has(h.drawn, "UTC 2025-12-01 00:05:00"));
  CHECK(has(h.drawn, "push TaskId 667015d4_1_2_3_4"));
  h.state.lang = ui::Lang::zh;
  h.frames(2);
  CHECK(has(h.drawn, "待执行"));
  CHECK(has(h.drawn, "已调度完成"));
  h.state.lang = ui::Lang::en;

  h.input.screen.location = "#view=history";
  auto closed = h.frames(3);
  h.input.screen.location.reset();
  for (int i = 0; i < 5; ++i) {
    h.input.now_seconds += 10;
    auto more = h.frames(1);
    closed.insert(closed.end(), more.begin(), more.end());
  }
  for (const auto& r : closed) CHECK_FALSE(has(r.url, "sched_task"));
}

TEST_CASE("schedule to the test accounts: Type User with To_Account, the accounts' rules, no all-user confirmation; reopened with its accounts") {
  ui::AppState s = ready_state(tagged);
  ui::set_send_mode(s, ui::SendMode::schedule);
  ui::set_sched_to_accounts(s, true);
  type_accounts(s, "user1, user1");
  type_time(s, "2025-12-01 09:00");
  CHECK(ui::sched_task_type(s) == core::SchedType::user);
  CHECK(ui::send_blocker(s).has_value());  // the repeat (local code 36)
  bool repeat = false;
  for (const auto& issue : s.derived.report.issues) repeat |= issue.code == 36 && issue.pointer == "/To_Account/1";
  CHECK(repeat);

  type_accounts(s, "user1, user2");
  CHECK_FALSE(ui::send_blocker(s).has_value());
  Json body = core::parse_json(s.derived.body);
  CHECK(body["Type"] == "User");
  CHECK(body["SchedAt"] == "2025-12-01 01:00:00");
  CHECK(body["Content"]["To_Account"] == Json::array({"user1", "user2"}));
  CHECK_FALSE(body["Content"].contains("Condition"));  // the accounts are the audience
  CHECK(body["Content"]["MsgRandom"] == 12);
  // A push that would reach everyone is still sent to the accounts only: no confirmation.
  ui::set_audience(s, ui::Audience::all);
  ui::refresh_derived(s);
  REQUIRE(ui::start_schedule(s));
  CHECK_FALSE(s.view.confirm_open);
  auto sent = take(s);
  REQUIRE(sent.size() == 1);
  CHECK(has(sent[0].url, "/v4/timpush/add_sched_task?"));
  CHECK(body_of(sent[0])["Type"] == "User");
  ui::handle_sched_result(s, ui::HttpResult{sent[0].id, 200, "OK",
                                            R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskID":1000000003})", false});
  take(s);

  // Opened from Schedules, a User task comes back in that mode with its own accounts.
  ui::AppState o = ready_state(tagged);
  ui::open_schedule(o, 1000000003);
  auto get = take(o);
  REQUIRE(get.size() == 1);
  ui::handle_sched_result(o, ui::HttpResult{get[0].id, 200, "OK", R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,
    "TaskInfo":{"TaskID":1000000003,"Type":"User","SchedAt":"2025-12-01 01:00:00","Status":"pending","Content":{
    "From_Account":"administrator","To_Account":["user8","user9"],"MsgRandom":12,"OfflinePushInfo":{"Title":"Old","Desc":"d"}}}})", false});
  CHECK(o.sched.mode == ui::SendMode::schedule);
  CHECK(o.sched.to_accounts);
  CHECK(o.sched.accounts == "user8, user9");
  ui::refresh_derived(o);
  CHECK(ui::sched_task_type(o) == core::SchedType::user);
  CHECK_FALSE(ui::sched_field_problem(o).has_value());
  Json m = core::parse_json(o.derived.body);
  CHECK(m["Type"] == "User");
  CHECK(m["TaskID"] == 1000000003);
  CHECK(m["Content"]["To_Account"] == Json::array({"user8", "user9"}));
  // Type cannot change: back to the Condition is refused at the field.
  ui::set_sched_to_accounts(o, false);
  ui::refresh_derived(o);
  REQUIRE(ui::sched_field_problem(o).has_value());
  CHECK(has(ui::sched_field_problem(o)->en, "Type cannot change"));
}
