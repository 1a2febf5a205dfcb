// PushRequest to and from JSON (reference.md sections 2 and 3): every documented field, the
// docs' field order on output, and nothing lost on a round trip (unknown or wrongly typed fields).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "support/test_files.h"
#include "core/json.h"
#include "core/push_request.h"

using timpush::Json;
using namespace timpush::core;
using timpush::test::read_file;
using timpush::test::strip_line_comments;

namespace {


PushRequest parse_ok(const std::string& text) {
  ParsedRequest parsed = parse_push_request(text);
  REQUIRE_MESSAGE(parsed.request.has_value(), parsed.error);
  CHECK(parsed.error.en.empty());
  return *parsed.request;
}

std::string round_trip(const std::string& text) { return serialize_body(parse_ok(text)); }

}  // namespace

TEST_CASE("every documented field is read into the typed model") {
  PushRequest r = parse_ok(read_file(std::string(TIMPUSH_TEST_DATA) + "/full_request.json"));
  CHECK(r.from_account == "administrator");
  CHECK(r.msg_random == 124032u);
  REQUIRE(r.condition);
  CHECK(r.condition->tags_and == std::vector<std::string>{"股票A", "股票B"});
  CHECK(r.condition->tags_or == std::vector<std::string>{"vip", "beta"});
  CHECK(r.condition->tags_not == std::vector<std::string>{"unsubscribed"});
  CHECK(!r.condition->attrs_and);
  CHECK(r.condition->extra.empty());
  REQUIRE(r.offline_push_info);
  const OfflinePushInfo& o = *r.offline_push_info;
  CHECK(o.push_flag == 0);
  CHECK(o.title == "离线推送标题");
  CHECK(o.desc == "离线推送内容");
  CHECK(o.ext == R"({"entity":{"key1":"value1"}})");
  REQUIRE(o.android_info);
  CHECK(o.android_info->sound == "android.mp3");
  CHECK(o.android_info->huawei_channel_id == "hw_channel");
  CHECK(o.android_info->xiaomi_channel_id == "mi_channel");
  CHECK(o.android_info->oppo_channel_id == "oppo_channel");
  CHECK(o.android_info->google_channel_id == "google_channel");
  CHECK(o.android_info->vivo_classification == 1);
  CHECK(o.android_info->huawei_importance == "NORMAL");
  CHECK(o.android_info->ext_as_huawei_intent_param == 1);
  CHECK(o.android_info->huawei_category == "MARKETING");
  CHECK(o.android_info->extra.empty());
  REQUIRE(o.apns_info);
  CHECK(o.apns_info->sound == "apns.mp3");
  CHECK(o.apns_info->badge_mode == 1);
  CHECK(o.apns_info->title == "apns title");
  CHECK(o.apns_info->sub_title == "apns subtitle");
  CHECK(o.apns_info->image == "https://example.com/image.png");
  CHECK(o.apns_info->mutable_content == 1);
  CHECK(o.apns_info->extra.empty());
  CHECK(o.extra.empty());
  CHECK(r.data_id == "campaign-2024-09");
  CHECK(r.extra.empty());
}

TEST_CASE("a request already in the docs' order comes back byte for byte") {
  std::string text = read_file(std::string(TIMPUSH_TEST_DATA) + "/full_request.json");
  std::string compact = Json::parse(text).dump(-1, ' ', false);
  CHECK(round_trip(text) == compact);
  CHECK(round_trip(compact) == compact);
}

TEST_CASE("attributes keep the order the user gave them") {
  PushRequest r = parse_ok(R"({"MsgRandom":1,"Condition":{"AttrsAnd":{"会员等级":"超白金会员","city":"深圳","a":"b"}}})");
  REQUIRE(r.condition->attrs_and);
  AttributeMap expected = {{"会员等级", "超白金会员"}, {"city", "深圳"}, {"a", "b"}};
  CHECK(*r.condition->attrs_and == expected);
  CHECK(serialize_body(r) ==
        R"({"MsgRandom":1,"Condition":{"AttrsAnd":{"会员等级":"超白金会员","city":"深圳","a":"b"}}})");
}

TEST_CASE("output order: the docs' order, then unknown fields in input order") {
  std::string scrambled = R"({"zeta":1,"DataId":"d","OfflinePushInfo":{"Ext":"{}","new2":true,)"
                          R"("ApnsInfo":{"Future":1,"Sound":"s"},"Desc":"x","AndroidInfo":{"PushStyle":2,"Sound":"a"},)"
                          R"("Title":"t","new1":null,"PushFlag":1},"alpha":[1],"Condition":{"Extra":0,"TagsOr":["b"],)"
                          R"("TagsAnd":["a"]},"MsgRandom":7,"From_Account":"admin"})";
  CHECK(round_trip(scrambled) ==
        R"({"From_Account":"admin","MsgRandom":7,"Condition":{"TagsAnd":["a"],"TagsOr":["b"],"Extra":0},)"
        R"("OfflinePushInfo":{"PushFlag":1,"Title":"t","Desc":"x","Ext":"{}","AndroidInfo":{"Sound":"a",)"
        R"("PushStyle":2},"ApnsInfo":{"Sound":"s","Future":1},"new2":true,"new1":null},"DataId":"d",)"
        R"("zeta":1,"alpha":[1]})");
}

TEST_CASE("unknown fields survive at every level") {
  std::string text =
      R"({"MsgRandom":1,"Condition":{"TagsOr":["a"],"Unknown":{"deep":[1,{"x":"y"}]}},)"
      R"("OfflinePushInfo":{"Desc":"d","AndroidInfo":{"HonorImportance":"LOW","GooglePriority":"high"},)"
      R"("ApnsInfo":{"Unknown":[]},"Mystery":1.5},"Top":{"a":null}})";
  PushRequest r = parse_ok(text);
  CHECK(r.extra.contains("Top"));
  CHECK(r.condition->extra.at("Unknown") == Json::parse(R"({"deep":[1,{"x":"y"}]})"));
  CHECK(r.offline_push_info->extra.at("Mystery") == Json(1.5));
  CHECK(r.offline_push_info->android_info->extra.size() == 2);
  CHECK(r.offline_push_info->apns_info->extra.contains("Unknown"));
  CHECK(round_trip(text) == text);
}

TEST_CASE("a field of the wrong type is kept verbatim under its own name") {
  SUBCASE("MsgRandom as a string") {
    PushRequest r = parse_ok(R"({"MsgRandom":"123","From_Account":"a"})");
    CHECK(!r.msg_random);
    CHECK(r.extra.at("MsgRandom") == Json("123"));
    // Written back in its documented place, as it was.
    CHECK(serialize_body(r) == R"({"From_Account":"a","MsgRandom":"123"})");
  }
  SUBCASE("MsgRandom out of range, negative or a float") {
    for (const char* value : {"4294967296", "-1", "1.5", "1e3"}) {
      CAPTURE(value);
      std::string text = std::string(R"({"MsgRandom":)") + value + "}";
      PushRequest r = parse_ok(text);
      CHECK(!r.msg_random);
      CHECK(r.extra.contains("MsgRandom"));
      CHECK(serialize_body(r) == Json::parse(text).dump());
    }
  }
  SUBCASE("MsgRandom at both ends of its range is typed") {
    CHECK(parse_ok(R"({"MsgRandom":0})").msg_random == 0u);
    CHECK(parse_ok(R"({"MsgRandom":4294967295})").msg_random == 4294967295u);
  }
  SUBCASE("nested objects and lists") {
    std::string text =
        R"({"MsgRandom":1,"Condition":{"TagsAnd":["a",1],"AttrsOr":{"k":2}},)"
        R"("OfflinePushInfo":{"PushFlag":"1","Title":5,"AndroidInfo":"x","ApnsInfo":{"BadgeMode":"0"}},"DataId":9})";
    PushRequest r = parse_ok(text);
    CHECK(!r.condition->tags_and);
    CHECK(r.condition->extra.contains("TagsAnd"));
    CHECK(!r.condition->attrs_or);
    CHECK(!r.offline_push_info->push_flag);
    CHECK(!r.offline_push_info->title);
    CHECK(!r.offline_push_info->android_info);
    CHECK(r.offline_push_info->extra.at("AndroidInfo") == Json("x"));
    CHECK(!r.offline_push_info->apns_info->badge_mode);
    CHECK(!r.data_id);
    CHECK(round_trip(text) == text);
  }
  SUBCASE("Condition and OfflinePushInfo that are not objects") {
    std::string text = R"({"MsgRandom":1,"Condition":"vip","OfflinePushInfo":null})";
    PushRequest r = parse_ok(text);
    CHECK(!r.condition);
    CHECK(!r.offline_push_info);
    CHECK(round_trip(text) == text);
  }
}

TEST_CASE("a model built in code is written in the docs' order") {
  PushRequest r;
  r.data_id = "d1";
  r.offline_push_info = OfflinePushInfo{};
  r.offline_push_info->apns_info = ApnsInfo{};
  r.offline_push_info->apns_info->badge_mode = 1;
  r.offline_push_info->desc = "正文";
  r.offline_push_info->push_flag = 0;
  r.condition = Condition{};
  r.condition->attrs_or = AttributeMap{{"city", "深圳"}};
  r.msg_random = 4294967295u;
  r.from_account = "admin";
  r.extra["Later"] = 1;
  CHECK(serialize_body(r) ==
        R"({"From_Account":"admin","MsgRandom":4294967295,"Condition":{"AttrsOr":{"city":"深圳"}},)"
        R"("OfflinePushInfo":{"PushFlag":0,"Desc":"正文","ApnsInfo":{"BadgeMode":1}},"DataId":"d1","Later":1})");
  SUBCASE("a typed member wins over a stale copy in extra") {
    r.extra["MsgRandom"] = "old";
    CHECK(to_json(r).at("MsgRandom") == Json(4294967295u));
    CHECK(to_json(r).size() == 6);
  }
  SUBCASE("pretty output is the same document, indented by 2") {
    std::string pretty = serialize_pretty(r);
    CHECK(pretty.rfind("{\n  \"From_Account\": \"admin\",\n  \"MsgRandom\": 4294967295,", 0) == 0);
    CHECK(Json::parse(pretty) == Json::parse(serialize_body(r)));
  }
}

TEST_CASE("text is written as UTF-8, never \\u escapes, and bad UTF-8 does not throw") {
  PushRequest r;
  r.msg_random = 1;
  r.offline_push_info = OfflinePushInfo{};
  r.offline_push_info->title = "股票";
  CHECK(serialize_body(r) == "{\"MsgRandom\":1,\"OfflinePushInfo\":{\"Title\":\"股票\"}}");
  // Escapes in the input are decoded: the server counts the decoded bytes.
  CHECK(round_trip(R"({"MsgRandom":1,"X":"\u80a1"})") == "{\"MsgRandom\":1,\"X\":\"股\"}");
  r.offline_push_info->title = std::string("a\xFF" "b");
  std::string out;
  CHECK_NOTHROW(out = serialize_body(r));
  CHECK(out.find("a\xEF\xBF\xBD" "b") != std::string::npos);  // U+FFFD replacement character
}

TEST_CASE("only text that is not a JSON object fails to parse") {
  for (const char* text : {"", "{", "[]", "\"s\"", "1", "null", "{\"a\":1}}", "{'a':1}"}) {
    CAPTURE(text);
    ParsedRequest parsed = parse_push_request(text);
    CHECK(!parsed.request);
    CHECK(!parsed.error.en.empty());
  }
  CHECK(parse_push_request("{}").request.has_value());
  CHECK(serialize_body(*parse_push_request("{}").request) == "{}");
  CHECK(parse_push_request("{\n\"a\":x}").error.en.find("line 2, column 5") != std::string::npos);
}

TEST_CASE("hostile shapes are refused instead of exhausting the stack") {
  std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  ParsedRequest parsed = parse_push_request(deep);
  CHECK(!parsed.request);
  CHECK(parsed.error.en.find("deeper") != std::string::npos);
  std::string fine = "{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}";
  CHECK(round_trip(fine) == fine);
}
