// The sandbox judges the body with the core validator and answers the service's private codes
// (reference.md sections 2 and 4; push-api.zh.txt's error table).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

void check_code(Harness& h, const std::string& body, int code) {
  Json answer = h.push(body);
  REQUIRE(answer.is_object());
  CHECK(answer.value("ErrorCode", -1) == code);
  CHECK(answer.value("ActionStatus", "") == (code == 0 ? "OK" : "FAIL"));
  CHECK(answer.contains("TaskId") == (code == 0));
}

Json tags(const char* key, std::vector<std::string> list) {
  Json condition = Json::object();
  condition[key] = list;
  return Json{{"Condition", condition}};
}

}  // namespace

TEST_CASE("sandbox 90001: the body is not JSON (or not an object)") {
  Harness h;
  check_code(h, "{\"MsgRandom\": 1,", 90001);
  check_code(h, "[1, 2]", 90001);
  check_code(h, "", 90001);
  // A documented field of the wrong JSON type: the service's reader refuses the document.
  check_code(h, body_with(1, Json{{"Condition", "everyone"}}), 90001);
}

TEST_CASE("sandbox 90005: MsgRandom missing or not an integer") {
  Harness h;
  check_code(h, body_with(1, Json{{"MsgRandom", nullptr}}), 90005);
  check_code(h, body_with(1, Json{{"MsgRandom", "123"}}), 90005);
  check_code(h, body_with(1, Json{{"MsgRandom", 1.5}}), 90005);
  check_code(h, body_with(1, Json{{"MsgRandom", 4294967296LL}}), 90005);
  check_code(h, body_with(1, Json{{"MsgRandom", -1}}), 90005);
}

TEST_CASE("sandbox tag rules: 90020 90022 90032 90039 90040") {
  Harness h;
  // A tag is at most 50 bytes: 51 is too long.
  check_code(h, body_with(1, tags("TagsOr", {std::string(51, 'a')})), 90020);
  // The same tag in TagsOr and TagsAnd.
  check_code(h, body_with(1, Json{{"Condition", {{"TagsAnd", {"x"}}, {"TagsOr", {"x", "y"}}}}}),
             90022);
  // At most 10 tags per condition.
  std::vector<std::string> eleven;
  for (int i = 0; i < 11; ++i) eleven.push_back("t" + std::to_string(i));
  check_code(h, body_with(1, tags("TagsAnd", eleven)), 90032);
  // Tags and attributes cannot be mixed.
  check_code(h, body_with(1, Json{{"Condition", {{"TagsAnd", {"x"}}, {"AttrsAnd", {{"city", "sz"}}}}}}),
             90039);
  // An empty tag.
  check_code(h, body_with(1, tags("TagsOr", {"a", ""})), 90040);
}

TEST_CASE("sandbox: tag limits are inclusive (10 tags of 50 bytes pass)") {
  Harness h;
  std::vector<std::string> ten;
  for (int i = 0; i < 10; ++i) ten.push_back(std::string(49, 'a') + std::to_string(i));
  check_code(h, body_with(1, tags("TagsAnd", ten)), 0);
}

TEST_CASE("sandbox 90056: a body over 10240 bytes, 10240 itself passes") {
  Harness h;
  std::string base = body_with(1, Json{{"OfflinePushInfo", {{"PushFlag", 0}, {"Title", "t"}, {"Desc", ""}}}});
  // Grow Desc until the body is exactly the limit.
  std::string at_limit = body_with(1, Json{{"OfflinePushInfo",
                                           {{"PushFlag", 0}, {"Title", "t"},
                                            {"Desc", std::string(10240 - base.size(), 'd')}}}});
  REQUIRE(at_limit.size() == 10240);
  // Desc over 3 KB is only a warning: warnings never block.
  check_code(h, at_limit, 0);
  h.advance_ms(1000);
  std::string over = body_with(2, Json{{"OfflinePushInfo",
                                       {{"PushFlag", 0}, {"Title", "t"},
                                        {"Desc", std::string(10241 - base.size(), 'd')}}}});
  REQUIRE(over.size() == 10241);
  check_code(h, over, 90056);
}

TEST_CASE("sandbox: local-only rules answered as the service would") {
  Harness h;
  // An attribute value over 50 bytes: an invalid attribute (90033).
  check_code(h, body_with(1, Json{{"Condition", {{"AttrsAnd", {{"city", std::string(51, 'c')}}}}}}),
             90033);
  // DataId over 64 bytes: invalid parameters (70402).
  check_code(h, body_with(1, Json{{"DataId", std::string(65, 'd')}}), 70402);
  check_code(h, body_with(1, Json{{"DataId", std::string(64, 'd')}}), 0);
  h.advance_ms(1000);
  // PushFlag is 0 or 1 (reference.md section 3): 2 is an invalid parameter (70402).
  check_code(h, body_with(2, Json{{"OfflinePushInfo", {{"PushFlag", 2}, {"Desc", "x"}}}}), 70402);
}

TEST_CASE("sandbox: warnings never block") {
  Harness h;
  // No Desc on an offline push, an Ext that is not JSON, no Condition (every user).
  check_code(h, body_with(1, Json{{"OfflinePushInfo", {{"PushFlag", 0}, {"Ext", "not json"}}}}), 0);
}

TEST_CASE("sandbox: the product document's examples are accepted") {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(TIMPUSH_TEST_DATA) / "examples";
  REQUIRE(fs::is_directory(dir));
  Harness h;
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::string body = strip_line_comments(text.str());
    CAPTURE(entry.path().filename().string());
    Json answer = h.push(body);
    REQUIRE(answer.is_object());
    CHECK(answer.value("ActionStatus", "") == "OK");
    CHECK(answer.value("ErrorCode", -1) == 0);
    h.advance_ms(1000);
    ++seen;
  }
  // The document has two all-user, two tag and two attribute examples.
  CHECK(seen >= 6);
}

TEST_CASE("strip_line_comments keeps // inside strings") {
  CHECK(strip_line_comments("{\"a\": \"http://x\", // note\n\"b\": 1}") ==
        "{\"a\": \"http://x\", \n\"b\": 1}");
}
