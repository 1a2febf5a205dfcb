// GET /sandbox/app says how many users the world has, and POST /sandbox/reach how many a push
// body reaches (sandbox.h's decisions): what the page shows as "reaches N of M users".
#include <doctest/doctest.h>

#include "harness.h"

using namespace timpush;
using namespace timpush::test;

TEST_CASE("the app's population and the reach of a Condition") {
  Harness h;
  auto app = h.get("/sandbox/app");
  REQUIRE(app);
  Json info = Json::parse(app->body);
  CHECK(info["population"] == 2000);
  CHECK(info["seed"] == 1);
  CHECK(info["attributes"].contains("会员等级"));
  auto reach = [&](const Json& body) {
    auto answer = h.post("/sandbox/reach", body.dump());
    REQUIRE(answer);
    REQUIRE(answer->status == 200);
    return Json::parse(answer->body);
  };
  Json everyone = reach(Json::parse(body_with(1)));
  CHECK(everyone["Users"] == 2000);
  CHECK(everyone["Of"] == 2000);
  Json both = reach(Json::parse(body_with(1, {{"Condition", {{"TagsAnd", {"股票A", "股票B"}}}}})));
  Json either = reach(Json::parse(body_with(1, {{"Condition", {{"TagsOr", {"股票A", "股票B"}}}}})));
  CHECK(both["Users"] > 0);
  CHECK(both["Users"] < either["Users"]);
  CHECK(either["Users"] < 2000);
  auto bad = h.post("/sandbox/reach", "not json");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(Json::parse(bad->body).contains("ErrorZh"));
}
