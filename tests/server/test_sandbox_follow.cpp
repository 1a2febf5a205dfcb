// The follow-up APIs of the sandbox over loopback with the harness's clock (task-apis.md sections
// 2-7 and 11; decisions in src/server/sandbox.h): the funnel over simulated time, losses that add
// up, the same numbers for the same seed and TaskId, the limits and their codes, the trace of a
// user of the audience, and what a revoke stops.
#include <doctest/doctest.h>

#include <string>

#include "core/task_report.h"
#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

const Json kTagPush = {{"Condition", {{"TagsOr", {"股票A", "股票B"}}}}};

std::string push_task(Harness& h, uint32_t msg_random, const Json& patch = kTagPush) {
  Json answer = h.push(body_with(msg_random, patch));
  REQUIRE(answer.value("ErrorCode", -1) == 0);
  return answer["TaskId"].get<std::string>();
}

Json stats_of(Harness& h, const std::string& task_id, const std::string& api = "statistics") {
  Json body = {{"StartTime", h.now_s() - 3600}, {"EndTime", h.now_s()}, {"TaskID", {task_id}}};
  Json answer = h.push(body.dump(), h.good_params(), "all_member_push_" + api);
  h.advance_ms(1000);  // the next call is then within the 1/s limit
  return answer;
}

int64_t loss_sum(const Json& list) {
  int64_t n = 0;
  for (const auto& e : list) n += e["ErrCount"].get<int64_t>();
  return n;
}

}  // namespace

TEST_CASE("the funnel fills over the first minute, then holds; rows and losses add up") {
  Harness h;
  const std::string task = push_task(h, 1);
  Json early = stats_of(h, task);  // 1 s after the push
  CAPTURE(early.dump());
  REQUIRE(early["ErrorCode"] == 0);
  h.advance_ms(8000);
  Json middle = stats_of(h, task)["Results"][0];
  h.advance_ms(60000);
  Json settled = stats_of(h, task)["Results"][0];
  h.advance_ms(60000);
  Json later = stats_of(h, task)["Results"][0];
  CHECK(settled == later);
  const auto total = settled["TotalCount"].get<int64_t>();
  const auto sent = settled["SentCount"].get<int64_t>();
  const auto delivered = settled["DeliveredCount"].get<int64_t>();
  const auto click = settled["ClickCount"].get<int64_t>();
  CHECK(total > 0);
  CHECK(total >= sent);
  CHECK(sent >= delivered);
  CHECK(delivered > click);
  CHECK(click > 0);
  CHECK(middle["SentCount"].get<int64_t>() < sent);
  CHECK(middle["DeliveredCount"].get<int64_t>() < delivered);
  CHECK(early["Results"][0]["DeliveredCount"].get<int64_t>() < middle["DeliveredCount"].get<int64_t>());
  // One row for each PushPlatform 1..8 and one for the online push; they add up to the totals.
  REQUIRE(settled["PlatformStatistics"].size() == 9);
  int64_t row_total = 0;
  for (const auto& row : settled["PlatformStatistics"]) row_total += row["TotalCount"].get<int64_t>();
  CHECK(row_total == total);
  CHECK(settled["PlatformStatistics"][8]["EventType"] == 2);
  CHECK(settled["PlatformStatistics"][8]["PushPlatform"] == 0);
  CHECK(settled["PlatformStatistics"][8]["ClickCount"] == 0);
  // Loss: before sending = Total - Sent; after sending = Sent - Delivered (task-apis.md 11).
  Json loss = stats_of(h, task, "loss");
  REQUIRE(loss["ErrorCode"] == 0);
  const Json& r = loss["Results"][0];
  CHECK(r["TaskID"] == task);
  CHECK(loss_sum(r["ReadyToSendLoss"]) == total - sent);
  CHECK(loss_sum(r["PostSendDeliveredLoss"]) == sent - delivered);
  CHECK(loss_sum(r["PlatformReadyToSendLoss"]) == total - sent);
  CHECK(loss_sum(r["PlatformPostSendDeliveredLoss"]) == sent - delivered);
  for (const auto& e : r["ReadyToSendLoss"]) CHECK(e["ErrCode"].is_string());
  // Largest first, and each code explained by the core.
  const Json& after = r["PostSendDeliveredLoss"];
  for (size_t i = 1; i < after.size(); ++i) CHECK(after[i - 1]["ErrCount"] >= after[i]["ErrCount"]);
  core::LossReport read = core::read_loss(200, loss.dump());
  REQUIRE(read.results.size() == 1);
  for (const auto& e : read.results[0].ready_to_send) CHECK(core::explain_loss(e.err_code).known);
}

TEST_CASE("the same seed and TaskId give the same numbers") {
  // Two sandboxes with the same clock and random source make the same TaskId.
  Harness a, b;
  const std::string task = push_task(a, 7);
  CHECK(push_task(b, 7) == task);
  a.advance_ms(61000);
  b.advance_ms(61000);
  CHECK(stats_of(a, task) == stats_of(b, task));
  CHECK(stats_of(a, task, "loss") == stats_of(b, task, "loss"));
}

TEST_CASE("the audience decides the totals: a narrower Condition reaches fewer devices") {
  Harness h;
  const std::string wide = push_task(h, 1);
  h.advance_ms(1500);
  const std::string narrow = push_task(h, 2, {{"Condition", {{"TagsAnd", {"股票A", "股票B"}}}}});
  h.advance_ms(61000);
  Json body = {{"StartTime", h.now_s() - 3600}, {"EndTime", h.now_s()}, {"TaskID", {wide, narrow}}};
  Json answer = h.push(body.dump(), h.good_params(), "all_member_push_statistics");
  REQUIRE(answer["Results"].size() == 2);
  CHECK(answer["Results"][0]["TotalCount"] > answer["Results"][1]["TotalCount"]);
  CHECK(answer["Results"][1]["TotalCount"] > 0);
}

TEST_CASE("limits: 5 TaskIDs, 30 and 7 days, fields, JSON, 1 call a second") {
  Harness h;
  auto call = [&](const std::string& api, const Json& body) {
    Json answer = h.push(body.dump(), h.good_params(), api);
    h.advance_ms(1000);
    return answer.value("ErrorCode", -1);
  };
  const int64_t now = h.now_s();
  const Json six = {"a", "b", "c", "d", "e", "f"};
  CHECK(call("all_member_push_statistics", {{"StartTime", now - 10}, {"EndTime", now}, {"TaskID", six}}) == 90104);
  CHECK(call("all_member_push_statistics", {{"StartTime", now - 30 * 86400}, {"EndTime", now}, {"TaskID", {"a"}}}) == 0);
  CHECK(call("all_member_push_statistics", {{"StartTime", now - 30 * 86400 - 1}, {"EndTime", now}, {"TaskID", {"a"}}}) == 90104);
  CHECK(call("all_member_push_loss", {{"StartTime", now - 7 * 86400}, {"EndTime", now}, {"TaskID", {"a"}}}) == 0);
  CHECK(call("all_member_push_loss", {{"StartTime", now - 7 * 86400 - 1}, {"EndTime", now}, {"TaskID", {"a"}}}) == 90104);
  CHECK(call("all_member_push_statistics", {{"EndTime", now}, {"TaskID", {"a"}}}) == 90104);
  CHECK(call("all_member_push_statistics", {{"StartTime", now}, {"EndTime", now - 1}}) == 90104);
  CHECK(call("all_member_push_trace", {{"TaskID", "a"}}) == 90104);
  CHECK(h.push("[1", h.good_params(), "all_member_push_trace").value("ErrorCode", -1) == 90001);
  // A second call within the second: 60018 (task-apis.md section 2's choice); it does not count.
  h.advance_ms(1000);
  const Json ok = {{"StartTime", now - 10}, {"EndTime", now}, {"TaskID", {"a"}}};
  CHECK(h.push(ok.dump(), h.good_params(), "all_member_push_statistics")["ErrorCode"] == 0);
  h.advance_ms(500);
  CHECK(h.push(ok.dump(), h.good_params(), "all_member_push_statistics")["ErrorCode"] == 60018);
  CHECK(h.push(ok.dump(), h.good_params(), "all_member_push_loss")["ErrorCode"] == 0);  // its own limit
  h.advance_ms(500);
  CHECK(h.push(ok.dump(), h.good_params(), "all_member_push_statistics")["ErrorCode"] == 0);
  // The URL and UserSig checks of push come first.
  Json bad_sig = h.push(ok.dump(), with(h.good_params(), "usersig", "garbage"), "all_member_push_loss");
  CHECK(bad_sig["ErrorCode"] != 0);
  CHECK(h.push(ok.dump(), without(h.good_params(), "sdkappid"), "all_member_push_trace")["ErrorCode"] == 60012);
}

TEST_CASE("unknown TaskIds give zeros; the trace shows a user's devices stage by stage") {
  Harness h;
  Json zeros = stats_of(h, "no-such-task")["Results"][0];
  CHECK(zeros["TotalCount"] == 0);
  CHECK(zeros["PlatformStatistics"].empty());
  const std::string task = push_task(h, 3, Json::object());  // every user
  auto trace = [&](const std::string& user) {
    Json answer = h.push(Json{{"TaskID", task}, {"UserID", user}}.dump(), h.good_params(),
                         "all_member_push_trace");
    h.advance_ms(1000);
    return answer;
  };
  Json early = trace("user1");  // 0 s after the push: IM has not committed yet
  REQUIRE(early["ErrorCode"] == 0);
  CHECK(early["InstanceTrace"].empty());
  h.advance_ms(61000);
  Json settled = trace("user1");
  REQUIRE(!settled["InstanceTrace"].empty());
  core::TraceReport read = core::read_trace(200, settled.dump());
  for (const auto& instance : read.instances) {
    REQUIRE(instance.stages[0]);
    CHECK(instance.stages[0]->passed());
    CHECK(instance.push_time.size() == 19);
    if (instance.event_type == 1) {
      // Either a stage failed with a code, or the device was reached.
      CHECK((instance.failed_stage().has_value() || instance.stages[3].has_value()));
    }
  }
  CHECK(trace("nobody")["InstanceTrace"].empty());
  h.advance_ms(8 * 86400 * 1000LL);  // older than the trace's 7 days
  CHECK(trace("user1")["InstanceTrace"].empty());
}

TEST_CASE("revoke stops undelivered devices, once, within 24 h, 1 a second") {
  Harness h;
  const std::string task = push_task(h, 5, Json::object());
  const std::string other = (h.advance_ms(1500), push_task(h, 6, Json::object()));
  h.advance_ms(1000);
  Json revoke = {{"TaskId", task}, {"OfflinePushInfo", {{"Title", "撤回"}, {"Desc", "已撤回"}}}};
  CHECK(h.push(revoke.dump(), h.good_params(), "revoke")["ErrorCode"] == 0);
  CHECK(h.push(revoke.dump(), h.good_params(), "revoke")["ErrorCode"] == 90050);
  Json second = {{"TaskId", other}, {"OfflinePushInfo", {{"Title", "x"}, {"Desc", "y"}}}};
  CHECK(h.push(second.dump(), h.good_params(), "revoke")["ErrorCode"] == 90051);
  h.advance_ms(61000);
  Json kept = stats_of(h, other)["Results"][0];
  Json stopped = stats_of(h, task)["Results"][0];
  CHECK(stopped["DeliveredCount"] < kept["DeliveredCount"]);
  Json loss = stats_of(h, task, "loss")["Results"][0];
  bool revoked_code = false;
  for (const auto& e : loss["PostSendDeliveredLoss"]) revoked_code |= e["ErrCode"] == "-5";
  for (const auto& e : loss["ReadyToSendLoss"]) revoked_code |= e["ErrCode"] == "-5";
  CHECK(revoked_code);
  h.advance_ms(24 * 3600 * 1000LL);
  CHECK(h.push(second.dump(), h.good_params(), "revoke")["ErrorCode"] == 90052);
}
