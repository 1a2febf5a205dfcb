// Rate, quota and dedup rules of the push API (push-api.zh.txt "调用频率": at most 100 calls a
// day by default, more than 1 s between pushes; reference.md section 2: MsgRandom is the dedup
// key), the task list, the app description, and revoke/batch (reference.md section 6).
#include <doctest/doctest.h>

#include <cstdio>
#include <regex>

#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

int code_of(const Json& answer) {
  REQUIRE(answer.is_object());
  return answer.value("ErrorCode", -1);
}

Json tasks_of(Harness& h) {
  auto result = h.get("/sandbox/tasks");
  REQUIRE(result);
  REQUIRE(result->status == 200);
  Json doc = Json::parse(result->body, nullptr, false);
  REQUIRE(doc.is_object());
  REQUIRE(doc["tasks"].is_array());
  return doc["tasks"];
}

std::string hex8(uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

TEST_CASE("sandbox 90024: pushes less than 1 s apart") {
  Harness h;
  CHECK(code_of(h.push(body_with(1))) == 0);
  h.advance_ms(999);
  CHECK(code_of(h.push(body_with(2))) == 90024);
  h.advance_ms(1);
  CHECK(code_of(h.push(body_with(2))) == 0);
  // A refused push does not restart the interval.
  h.advance_ms(500);
  CHECK(code_of(h.push(body_with(3))) == 90024);
  h.advance_ms(500);
  CHECK(code_of(h.push(body_with(3))) == 0);
}

TEST_CASE("sandbox 90047: the daily quota, renewed at UTC midnight") {
  HarnessOptions options;
  options.daily_quota = 2;
  Harness h(options);
  CHECK(code_of(h.push(body_with(1))) == 0);
  h.advance_ms(1000);
  CHECK(code_of(h.push(body_with(2))) == 0);  // the second push of the day
  h.advance_ms(1000);
  CHECK(code_of(h.push(body_with(3))) == 90047);
  h.advance_ms(1000);
  CHECK(code_of(h.push(body_with(4))) == 90047);
  // The harness starts at 00:00:00.5 UTC; the next day begins 86400 s later.
  h.advance_ms(86400LL * 1000 - 3000);
  CHECK(code_of(h.push(body_with(5))) == 0);
}

TEST_CASE("sandbox dedup: the same MsgRandom is the same task") {
  HarnessOptions options;
  options.daily_quota = 1;
  Harness h(options);
  Json first = h.push(body_with(77));
  REQUIRE(code_of(first) == 0);
  // Immediately again: not 90024, same TaskId.
  Json again = h.push(body_with(77));
  CHECK(code_of(again) == 0);
  CHECK(again["TaskId"] == first["TaskId"]);
  // Even with a different body: MsgRandom is the key.
  Json changed = h.push(body_with(77, Json{{"OfflinePushInfo", {{"Title", "other"}, {"Desc", "x"}}}}));
  CHECK(changed["TaskId"] == first["TaskId"]);
  // No new task, and the quota of 1 was not spent by the repeats.
  CHECK(tasks_of(h).size() == 1);
  h.advance_ms(1000);
  CHECK(code_of(h.push(body_with(78))) == 90047);
  // After the 24 h window the same MsgRandom is a new push (here on a new day's quota).
  h.advance_ms(86400LL * 1000);
  Json later = h.push(body_with(77));
  CHECK(code_of(later) == 0);
  CHECK(later["TaskId"] != first["TaskId"]);
}

TEST_CASE("sandbox TaskId: five hex fields as in the product document's example") {
  Harness h;
  Json a = h.push(body_with(0xd03ac87));
  h.advance_ms(1000);
  Json b = h.push(body_with(2));
  REQUIRE(code_of(a) == 0);
  REQUIRE(code_of(b) == 0);
  std::string id = a["TaskId"].get<std::string>();
  // Shape of "667015d4_537529d8_2000005e80aa873_d03ac87_56f5e750" (push-api.zh.txt).
  CHECK(std::regex_match(id, std::regex("[0-9a-f]{8}_[0-9a-f]{8}_[0-9a-f]+_[0-9a-f]+_[0-9a-f]{8}")));
  // In that example 0x667015d4 is a time (2024-06-17) and 0x537529d8 an SDKAppID (1400187352).
  CHECK(id.substr(0, 8) == hex8(static_cast<uint64_t>(kStartMs / 1000)));
  CHECK(id.substr(9, 8) == hex8(kAppId));
  CHECK(a["TaskId"] != b["TaskId"]);
}

TEST_CASE("sandbox /sandbox/tasks lists accepted pushes") {
  Harness h;
  Json all = h.push(body_with(1));
  h.advance_ms(1000);
  Json tagged = h.push(body_with(2, Json{{"From_Account", "user2"},
                                         {"Condition", {{"TagsOr", {"vip"}}}}}));
  h.advance_ms(1000);
  Json unknown_sender = h.push(body_with(3, Json{{"From_Account", "nobody"}}));
  h.advance_ms(1000);
  CHECK(code_of(h.push(body_with(4, Json{{"MsgRandom", "x"}}))) == 90005);  // refused: not listed
  Json tasks = tasks_of(h);
  REQUIRE(tasks.size() == 3);
  CHECK(tasks[0]["TaskId"] == all["TaskId"]);
  CHECK(tasks[0]["Time"] == kStartMs / 1000);
  CHECK(tasks[0]["From_Account"] == kAdmin);
  CHECK(tasks[0]["Target"]["Type"] == "All");
  CHECK(tasks[0]["Body"]["MsgRandom"] == 1);
  CHECK(tasks[1]["TaskId"] == tagged["TaskId"]);
  CHECK(tasks[1]["From_Account"] == "user2");
  CHECK(tasks[1]["Target"]["Type"] == "Tag");
  CHECK(tasks[1]["Target"]["Condition"]["TagsOr"][0] == "vip");
  CHECK(tasks[1]["Time"] == kStartMs / 1000 + 1);
  // "unknown or missing -> the caller" (reference.md section 2).
  CHECK(tasks[2]["TaskId"] == unknown_sender["TaskId"]);
  CHECK(tasks[2]["From_Account"] == kAdmin);
}

TEST_CASE("sandbox /sandbox/app: the key only when it is a demo key") {
  SUBCASE("demo key") {
    HarnessOptions options;
    options.key_is_demo = true;
    Harness h(options);
    auto result = h.get("/sandbox/app");
    REQUIRE(result);
    CHECK(result->status == 200);
    Json app = Json::parse(result->body, nullptr, false);
    CHECK(app["sdkappid"] == kAppId);
    CHECK(app["identifier"] == kAdmin);
    CHECK(app["key"] == kKey);
    CHECK(app["key_is_demo"] == true);
  }
  SUBCASE("key from the environment") {
    Harness h;
    auto result = h.get("/sandbox/app");
    REQUIRE(result);
    Json app = Json::parse(result->body, nullptr, false);
    CHECK(app["sdkappid"] == kAppId);
    CHECK(app["key"].is_null());
    CHECK(app["key_is_demo"] == false);
    CHECK(result->body.find(kKey) == std::string::npos);
  }
}

TEST_CASE("sandbox revoke: 90049 90050 90051 90052 90053") {
  Harness h;
  Json a = h.push(body_with(1));
  h.advance_ms(1000);
  Json b = h.push(body_with(2));
  REQUIRE(code_of(a) == 0);
  REQUIRE(code_of(b) == 0);
  auto revoke = [&](const Json& body) { return code_of(h.push(body.dump(), h.good_params(), "revoke")); };
  Json info = {{"Title", "withdrawn"}, {"Desc", "this push was withdrawn"}};
  CHECK(revoke(Json{{"TaskId", a["TaskId"]}}) == 90053);
  CHECK(revoke(Json{{"TaskId", "00000000_00000000_0_0_00000000"}, {"OfflinePushInfo", info}}) == 90049);
  CHECK(revoke(Json{{"TaskId", a["TaskId"]}, {"OfflinePushInfo", info}}) == 0);
  CHECK(revoke(Json{{"TaskId", a["TaskId"]}, {"OfflinePushInfo", info}}) == 90050);
  CHECK(revoke(Json{{"TaskId", b["TaskId"]}, {"OfflinePushInfo", info}}) == 90051);
  h.advance_ms(25LL * 3600 * 1000);
  CHECK(revoke(Json{{"TaskId", b["TaskId"]}, {"OfflinePushInfo", info}}) == 90052);
  Json tasks = tasks_of(h);
  CHECK(tasks[0]["Revoked"] == true);
  CHECK(tasks[1]["Revoked"] == false);
}

TEST_CASE("sandbox batch: 1..500 named accounts (90018 above)") {
  Harness h;
  std::string two = body_with(1, Json{{"To_Account", {"user1", "user2"}}});
  Json answer = h.push(two, h.good_params(), "batch");
  CHECK(code_of(answer) == 0);
  std::vector<std::string> many(501, "u");
  CHECK(code_of(h.push(body_with(2, Json{{"To_Account", many}}), h.good_params(), "batch")) == 90018);
  Json tasks = tasks_of(h);
  REQUIRE(tasks.size() == 1);
  CHECK(tasks[0]["Target"]["Type"] == "User");
  CHECK(tasks[0]["Target"]["To_Account"].size() == 2);
}
