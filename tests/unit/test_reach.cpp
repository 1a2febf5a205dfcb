// The reach of a Condition: its parts, the body without one, what a part adds or removes, and the
// pacing of the page's requests to POST /sandbox/reach.
#include <doctest/doctest.h>

#include "core/reach.h"

using namespace timpush::core;
using timpush::Json;

namespace {
const Json body = Json::parse(R"({"MsgRandom":1,"Condition":{"TagsAnd":["股票A","股票B"],"TagsNot":["已退订"]}})");
}

TEST_CASE("reach: each tag and attribute term is a part, in the Condition's order, at most ten") {
  std::vector<ConditionPart> parts = condition_parts(body);
  REQUIRE(parts.size() == 3);
  CHECK(parts[0].pointer == "/Condition/TagsAnd/0");
  CHECK(parts[0].shown == "股票A");
  CHECK(parts[2].list == "TagsNot");
  CHECK(parts[2].pointer == "/Condition/TagsNot/0");

  Json attrs = Json::parse(R"({"Condition":{"AttrsOr":{"city":"深圳","a/b":"x"}}})");
  parts = condition_parts(attrs);
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].shown == "city=深圳");
  CHECK(parts[1].pointer == "/Condition/AttrsOr/a~1b");  // RFC 6901 escapes '/'

  Json many = Json::parse(R"({"Condition":{"TagsOr":[]}})");
  for (int i = 0; i < 15; ++i) many["Condition"]["TagsOr"].push_back("t" + std::to_string(i));
  CHECK(condition_parts(many).size() == max_reach_parts);
  CHECK(condition_parts(Json::parse(R"({"MsgRandom":1})")).empty());
  CHECK(condition_parts(Json::parse(R"({"Condition":"all"})")).empty());
}

TEST_CASE("reach: the body without a part; the last one out takes its list, then the Condition") {
  std::vector<ConditionPart> parts = condition_parts(body);
  CHECK(body_without(body, parts[0]) ==
        Json::parse(R"({"MsgRandom":1,"Condition":{"TagsAnd":["股票B"],"TagsNot":["已退订"]}})"));
  CHECK(body_without(body, parts[2]) == Json::parse(R"({"MsgRandom":1,"Condition":{"TagsAnd":["股票A","股票B"]}})"));
  Json one = Json::parse(R"({"Condition":{"AttrsOr":{"a/b":"x"}}})");
  CHECK(body_without(one, condition_parts(one)[0]) == Json::object());
  // A part that is not there (a stale pointer) changes nothing.
  CHECK(body_without(body, ConditionPart{"TagsAnd", "/Condition/TagsAnd/9", "x"}) == body);
  CHECK(body_without(body, ConditionPart{"TagsOr", "/Condition/TagsOr/0", "x"}) == body);
}

TEST_CASE("reach: an AND tag and a NOT tag remove users, an OR tag adds them") {
  // Counts as the sandbox would answer: with both tags 300 users; without 股票B (only 股票A)
  // 900; without TagsNot 320. Expected changes worked by hand: 300 - 900, 300 - 320.
  CHECK(part_change(300, 900) == -600);
  CHECK(part_change(300, 320) == -20);
  // TagsOr [股票A, 股票B] reaches 1500; without 股票B, 900: 股票B adds 600.
  CHECK(part_change(1500, 900) == 600);
}

TEST_CASE("reach: the sandbox's answer read, anything else refused") {
  std::optional<ReachCount> c = read_reach_answer(200, R"({"Users":12,"Of":2000})");
  REQUIRE(c);
  CHECK(c->users == 12);
  CHECK(c->of == 2000);
  CHECK_FALSE(read_reach_answer(400, R"({"Users":12,"Of":2000})"));
  CHECK_FALSE(read_reach_answer(200, R"({"Users":"12","Of":2000})"));
  CHECK_FALSE(read_reach_answer(200, R"({"Users":3000,"Of":2000})"));
  CHECK_FALSE(read_reach_answer(200, R"({"Users":-1,"Of":2000})"));
  CHECK_FALSE(read_reach_answer(200, "<html>"));
}

TEST_CASE("reach: asked once the condition is still for 300 ms, never twice for it, one at a time") {
  ReachDebounce d;
  CHECK_FALSE(d.due(0));
  CHECK(d.wait_ms(0) == -1);
  d.note("{A}", 1000);
  CHECK_FALSE(d.due(1299));
  CHECK(d.wait_ms(1100) == 200);
  // Typing on: each change restarts the wait.
  d.note("{AB}", 1200);
  CHECK_FALSE(d.due(1400));
  d.note("{AB}", 1450);  // the same condition noted again is no change
  CHECK(d.due(1500));
  d.asked();
  CHECK(d.in_flight());
  CHECK_FALSE(d.due(5000));
  // A change while a request is in flight waits for its answer.
  d.note("{ABC}", 1600);
  CHECK_FALSE(d.due(2000));
  CHECK(d.wait_ms(2000) == -1);
  d.answered();
  CHECK(d.due(2000));
  d.asked();
  d.answered();
  CHECK_FALSE(d.due(9000));  // answered for this condition: nothing more to ask
  CHECK(d.wait_ms(9000) == -1);
  // Back to an earlier condition is a change like any other.
  d.note("{AB}", 9000);
  CHECK(d.due(9300));
}
