// POST /sandbox/clock (sandbox.h, "The sandbox's clock"): a task scheduled two minutes ahead is
// dispatched at its time once the clock is moved past it, with no wait; the clock only goes
// forward and only by a sane step; another origin cannot move it.
#include <doctest/doctest.h>

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

httplib::Result advance(Harness& h, const std::string& body) { return h.post("/sandbox/clock", body); }

}  // namespace

TEST_CASE("the sandbox clock moves forward and a task two minutes ahead is dispatched at once") {
  Harness h;
  const int64_t at = h.now_s() + 120;
  Json push = Json::parse(body_with(41, {{"Condition", {{"TagsOr", {"股票A"}}}}}));
  Json added = call(h, "add_sched_task",
                    {{"Sdkappid", kAppId}, {"Type", "Tag"}, {"SchedAt", core::format_sched_at(at)}, {"Content", push}});
  REQUIRE(code_of(added) == 0);
  const int64_t id = added["TaskID"].get<int64_t>();

  auto moved = advance(h, R"({"AdvanceSeconds":125})");
  REQUIRE(moved);
  REQUIRE(moved->status == 200);
  Json answer = Json::parse(moved->body);
  CHECK(answer["AheadSeconds"] == 125);
  CHECK(answer["Now"] == h.now_s() + 125);  // the test's own clock did not move

  Json info = call(h, "get_sched_task", {{"Sdkappid", kAppId}, {"TaskID", id}})["TaskInfo"];
  CHECK(info["Status"] == "dispatched");
  REQUIRE_FALSE(info["PushTaskID"].get<std::string>().empty());
  // Pushed at its SchedAt, as a timer would have.
  auto tasks = h.get("/sandbox/tasks");
  REQUIRE(tasks);
  Json list = Json::parse(tasks->body);
  REQUIRE(list["total"] == 1);
  CHECK(list["tasks"][0]["Time"] == at);

  // A UserSig made by the test's clock is still good: the moved clock is ahead of its issue time.
  h.advance_ms(1000);
  CHECK(code_of(h.push(body_with(42, {{"Condition", {{"TagsOr", {"股票A"}}}}}))) == 0);
  // And a new schedule is judged against the moved clock: 60 s ahead of the test's clock is past.
  Json late = call(h, "add_sched_task", {{"Sdkappid", kAppId}, {"Type", "Tag"},
                                         {"SchedAt", core::format_sched_at(h.now_s() + 90)}, {"Content", push}});
  CHECK(code_of(late) == 90104);
}

TEST_CASE("the sandbox clock refuses going back, a zero or huge step, a body of another shape, and other origins") {
  Harness h;
  for (const char* body : {R"({"AdvanceSeconds":-5})", R"({"AdvanceSeconds":0})", R"({"AdvanceSeconds":2678401})",
                           R"({"AdvanceSeconds":"60"})", "[]", "not json", ""}) {
    auto refused = advance(h, body);
    REQUIRE(refused);
    CHECK_MESSAGE(refused->status == 400, body);
    CHECK(Json::parse(refused->body).contains("ErrorZh"));
  }
  auto month = advance(h, R"({"AdvanceSeconds":2678400})");
  REQUIRE(month);
  CHECK(month->status == 200);
  CHECK(Json::parse(month->body)["AheadSeconds"] == 2678400);

  httplib::Headers other = {{"Origin", "https://attacker.example"}};
  auto foreign = h.client().Post("/sandbox/clock", other, R"({"AdvanceSeconds":60})", "application/json");
  REQUIRE(foreign);
  CHECK(foreign->status == 403);
  auto after = advance(h, R"({"AdvanceSeconds":1})");
  REQUIRE(after);
  CHECK(Json::parse(after->body)["AheadSeconds"] == 2678401);  // the foreign call moved nothing
}
