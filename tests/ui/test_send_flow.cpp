// The send flow's pure parts (src/ui/send_flow.h) driven on an AppState with no ImGui frame:
// why Send is off, the all-user confirmation opening exactly when core's reaches_everyone says a
// body reaches every user, the retry that keeps MsgRandom after a failure whose fate is unknown,
// the client-side timeout, and the history record a finished send leaves.
#include <doctest/doctest.h>

#include <string>

#include "core/audience.h"
#include "core/push_request.h"
#include "ui/app_state.h"
#include "ui/derive.h"
#include "ui/send_flow.h"

using namespace timpush;

namespace {

const char* const origin = "http://127.0.0.1:8080";
const char* const app_text = "1400000000";
const char* const targeted = R"({"MsgRandom":11,"Condition":{"TagsOr":["a"]},"OfflinePushInfo":{"Desc":"d"}})";

// A form ready to send to the page's own sandbox (a host that never asks first), signed with a key.
ui::AppState ready_state(const std::string& body = targeted) {
  ui::AppState s;
  s.origin = origin;
  s.creds.kind = ui::TargetKind::sandbox;
  s.creds.sdkappid = app_text;
  s.creds.identifier = "administrator";
  s.creds.secret_key = "Zq9-demo-SECRET-k3y-771";
  s.input.now_unix = 1'764'547'200;  // 2025-12-01, inside the UserSig's validity
  s.input.now_seconds = 100;
  s.input.fresh_random = 0x1234u;
  ui::load_body(s, body);
  ui::refresh_derived(s);
  return s;
}

// The page's clock moving on, as the next frames bring it.
void advance(ui::AppState& s, double seconds) {
  s.input.now_seconds += seconds;
  s.input.now_unix += static_cast<int64_t>(seconds);
  s.input.fresh_random = s.input.fresh_random * 1103515245u + 12345u;
  ui::refresh_derived(s);
}

ui::HttpResult answer_to(const ui::HttpRequest& request, int status, const std::string& body) {
  return ui::HttpResult{request.id, status, "", body, false};
}

uint32_t msg_random_of(const std::string& body) {
  return core::parse_push_request(body).request->msg_random.value_or(0);
}

bool same_reason(const std::optional<ui::Text>& blocker, const ui::Text& expected) {
  return blocker && std::string(blocker->en) == expected.en;
}

const char* const ok_answer = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"task-1"})";

}  // namespace

TEST_CASE("send flow: each reason Send is off, and none once the form is complete") {
  ui::AppState s = ready_state();
  CHECK_FALSE(ui::send_blocker(s));

  ui::AppState no_origin = ready_state();
  no_origin.origin.clear();  // opened from a file: no sandbox behind the page
  ui::refresh_derived(no_origin);
  CHECK(same_reason(ui::send_blocker(no_origin), ui::txt::send_blocked_target));

  ui::AppState no_app = ready_state();
  no_app.creds.sdkappid = "0";  // not an SDKAppID (1..4294967295)
  ui::refresh_derived(no_app);
  CHECK(same_reason(ui::send_blocker(no_app), ui::txt::send_blocked_app));

  ui::AppState no_key = ready_state();
  no_key.creds.secret_key.clear();
  ui::refresh_derived(no_key);
  CHECK(same_reason(ui::send_blocker(no_key), ui::txt::send_blocked_usersig));

  ui::AppState broken = ready_state(R"({"MsgRandom":1,)");  // not JSON: 90001 in Checks
  CHECK(same_reason(ui::send_blocker(broken), ui::txt::send_blocked_errors));
  CHECK_FALSE(ui::start_send(broken));
  CHECK(broken.out.http.empty());

  REQUIRE(ui::start_send(s));
  CHECK(same_reason(ui::send_blocker(s), ui::txt::send_blocked_in_flight));
  ui::handle_send_result(s, answer_to(s.out.http.back(), 200, ok_answer));
  CHECK(same_reason(ui::send_blocker(s), ui::txt::send_blocked_cooling));  // 90024: > 1 s apart
  advance(s, 1.1);
  CHECK_FALSE(ui::send_blocker(s));
}

// The rows of tests/unit/test_audience.cpp, whose sources are cited there.
TEST_CASE("send flow: the all-user confirmation opens exactly when core says the body reaches everyone") {
  const struct {
    const char* why;
    const char* condition;
  } rows[] = {
      {"no Condition", nullptr},
      {"an empty Condition", "{}"},
      {"an empty TagsAnd", R"({"TagsAnd":[]})"},
      {"an empty TagsOr", R"({"TagsOr":[]})"},
      {"empty lists and map", R"({"TagsAnd":[],"TagsOr":[],"AttrsOr":{}})"},
      {"an empty AttrsAnd", R"({"AttrsAnd":{}})"},
      {"only TagsNot", R"({"TagsNot":["vip"]})"},
      {"only an unknown key", R"({"TagOr":["a"]})"},
      {"TagsAnd", R"({"TagsAnd":["股票A","股票B"]})"},
      {"TagsOr", R"({"TagsOr":["股票A","股票B"]})"},
      {"TagsOr with TagsNot", R"({"TagsOr":["a"],"TagsNot":["b"]})"},
      {"empty TagsAnd beside TagsOr", R"({"TagsAnd":[],"TagsOr":["a"]})"},
      {"AttrsAnd", R"({"AttrsAnd":{"city":"深圳"}})"},
      {"AttrsOr", R"({"AttrsOr":{"city":"深圳"}})"},
      {"a tag list of the wrong type", R"({"TagsAnd":"a"})"},
      {"a Condition of the wrong type", R"("all")"},
  };
  int asked = 0, sent = 0;
  for (const auto& row : rows) {
    CAPTURE(row.why);
    std::string body = R"({"MsgRandom":1,)";
    if (row.condition) body += std::string(R"("Condition":)") + row.condition + ",";
    body += R"("OfflinePushInfo":{"Desc":"d"}})";
    ui::AppState s = ready_state(body);
    const bool everyone = core::reaches_everyone(s.derived.body);
    // A body validation refuses is never sent, so it asks nothing (a Condition of the wrong type).
    const bool refused = s.derived.error_count > 0;
    const bool went = ui::start_send(s);
    CHECK(s.view.confirm_open == (everyone && !refused));
    CHECK(went == (!everyone && !refused));
    CHECK(s.out.http.size() == (went ? 1u : 0u));
    sent += went;
    if (!s.view.confirm_open) continue;
    ++asked;
    // The modal's button: the typed SDKAppID must match, then the push goes and the modal closes.
    s.view.confirm_typed = "1400000001";
    CHECK_FALSE(ui::start_send(s));
    CHECK(s.out.http.empty());
    s.view.confirm_typed = app_text;
    CHECK(ui::start_send(s));
    CHECK(s.out.http.size() == 1);
    CHECK_FALSE(s.view.confirm_open);
    CHECK(s.view.confirm_typed.empty());
  }
  // The table holds both kinds: of its 9 rows that reach everyone, 7 pass validation and ask
  // (the wrong-type tag list and the three empty members together are refused); 6 targeted go.
  CHECK(asked == 7);
  CHECK(sent == 6);
}

TEST_CASE("send flow: a retry after a failure of unknown fate carries the same MsgRandom") {
  ui::AppState s = ready_state();
  REQUIRE(ui::start_send(s));
  const ui::HttpRequest first = s.out.http.back();
  CHECK(msg_random_of(first.body) == 11u);
  ui::handle_send_result(s, answer_to(first, 0, ""));  // no HTTP answer: it may have arrived
  advance(s, 1.2);
  s.request.msg_random = 999u;  // a new MsgRandom typed into the form meanwhile
  ui::mark_edited(s);
  ui::refresh_derived(s);
  REQUIRE(msg_random_of(s.derived.body) == 999u);
  REQUIRE(ui::start_send(s));
  CHECK(msg_random_of(s.out.http.back().body) == 11u);
  CHECK(s.keep.plan.is_retry);

  // After an OK the next push is a new one: a fresh MsgRandom.
  ui::handle_send_result(s, answer_to(s.out.http.back(), 200, ok_answer));
  advance(s, 1.2);
  REQUIRE(ui::start_send(s));
  CHECK(msg_random_of(s.out.http.back().body) != 11u);
  CHECK_FALSE(s.keep.plan.is_retry);
}

TEST_CASE("send flow: a request never answered is given up on after its timeout, and recorded") {
  ui::AppState s = ready_state();
  REQUIRE(ui::start_send(s));
  const double timeout = s.out.http.back().timeout_seconds;
  advance(s, timeout);  // the platform's own timeout has not been heard of yet: still waiting
  ui::check_send_timeout(s);
  CHECK(s.send.in_flight);
  CHECK(s.keep.history.entries.empty());
  advance(s, 6);
  ui::check_send_timeout(s);
  CHECK_FALSE(s.send.in_flight);
  CHECK(s.send.client_timeout);
  REQUIRE(s.keep.history.entries.size() == 1);
  CHECK(s.keep.history.entries[0].http_status == 0);
  // A late answer to the request given up on changes nothing.
  ui::handle_send_result(s, ui::HttpResult{s.send.request_id, 200, "", ok_answer, false});
  CHECK(s.keep.history.entries.size() == 1);
  CHECK(s.keep.history.entries[0].http_status == 0);
}

TEST_CASE("send flow: a finished send is recorded in the history with what was sent and answered") {
  ui::AppState s = ready_state();
  REQUIRE(ui::start_send(s));
  const ui::HttpRequest sent = s.out.http.back();
  ui::handle_send_result(s, answer_to(sent, 200, ok_answer));
  REQUIRE(s.keep.history.entries.size() == 1);
  const core::HistoryEntry& e = s.keep.history.entries[0];
  CHECK(e.request_body == sent.body);
  CHECK(e.base == std::string(origin) + "/sandbox");
  CHECK(e.sdkappid == 1400000000u);
  CHECK(e.identifier == "administrator");
  CHECK(e.msg_random == 11u);
  CHECK(e.http_status == 200);
  CHECK(e.task_id == "task-1");
  CHECK(e.target.kind == core::TargetKind::sandbox);
  CHECK(e.time == s.input.now_unix);
  // The history goes to storage, and never with the key or the UserSig in it.
  bool wrote_history = false;
  for (const ui::StorageWrite& w : s.out.storage) {
    if (w.key != "timpush.history") continue;
    wrote_history = true;
    REQUIRE(w.value);
    CHECK(w.value->find(s.creds.secret_key) == std::string::npos);
    CHECK(w.value->find(s.derived.usersig) == std::string::npos);
  }
  CHECK(wrote_history);
}
