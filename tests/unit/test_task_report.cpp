// The follow-up APIs' request bodies and readers (core/task_report.h) against the documents'
// sample answers (tests/data/task_apis, each file's source in its README), and the loss codes'
// explanations of task-apis.md section 5.
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "core/task_report.h"
#include "support/test_files.h"

using namespace timpush;
using namespace timpush::core;

namespace {
std::string sample(const char* name) {
  return test::read_file(std::string(TIMPUSH_TEST_DATA) + "/task_apis/" + name);
}
}  // namespace

TEST_CASE("statistics and loss bodies have the documents' shape") {
  // https://trtc.io/document/71894: {"StartTime":1741104000,"EndTime":1741795200,"TaskID":[...]}
  CHECK(statistics_body(1741104000, 1741795200, {"xxx-yyy-zzz", "aaa-bbb-ccc"}) ==
        R"({"StartTime":1741104000,"EndTime":1741795200,"TaskID":["xxx-yyy-zzz","aaa-bbb-ccc"]})");
  // Blank TaskID means overall: an empty array.
  CHECK(loss_body(1, 2, {}) == R"({"StartTime":1,"EndTime":2,"TaskID":[]})");
  // https://trtc.io/document/71893: {"TaskID":"xxx-yyy-zzz","UserID":"xyz"}
  CHECK(trace_body("xxx-yyy-zzz", "xyz") == R"({"TaskID":"xxx-yyy-zzz","UserID":"xyz"})");
}

TEST_CASE("revoke spells TaskId and carries the replacement OfflinePushInfo") {
  // https://cloud.tencent.com/document/product/269/105123
  Json doc = Json::parse(revoke_body("660cc447_x", "撤回标题", "对方撤回了一条消息"));
  CHECK(doc["TaskId"] == "660cc447_x");
  CHECK_FALSE(doc.contains("TaskID"));
  CHECK(doc["OfflinePushInfo"]["Title"] == "撤回标题");
  CHECK(doc["OfflinePushInfo"]["Desc"] == "对方撤回了一条消息");
  CHECK_FALSE(doc["OfflinePushInfo"].contains("Ext"));
  CHECK(Json::parse(revoke_body("t", "a", "b", std::string_view("{}")))["OfflinePushInfo"]["Ext"] == "{}");
}

TEST_CASE("the windows and the TaskID cap of task-apis.md section 2") {
  CHECK_FALSE(check_report_window(0, 30 * 86400, 5, false));
  CHECK(check_report_window(0, 30 * 86400 + 1, 1, false));
  CHECK_FALSE(check_report_window(0, 7 * 86400, 1, true));
  CHECK(check_report_window(0, 7 * 86400 + 1, 1, true));
  CHECK(check_report_window(0, 10, 6, false));
  CHECK(check_report_window(10, 0, 1, false));
}

TEST_CASE("the documents' statistics sample reads into its counters") {
  StatisticsReport r = read_statistics(200, sample("statistics_answer.json"));
  CHECK(r.envelope.ok());  // "ErrorInfo":"sucess" (sic) does not matter: ErrorCode 0 does
  REQUIRE(r.results.size() == 1);
  CHECK(r.results[0].task_id == "xxx-yyy-zzz");
  CHECK(r.results[0].counts.total == 2670);
  CHECK(r.results[0].counts.sent == 2213);
  CHECK(r.results[0].counts.delivered == 532);
  CHECK(r.results[0].counts.click == 206);
  REQUIRE(r.results[0].platforms.size() == 1);
  CHECK(r.results[0].platforms[0].event_type == 1);
}

TEST_CASE("the documents' loss sample reads into both stages, overall and per platform") {
  LossReport r = read_loss(200, sample("loss_answer.json"));
  CHECK(r.envelope.ok());
  REQUIRE(r.results.size() == 1);
  const TaskLoss& t = r.results[0];
  REQUIRE(t.ready_to_send.size() == 2);
  CHECK(t.ready_to_send[0].err_code == "-1");
  CHECK(t.ready_to_send[0].count == 167);
  CHECK(t.ready_to_send[1].err_code == "-2");
  CHECK(t.ready_to_send[1].count == 125);
  REQUIRE(t.post_send_delivered.size() == 2);
  CHECK(t.post_send_delivered[0].err_code == "1");
  CHECK(t.post_send_delivered[0].err_info == "regid_invalid");
  CHECK(t.post_send_delivered[1].err_code == "410");
  CHECK(t.post_send_delivered[1].count == 35);
  REQUIRE(t.platform_ready_to_send.size() == 2);
  CHECK(t.platform_ready_to_send[1].push_platform == 2);
  CHECK(t.platform_ready_to_send[1].count == 123);
  CHECK(t.platform_post_send.empty());
}

TEST_CASE("the documents' trace sample reads its device and stages") {
  TraceReport r = read_trace(200, sample("trace_answer.json"));
  CHECK(r.envelope.ok());
  REQUIRE(r.instances.size() == 1);
  const TraceInstance& i = r.instances[0];
  CHECK(i.instance_id == "74224656");
  CHECK(i.push_time == "2025-03-13 16:16:27");
  CHECK(i.system == "Android");
  CHECK(i.push_platform == 1);  // read from PushPlatform only (task-apis.md section 6)
  CHECK(i.cert_id == "1122");
  CHECK(i.notification_status == 1);
  REQUIRE(i.stages[0]);
  CHECK(i.stages[0]->passed());
  CHECK(i.stages[0]->event_time == "2025-03-13 16:16:27");
  REQUIRE(i.stages[1]);
  CHECK(i.stages[1]->event_time == "2025-03-13 16:16:29");
  CHECK_FALSE(i.stages[2]);  // never reached: absent
  CHECK_FALSE(i.failed_stage());
}

TEST_CASE("a failed stage is found first; codes may come as strings") {
  TraceReport r = read_trace(200, R"({"ActionStatus":"OK","ErrorCode":0,"InstanceTrace":[
    {"PushPlatform":"3","IMCommitStat":{"IMStat":{"PushStatus":1}},
     "OfflinePushStat":{"OfflineStat":{"PushStatus":1},"ChannelStat":{"PushStatus":2,"ErrorCode":"410","ErrorInfo":"Unregistered"}}}]})");
  REQUIRE(r.instances.size() == 1);
  CHECK(r.instances[0].push_platform == 3);
  CHECK(r.instances[0].failed_stage() == StageKind::channel);
  CHECK(r.instances[0].stages[2]->error_code == 410);
}

TEST_CASE("refusals and gateway pages keep the push answer's verdict and words") {
  StatisticsReport refused = read_statistics(
      200, R"({"ActionStatus":"FAIL","ErrorCode":90104,"ErrorInfo":"bad"})");
  CHECK(refused.envelope.kind == ResponseKind::fail);
  CHECK(refused.envelope.summary.en.find("90104") != std::string::npos);
  CHECK(refused.results.empty());
  CHECK(read_loss(502, "<html><title>502</title></html>").envelope.kind == ResponseKind::html);
  CHECK(read_trace(0, "").envelope.kind == ResponseKind::no_answer);
  CHECK(read_revoke(200, R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0})").ok());
  CHECK(read_revoke(200, R"({"ActionStatus":"FAIL","ErrorInfo":"","ErrorCode":90050})").kind ==
        ResponseKind::fail);
}

TEST_CASE("fields of the wrong type are absent, not errors") {
  StatisticsReport r = read_statistics(200, R"({"ActionStatus":"OK","ErrorCode":0,"Results":[
    {"TaskID":7,"TotalCount":"12","SentCount":true,"PlatformStatistics":{}}, 5]})");
  REQUIRE(r.results.size() == 1);
  CHECK(r.results[0].task_id == "7");
  CHECK(r.results[0].counts.total == 12);
  CHECK(r.results[0].counts.sent == 0);
  CHECK(r.results[0].platforms.empty());
}

TEST_CASE("loss codes are explained in both languages, unknown vendor codes too") {
  // The issue's example: "-2: the device never uploaded its push token: check the client's push
  // registration" (task-apis.md section 5: "没有上传token", fix: registerPush after login).
  LossExplanation e = explain_loss("-2");
  CHECK(e.known);
  CHECK(e.meaning.en.find("never uploaded its push token") != std::string::npos);
  CHECK(e.fix.en.find("push registration") != std::string::npos);
  CHECK(e.meaning.zh.find("token") != std::string::npos);
  for (const char* code : {"-1", "1", "410"}) {
    CAPTURE(code);
    CHECK(explain_loss(code).known);
    CHECK_FALSE(explain_loss(code).fix.zh.empty());
  }
  LossExplanation vendor = explain_loss("80300008", "too big");
  CHECK_FALSE(vendor.known);
  CHECK(vendor.meaning.en.find("80300008") != std::string::npos);
  CHECK(vendor.meaning.zh.find("too big") != std::string::npos);
}

TEST_CASE("enum names of task-apis.md section 3") {
  CHECK(platform_name(1).en == "APNs");
  CHECK(platform_name(3).zh == "华为");
  CHECK(platform_name(8).en == "Honor");
  CHECK(platform_name(0).en.find("online") != std::string::npos);
  CHECK(platform_name(9).en == "platform 9");
  CHECK(event_type_name(1).en == "offline push");
  CHECK(event_type_name(2).zh == "在线推送");
}
