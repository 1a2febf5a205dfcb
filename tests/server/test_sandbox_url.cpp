// The sandbox's answers to URL parameters, accounts and paths (reference.md sections 1 and 4:
// every answer is HTTP 200 with ActionStatus/ErrorCode/ErrorInfo; codes from its tables).
#include <doctest/doctest.h>

#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

int code_of(const Json& answer) {
  REQUIRE(answer.is_object());
  return answer.value("ErrorCode", -1);
}

void check_fail(const Json& answer, int code) {
  REQUIRE(answer.is_object());
  CHECK(answer.value("ActionStatus", "") == "FAIL");
  CHECK(answer.value("ErrorCode", -1) == code);
  CHECK_FALSE(answer.value("ErrorInfo", "").empty());
  CHECK_FALSE(answer.contains("TaskId"));
}

}  // namespace

TEST_CASE("sandbox: a good request is accepted with HTTP 200 and ActionStatus OK") {
  Harness h;
  auto result = h.post("/sandbox/v4/timpush/push" + Harness::query(h.good_params()), body_with(1));
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(result->get_header_value("Content-Type").rfind("application/json", 0) == 0);
  Json answer = Json::parse(result->body, nullptr, false);
  REQUIRE(answer.is_object());
  CHECK(answer["ActionStatus"] == "OK");
  CHECK(answer["ErrorCode"] == 0);
  CHECK(answer["ErrorInfo"] == "");
  CHECK(answer["TaskId"].is_string());
}

TEST_CASE("sandbox 60002: the URL cannot be read") {
  Harness h;
  auto good = h.good_params();
  SUBCASE("random missing") { check_fail(h.push(body_with(1), without(good, "random")), 60002); }
  SUBCASE("random not a number") {
    check_fail(h.push(body_with(1), with(good, "random", "abc")), 60002);
  }
  SUBCASE("random above 2^32-1") {
    check_fail(h.push(body_with(1), with(good, "random", "4294967296")), 60002);
  }
  SUBCASE("random negative") { check_fail(h.push(body_with(1), with(good, "random", "-1")), 60002); }
  SUBCASE("contenttype not json") {
    check_fail(h.push(body_with(1), with(good, "contenttype", "xml")), 60002);
  }
  SUBCASE("sdkappid not a number") {
    check_fail(h.push(body_with(1), with(good, "sdkappid", "14000x")), 60002);
  }
  SUBCASE("a parameter twice") {
    Params twice = good;
    twice.emplace_back("random", "5");
    check_fail(h.push(body_with(1), twice), 60002);
  }
}

TEST_CASE("sandbox: URL edge values that are valid") {
  Harness h;
  // 4294967295 is the largest uint32 (reference.md section 1: random 0..4294967295).
  CHECK(code_of(h.push(body_with(1), with(h.good_params(), "random", "4294967295"))) == 0);
  h.advance_ms(1000);
  CHECK(code_of(h.push(body_with(2), with(h.good_params(), "random", "0"))) == 0);
  h.advance_ms(1000);
  // contenttype is always json; a request without it is still read as json.
  CHECK(code_of(h.push(body_with(3), without(h.good_params(), "contenttype"))) == 0);
}

TEST_CASE("sandbox 60012 / 60006: the SDKAppID") {
  Harness h;
  check_fail(h.push(body_with(1), without(h.good_params(), "sdkappid")), 60012);
  check_fail(h.push(body_with(1), with(h.good_params(), "sdkappid", "")), 60012);
  // A well-formed SDKAppID that is not the sandbox's app, with a UserSig signed for it.
  Params other = with(h.good_params(), "sdkappid", "1400000001");
  other = with(other, "usersig", h.sig(kAdmin, -1, 86400, 1400000001));
  check_fail(h.push(body_with(1), other), 60006);
}

TEST_CASE("sandbox 70002 / 60004: UserSig or identifier missing") {
  Harness h;
  check_fail(h.push(body_with(1), without(h.good_params(), "usersig")), 70002);
  check_fail(h.push(body_with(1), with(h.good_params(), "usersig", "")), 70002);
  check_fail(h.push(body_with(1), without(h.good_params(), "identifier")), 60004);
}

TEST_CASE("sandbox 60010 / 90009: only the App admin may push") {
  Harness h;
  SUBCASE("an account the app does not know, with a valid UserSig: 60010") {
    Params p = with(h.good_params(), "identifier", "stranger");
    p = with(p, "usersig", h.sig("stranger"));
    check_fail(h.push(body_with(1), p), 60010);
  }
  SUBCASE("a known ordinary account, with a valid UserSig: 90009") {
    Params p = with(h.good_params(), "identifier", "user1");
    p = with(p, "usersig", h.sig("user1"));
    check_fail(h.push(body_with(1), p), 90009);
  }
  // Neither refusal is a task.
  auto tasks = Json::parse(h.get("/sandbox/tasks")->body, nullptr, false);
  CHECK(tasks["tasks"].empty());
}

TEST_CASE("sandbox 60009 / 60008: unknown API paths and methods") {
  Harness h;
  auto q = Harness::query(h.good_params());
  for (const char* path : {"/sandbox/v4/timpush/pushh", "/sandbox/v4/im_open_login_svc/account_import",
                           "/sandbox/v4/", "/sandbox/other"}) {
    CAPTURE(path);
    auto result = h.post(std::string(path) + q, body_with(1));
    REQUIRE(result);
    CHECK(result->status == 200);
    check_fail(Json::parse(result->body, nullptr, false), 60009);
  }
  auto get = h.get("/sandbox/v4/timpush/push" + q);
  REQUIRE(get);
  CHECK(get->status == 200);
  check_fail(Json::parse(get->body, nullptr, false), 60008);
}
