// The Follow place's flow (src/ui/follow_flow.h) driven on an AppState with no ImGui frame:
// Follow on a push from the history, the 5-TaskId limit refused at the field, the rounds of
// statistics and loss sent where the push went with its UserSig, asked again on the clock and
// stopped by two equal answers, and revoke's body with the replacement text.
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "ui/app_state.h"
#include "ui/derive.h"
#include "ui/follow_flow.h"

using namespace timpush;

namespace {

const char* const task = "667015d4_537529d8_2000005e80aa873_d03ac87_56f5e750";

ui::AppState ready_state() {
  ui::AppState s;
  s.origin = "http://127.0.0.1:8080";
  s.creds.kind = ui::TargetKind::sandbox;
  s.creds.sdkappid = "1400000000";
  s.creds.identifier = "administrator";
  s.creds.secret_key = "Zq9-demo-SECRET-k3y-771";
  s.input.now_unix = 1'718'621'700;  // 48 s after the TaskId's time
  s.input.now_seconds = 100;
  s.input.fresh_random = 0x1234u;
  ui::refresh_derived(s);
  core::HistoryEntry sent;
  sent.time = 1'718'621'660;
  sent.task_id = task;
  sent.request_body = R"({"MsgRandom":1,"OfflinePushInfo":{"Title":"Sale","Desc":"Half price today"}})";
  s.keep.history.entries.push_back(sent);
  return s;
}

void advance(ui::AppState& s, double seconds) {
  s.input.now_seconds += seconds;
  s.input.now_unix += static_cast<int64_t>(seconds);
  s.input.fresh_random = s.input.fresh_random * 1103515245u + 12345u;
}

const char* const stats_answer =
    R"({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","Results":[{"TaskID":"t","TotalCount":9,"SentCount":8,"DeliveredCount":7,"ClickCount":1}]})";
const char* const loss_answer = R"({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","Results":[{"TaskID":"t"}]})";

// Answers every request of the frame; returns how many there were.
size_t answer_all(ui::AppState& s) {
  std::vector<ui::HttpRequest> out = std::move(s.out.http);
  s.out = ui::Intents{};
  for (const ui::HttpRequest& r : out) {
    const bool stats = r.url.find("all_member_push_statistics") != std::string::npos;
    ui::handle_follow_result(s, ui::HttpResult{r.id, 200, "OK", stats ? stats_answer : loss_answer, false});
  }
  return out.size();
}

}  // namespace

TEST_CASE("Follow on a push in the history opens its task with its send time and text; a 6th TaskId is refused") {
  ui::AppState s = ready_state();
  ui::follow_task(s, task);
  CHECK(s.screen.nav.here().view == ui::View::follow);
  REQUIRE(s.follow.tasks.size() == 1);
  CHECK(s.follow.tasks[0].sent_unix == 1'718'621'660);
  CHECK(s.follow.tasks[0].sent_from_history);
  CHECK(s.follow.tasks[0].title == "Sale");
  CHECK(s.follow.tasks[0].desc == "Half price today");
  s.follow.typed = task;
  CHECK_FALSE(ui::add_typed_task(s));
  CHECK(s.follow.refusal.en == ui::txt::follow_refused_twice.en);
  for (int i = 2; i <= 5; ++i) {
    s.follow.typed = "batch_" + std::to_string(i);
    CHECK(ui::add_typed_task(s));
  }
  s.follow.typed = "batch_6";
  CHECK_FALSE(ui::add_typed_task(s));
  CHECK(s.follow.refusal.en == ui::txt::follow_refused_six.en);
  CHECK(s.follow.tasks.size() == 5);
  CHECK(s.follow.typed == "batch_6");  // kept in the field, with the reason under it
}

TEST_CASE("rounds go where the push goes, at most 1 a second, and stop after two equal answers") {
  ui::AppState s = ready_state();
  ui::follow_task(s, task);
  ui::follow_tick(s);
  REQUIRE(s.out.http.size() == 2);
  for (const ui::HttpRequest& r : s.out.http) {
    CHECK(r.url.rfind("http://127.0.0.1:8080/sandbox/v4/timpush/all_member_push_", 0) == 0);
    CHECK(r.url.find("usersig=" + s.derived.usersig) != std::string::npos);
    CHECK(r.body.find(task) != std::string::npos);
  }
  CHECK(s.out.http[0].url != s.out.http[1].url);  // a fresh `random` each
  CHECK(answer_all(s) == 2);
  ui::follow_tick(s);
  CHECK(s.out.http.empty());  // not yet: the policy waits
  CHECK(s.out.wake_after_ms >= 1000);  // and asks the page to wake for it instead of drawing
  advance(s, 0.5);
  ui::follow_tick(s);
  CHECK(s.out.http.empty());
  advance(s, 3);
  s.out = ui::Intents{};
  ui::follow_tick(s);
  CHECK(answer_all(s) == 2);  // the second answer equals the first: settled
  CHECK(s.follow.refresh.stop == core::RefreshStop::settled);
  advance(s, 10);
  ui::follow_tick(s);
  CHECK(s.out.http.empty());
  CHECK(s.out.wake_after_ms == -1);
  ui::refresh_now(s);
  ui::follow_tick(s);
  CHECK(s.out.http.size() == 2);  // Refresh always asks
}

TEST_CASE("a push the service sent after this page's clock still falls inside the rounds' window") {
  ui::AppState s = ready_state();
  // The page's clock 10 minutes behind the service's (or a sandbox moved forward): the TaskId's
  // own time (0x667015d4 = 1718621652) is later than "now".
  s.input.now_unix = 1'718'621'652 - 600;
  ui::follow_task(s, task);
  ui::follow_tick(s);
  REQUIRE(s.out.http.size() == 2);
  for (const ui::HttpRequest& r : s.out.http) {
    const Json body = core::parse_json(r.body);
    CHECK(body.at("EndTime").get<int64_t>() >= 1'718'621'652);
    CHECK(body.at("StartTime").get<int64_t>() <= 1'718'621'652);
  }
}

TEST_CASE("revoke carries the TaskId and the replacement OfflinePushInfo, and needs some text") {
  ui::AppState s = ready_state();
  ui::follow_task(s, task);
  s.follow.revoke_title.clear();
  s.follow.revoke_desc.clear();
  CHECK(ui::revoke_blocker(s));
  s.follow.revoke_title = "Sale";
  s.follow.revoke_desc = "Withdrawn";
  CHECK_FALSE(ui::revoke_blocker(s));
  ui::ask_revoke(s);
  REQUIRE(s.out.http.size() == 1);
  CHECK(s.out.http[0].url.find("/sandbox/v4/timpush/revoke?") != std::string::npos);
  // task-apis.md section 7: revoke spells it TaskId and requires OfflinePushInfo.
  const Json body = core::parse_json(s.out.http[0].body);
  CHECK(core::get_string(body, "TaskId") == task);
  REQUIRE(core::find_member(body, "OfflinePushInfo"));
  CHECK(core::get_string(*core::find_member(body, "OfflinePushInfo"), "Title") == "Sale");
  CHECK(core::get_string(*core::find_member(body, "OfflinePushInfo"), "Desc") == "Withdrawn");
  CHECK(ui::revoke_blocker(s));  // one on its way
}
