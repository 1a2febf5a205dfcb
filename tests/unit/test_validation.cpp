// validate_body against the rules of reference.md sections 2-4 and the product document
// (push-api.zh.txt). Each case starts from a valid request and breaks exactly one thing.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_files.h"
#include "core/json.h"
#include "core/validation.h"

using timpush::Json;
using namespace timpush::core;
using timpush::test::read_file;
using timpush::test::strip_line_comments;

namespace {



const std::vector<std::string> example_files = {
    "all_users_offline.json", "all_users_online_only.json", "tags_and.json",
    "tags_or.json",           "attrs_and_member.json",      "attrs_and_user.json"};

// A request that passes with no issue at all: a tag push with an offline notification.
Json valid_request() {
  return Json::parse(R"({
    "From_Account": "administrator",
    "MsgRandom": 124032,
    "Condition": {"TagsOr": ["vip", "beta"]},
    "OfflinePushInfo": {"PushFlag": 0, "Title": "title", "Desc": "text", "Ext": "{\"k\":1}"}
  })");
}

std::string body(const Json& request) { return request.dump(); }

std::vector<int> error_codes(const ValidationReport& report) {
  std::vector<int> codes;
  for (const auto& issue : report.issues) {
    if (issue.severity == Severity::error) codes.push_back(issue.code);
  }
  return codes;
}

std::vector<int> warning_codes(const ValidationReport& report) {
  std::vector<int> codes;
  for (const auto& issue : report.issues) {
    if (issue.severity == Severity::warning) codes.push_back(issue.code);
  }
  return codes;
}

const Issue* find_issue(const ValidationReport& report, int code) {
  for (const auto& issue : report.issues) {
    if (issue.code == code) return &issue;
  }
  return nullptr;
}

std::vector<int> errors_of(const Json& request) { return error_codes(validate_body(body(request))); }

std::string repeat(const std::string& unit, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

const std::string cjk = "\xE8\x82\xA1";  // 股, 3 bytes of UTF-8

Json tags(size_t count, const std::string& prefix = "t") {
  Json list = Json::array();
  for (size_t i = 0; i < count; ++i) list.push_back(prefix + std::to_string(i));
  return list;
}

}  // namespace

TEST_CASE("the baseline request is clean") {
  ValidationReport report = validate_body(body(valid_request()));
  CHECK(report.ok());
  CHECK(report.issues.empty());
}

TEST_CASE("the product document's request examples pass once their comments are removed") {
  for (const auto& name : example_files) {
    CAPTURE(name);
    std::string text = strip_line_comments(read_file(std::string(TIMPUSH_TEST_DATA) + "/examples/" + name));
    ValidationReport report = validate_body(text);
    CHECK(report.ok());
    CHECK(error_codes(report).empty());
  }
}

TEST_CASE("the examples as the document prints them are refused at the first comment (90001)") {
  std::string text = read_file(std::string(TIMPUSH_TEST_DATA) + "/examples/all_users_offline.json");
  ValidationReport report = validate_body(text);
  REQUIRE(error_codes(report) == std::vector<int>{90001});
  // Line 5 is `"PushFlag": 0, // ...`; the comment starts at character 16 (counted by hand).
  CHECK(report.issues[0].line == 5);
  CHECK(report.issues[0].column == 16);
  CHECK(report.issues[0].message.en.find("comment") != std::string::npos);
}

TEST_CASE("the online-only example of the document gets a warning for its plain-text Ext") {
  std::string text = strip_line_comments(
      read_file(std::string(TIMPUSH_TEST_DATA) + "/examples/all_users_online_only.json"));
  ValidationReport report = validate_body(text);
  CHECK(report.ok());
  auto warnings = warning_codes(report);
  CHECK(std::count(warnings.begin(), warnings.end(), local_code::ext_not_json) == 1);
  CHECK(std::count(warnings.begin(), warnings.end(), local_code::all_users) == 1);
  // PushFlag 1 is online only: no notification is expected, so a missing Desc is fine.
  CHECK(std::count(warnings.begin(), warnings.end(), local_code::desc_missing) == 0);
}

TEST_CASE("90001: text that is not a JSON object, with its 1-based line and column") {
  SUBCASE("garbage in the middle of a line") {
    auto report = validate_body("{\n  \"MsgRandom\": 1,\n  x\n}");
    REQUIRE(error_codes(report) == std::vector<int>{90001});
    CHECK(report.issues[0].line == 3);
    CHECK(report.issues[0].column == 3);
    CHECK(report.issues[0].pointer.empty());
  }
  SUBCASE("columns count characters, not bytes") {
    auto report = validate_body("{\n\"\xE6\xA0\x87\xE9\xA2\x98\":x}");  // {"标题":x}
    REQUIRE(error_codes(report) == std::vector<int>{90001});
    CHECK(report.issues[0].line == 2);
    CHECK(report.issues[0].column == 6);
  }
  SUBCASE("a trailing comma") {
    auto report = validate_body("{\"MsgRandom\":1,}");
    REQUIRE(error_codes(report) == std::vector<int>{90001});
    CHECK(report.issues[0].column == 16);
    CHECK(report.issues[0].message.en.find("comma") != std::string::npos);
  }
  SUBCASE("truncated text") {
    auto report = validate_body("{\"MsgRandom\":1");
    REQUIRE(error_codes(report) == std::vector<int>{90001});
    CHECK(report.issues[0].line == 1);
    CHECK(report.issues[0].column == 15);
  }
  SUBCASE("empty body") {
    auto report = validate_body("");
    REQUIRE(error_codes(report) == std::vector<int>{90001});
    CHECK(report.issues[0].line == 1);
    CHECK(report.issues[0].column == 1);
  }
  SUBCASE("JSON, but not an object") {
    CHECK(error_codes(validate_body("[1,2]")) == std::vector<int>{90001});
    CHECK(error_codes(validate_body("\"text\"")) == std::vector<int>{90001});
    CHECK(error_codes(validate_body("124032")) == std::vector<int>{90001});
  }
  SUBCASE("something after the object") {
    CHECK(error_codes(validate_body(body(valid_request()) + "}")) == std::vector<int>{90001});
  }
}

TEST_CASE("90005: MsgRandom is an integer from 0 to 4294967295") {
  for (const char* good : {"0", "1", "4294967295"}) {
    CAPTURE(good);
    Json request = valid_request();
    request["MsgRandom"] = Json::parse(good);
    CHECK(errors_of(request).empty());
  }
  // 1.0 and 1e3 are refused on purpose: the server asks for an Integer (see validation.h).
  for (const char* bad : {"-1", "4294967296", "18446744073709551615", "\"1\"", "1.5", "1.0", "1e3",
                          "null", "true", "[1]", "{}"}) {
    CAPTURE(bad);
    Json request = valid_request();
    request["MsgRandom"] = Json::parse(bad);
    auto report = validate_body(body(request));
    CHECK(error_codes(report) == std::vector<int>{90005});
    REQUIRE(find_issue(report, 90005));
    CHECK(find_issue(report, 90005)->pointer == "/MsgRandom");
  }
  SUBCASE("missing") {
    Json request = valid_request();
    request.erase("MsgRandom");
    auto report = validate_body(body(request));
    CHECK(error_codes(report) == std::vector<int>{90005});
    CHECK(find_issue(report, 90005)->pointer == "/MsgRandom");
  }
  SUBCASE("the message names the value and the range") {
    Json request = valid_request();
    request["MsgRandom"] = Json::parse("4294967296");
    auto issue = *find_issue(validate_body(body(request)), 90005);
    CHECK(issue.message.en.find("4294967296") != std::string::npos);
    CHECK(issue.message.en.find("4294967295") != std::string::npos);
    CHECK(issue.message.zh.find("4294967295") != std::string::npos);
  }
}

TEST_CASE("90020: a tag is at most 50 bytes of UTF-8") {
  for (const char* key : {"TagsAnd", "TagsOr", "TagsNot"}) {
    CAPTURE(key);
    Json request = valid_request();
    request["Condition"] = Json::object();
    request["Condition"][key] = Json::array({"ok", std::string(50, 'a')});
    CHECK(errors_of(request).empty());
    request["Condition"][key] = Json::array({"ok", "ok2", std::string(51, 'a')});
    auto report = validate_body(body(request));
    CHECK(error_codes(report) == std::vector<int>{90020});
    const Issue* issue = find_issue(report, 90020);
    REQUIRE(issue);
    CHECK(issue->pointer == std::string("/Condition/") + key + "/2");
    CHECK(issue->message.en.find(std::string("tag 3 of ") + key + " is 51 bytes") != std::string::npos);
    CHECK(issue->message.en.find("50") != std::string::npos);
    CHECK(issue->message.zh.find("51") != std::string::npos);
  }
  SUBCASE("Chinese characters are 3 bytes: 16 fit (48 bytes), 17 do not (51)") {
    Json request = valid_request();
    request["Condition"]["TagsOr"] = Json::array({repeat(cjk, 16)});
    CHECK(errors_of(request).empty());
    request["Condition"]["TagsOr"] = Json::array({repeat(cjk, 16) + "ab"});  // 50 bytes
    CHECK(errors_of(request).empty());
    request["Condition"]["TagsOr"] = Json::array({repeat(cjk, 17)});
    CHECK(errors_of(request) == std::vector<int>{90020});
  }
  SUBCASE("bytes are counted after \\u escapes are decoded") {
    std::string escaped17 = repeat("\\u80a1", 17);  // 股 x 17 = 51 bytes once decoded
    std::string escaped16 = repeat("\\u80a1", 16);
    std::string text = R"({"MsgRandom":1,"Condition":{"TagsOr":[")" + escaped16 +
                       R"("]},"OfflinePushInfo":{"Desc":"d"}})";
    CHECK(validate_body(text).ok());
    text = R"({"MsgRandom":1,"Condition":{"TagsOr":[")" + escaped17 + R"("]},"OfflinePushInfo":{"Desc":"d"}})";
    CHECK(error_codes(validate_body(text)) == std::vector<int>{90020});
  }
}

TEST_CASE("90040: an empty tag") {
  for (const char* key : {"TagsAnd", "TagsOr", "TagsNot"}) {
    CAPTURE(key);
    Json request = valid_request();
    request["Condition"] = Json::object();
    request["Condition"][key] = Json::array({"a", ""});
    auto report = validate_body(body(request));
    CHECK(error_codes(report) == std::vector<int>{90040});
    CHECK(find_issue(report, 90040)->pointer == std::string("/Condition/") + key + "/1");
  }
}

TEST_CASE("90032: at most 10 tags in each of TagsAnd, TagsOr, TagsNot") {
  for (const char* key : {"TagsAnd", "TagsOr", "TagsNot"}) {
    CAPTURE(key);
    Json request = valid_request();
    request["Condition"] = Json::object();
    request["Condition"][key] = tags(10);
    CHECK(errors_of(request).empty());
    request["Condition"][key] = tags(11);
    auto report = validate_body(body(request));
    CHECK(error_codes(report) == std::vector<int>{90032});
    CHECK(find_issue(report, 90032)->pointer == std::string("/Condition/") + key);
    CHECK(find_issue(report, 90032)->message.en.find("11") != std::string::npos);
  }
  SUBCASE("the limit is per condition, not per request") {
    Json request = valid_request();
    request["Condition"] = Json::object();
    request["Condition"]["TagsAnd"] = tags(10, "a");
    request["Condition"]["TagsOr"] = tags(10, "o");
    request["Condition"]["TagsNot"] = tags(10, "n");
    CHECK(errors_of(request).empty());
  }
}

TEST_CASE("90022: the same tag in TagsOr and TagsAnd") {
  Json request = valid_request();
  request["Condition"] = Json::parse(R"({"TagsAnd":["a","b"],"TagsOr":["c","b"]})");
  auto report = validate_body(body(request));
  CHECK(error_codes(report) == std::vector<int>{90022});
  // Reported on the list that comes second, at the repeated tag.
  CHECK(find_issue(report, 90022)->pointer == "/Condition/TagsOr/1");

  request["Condition"] = Json::parse(R"({"TagsOr":["b"],"TagsAnd":["b"]})");
  report = validate_body(body(request));
  CHECK(error_codes(report) == std::vector<int>{90022});
  CHECK(find_issue(report, 90022)->pointer == "/Condition/TagsAnd/0");

  SUBCASE("distinct tags in both lists are allowed, and TagsNot is not compared") {
    request["Condition"] = Json::parse(R"({"TagsAnd":["a"],"TagsOr":["b"],"TagsNot":["a","b"]})");
    CHECK(errors_of(request).empty());
  }
}

TEST_CASE("90039: tag and attribute conditions cannot be mixed") {
  Json request = valid_request();
  SUBCASE("TagsAnd with AttrsOr") {
    request["Condition"] = Json::parse(R"({"TagsAnd":["a"],"AttrsOr":{"city":"sz"}})");
    auto report = validate_body(body(request));
    CHECK(error_codes(report) == std::vector<int>{90039});
    CHECK(find_issue(report, 90039)->pointer == "/Condition/AttrsOr");
  }
  SUBCASE("TagsNot counts as a tag condition") {
    request["Condition"] = Json::parse(R"({"AttrsAnd":{"city":"sz"},"TagsNot":["a"]})");
    CHECK(errors_of(request) == std::vector<int>{90039});
  }
  SUBCASE("reported once however many keys mix") {
    request["Condition"] =
        Json::parse(R"({"TagsAnd":["a"],"TagsOr":["b"],"AttrsAnd":{"x":"1"},"AttrsOr":{"y":"2"}})");
    CHECK(errors_of(request) == std::vector<int>{90039});
  }
  SUBCASE("TagsAnd with TagsOr, and AttrsAnd with AttrsOr, are allowed") {
    request["Condition"] = Json::parse(R"({"TagsAnd":["a"],"TagsOr":["b"]})");
    CHECK(errors_of(request).empty());
    request["Condition"] = Json::parse(R"({"AttrsAnd":{"x":"1"},"AttrsOr":{"y":"2"}})");
    CHECK(errors_of(request).empty());
  }
}

TEST_CASE("attributes: values are at most 50 bytes, names are not judged (90033 is the server's)") {
  Json request = valid_request();
  request["Condition"] = Json::object();
  request["Condition"]["AttrsAnd"] = Json::object();
  request["Condition"]["AttrsAnd"]["never-set-name"] = std::string(50, 'v');
  CHECK(errors_of(request).empty());
  request["Condition"]["AttrsAnd"]["never-set-name"] = std::string(51, 'v');
  auto report = validate_body(body(request));
  CHECK(error_codes(report) == std::vector<int>{local_code::attr_value_too_long});
  CHECK(find_issue(report, local_code::attr_value_too_long)->pointer ==
        "/Condition/AttrsAnd/never-set-name");
  CHECK(find_issue(report, local_code::attr_value_too_long)->message.en.find("51") != std::string::npos);

  SUBCASE("pointers escape ~ and / (RFC 6901 section 3)") {
    request["Condition"]["AttrsAnd"] = Json::object();
    request["Condition"]["AttrsAnd"]["a/b~c"] = std::string(51, 'v');
    report = validate_body(body(request));
    CHECK(find_issue(report, local_code::attr_value_too_long)->pointer == "/Condition/AttrsAnd/a~1b~0c");
  }
  SUBCASE("a value that is not a string") {
    request["Condition"]["AttrsAnd"]["never-set-name"] = 5;
    CHECK(errors_of(request) == std::vector<int>{local_code::wrong_type});
  }
}

TEST_CASE("90056: the body is at most 10240 bytes, counted on the exact text") {
  Json request = valid_request();
  std::string base = body(request);
  // Pad Title so the whole text lands exactly on the boundary; Title is outside Desc+Ext.
  size_t pad = max_body_bytes - base.size();
  request["OfflinePushInfo"]["Title"] = request["OfflinePushInfo"]["Title"].get<std::string>() + std::string(pad, 'x');
  std::string at_limit = body(request);
  REQUIRE(at_limit.size() == 10240);
  CHECK(validate_body(at_limit).ok());
  CHECK(validate_body(at_limit).issues.empty());
  std::string over = at_limit + " ";  // whitespace counts: the server sees these bytes too
  REQUIRE(over.size() == 10241);
  auto report = validate_body(over);
  CHECK(error_codes(report) == std::vector<int>{90056});
  CHECK(find_issue(report, 90056)->pointer.empty());
  CHECK(find_issue(report, 90056)->message.en.find("10241") != std::string::npos);
  CHECK(find_issue(report, 90056)->message.en.find("10240") != std::string::npos);
}

TEST_CASE("DataId is at most 64 bytes") {
  Json request = valid_request();
  request["DataId"] = std::string(64, 'd');
  CHECK(errors_of(request).empty());
  request["DataId"] = std::string(65, 'd');
  auto report = validate_body(body(request));
  CHECK(error_codes(report) == std::vector<int>{local_code::data_id_too_long});
  CHECK(find_issue(report, local_code::data_id_too_long)->pointer == "/DataId");
  request["DataId"] = repeat(cjk, 21) + "a";  // 64 bytes, 22 characters
  CHECK(errors_of(request).empty());
  request["DataId"] = repeat(cjk, 22);  // 66 bytes
  CHECK(errors_of(request) == std::vector<int>{local_code::data_id_too_long});
}

TEST_CASE("documented fields of the wrong JSON type are errors") {
  struct Case {
    const char* pointer;
    const char* value;
    int code;
  };
  const Case cases[] = {
      {"/From_Account", "5", 60015},  // the common code "account must be a string"
      {"/Condition", "\"vip\"", local_code::wrong_type},
      {"/Condition", "null", local_code::wrong_type},
      {"/Condition/TagsOr", "\"vip\"", local_code::wrong_type},
      {"/Condition/TagsOr", "{}", local_code::wrong_type},
      {"/Condition/TagsOr/0", "1", local_code::wrong_type},
      {"/OfflinePushInfo", "[]", local_code::wrong_type},
      {"/OfflinePushInfo/PushFlag", "\"0\"", local_code::wrong_type},
      {"/OfflinePushInfo/PushFlag", "0.0", local_code::wrong_type},
      {"/OfflinePushInfo/PushFlag", "2", local_code::bad_value},
      {"/OfflinePushInfo/PushFlag", "-1", local_code::bad_value},
      {"/OfflinePushInfo/Title", "5", local_code::wrong_type},
      {"/OfflinePushInfo/Desc", "[\"a\"]", local_code::wrong_type},
      {"/OfflinePushInfo/Ext", "{\"k\":1}", local_code::wrong_type},  // an object, not JSON text
      {"/OfflinePushInfo/AndroidInfo", "\"x\"", local_code::wrong_type},
      {"/OfflinePushInfo/AndroidInfo/Sound", "1", local_code::wrong_type},
      {"/OfflinePushInfo/AndroidInfo/VIVOClassification", "2", local_code::bad_value},
      {"/OfflinePushInfo/AndroidInfo/VIVOClassification", "\"1\"", local_code::wrong_type},
      {"/OfflinePushInfo/AndroidInfo/HuaWeiImportance", "\"HIGH\"", local_code::bad_value},
      {"/OfflinePushInfo/AndroidInfo/ExtAsHuaweiIntentParam", "true", local_code::wrong_type},
      {"/OfflinePushInfo/ApnsInfo", "1", local_code::wrong_type},
      {"/OfflinePushInfo/ApnsInfo/BadgeMode", "\"1\"", local_code::wrong_type},
      {"/OfflinePushInfo/ApnsInfo/MutableContent", "3", local_code::bad_value},
      {"/OfflinePushInfo/ApnsInfo/SubTitle", "false", local_code::wrong_type},
      {"/DataId", "42", local_code::wrong_type},
  };
  for (const auto& c : cases) {
    CAPTURE(c.pointer);
    CAPTURE(c.value);
    Json request = valid_request();
    request["OfflinePushInfo"]["AndroidInfo"] = Json::object();
    request["OfflinePushInfo"]["ApnsInfo"] = Json::object();
    request[Json::json_pointer(c.pointer)] = Json::parse(c.value);
    auto report = validate_body(body(request));
    CHECK(error_codes(report) == std::vector<int>{c.code});
    const Issue* issue = find_issue(report, c.code);
    REQUIRE(issue);
    CHECK(issue->pointer == c.pointer);
  }
  SUBCASE("newer vendor fields (unverified) pass through unjudged") {
    Json request = valid_request();
    request["OfflinePushInfo"]["AndroidInfo"] = Json::parse(R"({"PushStyle":{"x":1},"HonorImportance":7})");
    CHECK(errors_of(request).empty());
  }
}

TEST_CASE("warnings never block") {
  SUBCASE("Ext that is not JSON text") {
    Json request = valid_request();
    request["OfflinePushInfo"]["Ext"] = "plain text";
    auto report = validate_body(body(request));
    CHECK(report.ok());
    CHECK(warning_codes(report) == std::vector<int>{local_code::ext_not_json});
    CHECK(find_issue(report, local_code::ext_not_json)->pointer == "/OfflinePushInfo/Ext");
  }
  SUBCASE("Desc + Ext over 3072 bytes") {
    Json request = valid_request();
    std::string ext = "{\"k\":\"" + std::string(3000, 'e') + "\"}";
    request["OfflinePushInfo"]["Ext"] = ext;
    request["OfflinePushInfo"]["Desc"] = std::string(3072 - ext.size(), 'd');
    CHECK(validate_body(body(request)).issues.empty());
    request["OfflinePushInfo"]["Desc"] = std::string(3073 - ext.size(), 'd');
    auto report = validate_body(body(request));
    CHECK(report.ok());
    CHECK(warning_codes(report) == std::vector<int>{local_code::payload_too_big_for_apns});
    CHECK(find_issue(report, local_code::payload_too_big_for_apns)->message.en.find("3073") !=
          std::string::npos);
  }
  SUBCASE("no Desc on an offline push") {
    Json request = valid_request();
    request["OfflinePushInfo"].erase("Desc");
    auto report = validate_body(body(request));
    CHECK(report.ok());
    CHECK(warning_codes(report) == std::vector<int>{local_code::desc_missing});
    CHECK(find_issue(report, local_code::desc_missing)->pointer == "/OfflinePushInfo/Desc");
    request["OfflinePushInfo"].erase("PushFlag");  // absent means 0
    CHECK(warning_codes(validate_body(body(request))) == std::vector<int>{local_code::desc_missing});
    request["OfflinePushInfo"]["Desc"] = "";
    CHECK(warning_codes(validate_body(body(request))) == std::vector<int>{local_code::desc_missing});
    request["OfflinePushInfo"].erase("Desc");
    request["OfflinePushInfo"]["PushFlag"] = 1;  // online only: nothing to show
    CHECK(validate_body(body(request)).issues.empty());
    request.erase("OfflinePushInfo");
    CHECK(warning_codes(validate_body(body(request))) == std::vector<int>{local_code::desc_missing});
  }
  SUBCASE("a push to every user") {
    Json request = valid_request();
    request.erase("Condition");
    auto report = validate_body(body(request));
    CHECK(report.ok());
    CHECK(warning_codes(report) == std::vector<int>{local_code::all_users});
    request["Condition"] = Json::parse(R"({"TagOr":["typo"]})");
    report = validate_body(body(request));
    CHECK(report.ok());
    CHECK(warning_codes(report) == std::vector<int>{local_code::all_users});
    CHECK(find_issue(report, local_code::all_users)->pointer == "/Condition");
  }
}

TEST_CASE("issues come in document order, absent fields last") {
  std::string text = R"({"DataId":")" + std::string(65, 'd') +
                     R"(","Condition":{"TagsOr":[""]},"MsgRandom":"1","OfflinePushInfo":{"Desc":"d"}})";
  CHECK(error_codes(validate_body(text)) ==
        std::vector<int>{local_code::data_id_too_long, 90040, 90005});
  text = R"({"Condition":{"TagsOr":[""]},"DataId":")" + std::string(65, 'd') +
         R"(","OfflinePushInfo":{"Desc":"d"}})";
  CHECK(error_codes(validate_body(text)) ==
        std::vector<int>{90040, local_code::data_id_too_long, 90005});
  // Size first, then everything else.
  Json request = valid_request();
  request["DataId"] = std::string(10240, 'd');
  CHECK(error_codes(validate_body(body(request))) ==
        std::vector<int>{90056, local_code::data_id_too_long});
}

TEST_CASE("every issue explains itself in both languages") {
  std::string text = R"({"MsgRandom":-1,"From_Account":1,"Condition":{"TagsAnd":["",1,")" + std::string(51, 'x') +
                     R"("],"TagsOr":["a","a"],"AttrsOr":{"k":")" + std::string(51, 'v') +
                     R"("}},"OfflinePushInfo":{"PushFlag":5,"Ext":"x"},"DataId":")" + std::string(70, 'd') + "\"}";
  auto report = validate_body(text);
  CHECK(report.issues.size() >= 8);
  for (const auto& issue : report.issues) {
    CAPTURE(issue.code);
    CHECK(!issue.message.en.empty());
    CHECK(!issue.message.zh.empty());
    CHECK(issue.message.en != issue.message.zh);
    CHECK((issue.pointer.empty() || issue.pointer[0] == '/'));
    CHECK(issue.line == 0);
  }
}

TEST_CASE("json_pointer_token follows RFC 6901: ~ first, then /") {
  CHECK(json_pointer_token("a/b") == "a~1b");
  CHECK(json_pointer_token("a~b") == "a~0b");
  CHECK(json_pointer_token("~1") == "~01");  // not "~1": the ~ is escaped, then the 1 is kept
  CHECK(json_pointer_token("") == "");
}

TEST_CASE("90001 messages name the usual mistakes") {
  struct Case {
    std::string text;
    const char* says;
  };
  const Case cases[] = {
      {"{\"Desc\":\"line\nbreak\"}", "\\n"},                 // raw line break in a string
      {"{\"Desc\":\"\xB9\xC9\xC6\xB1\"}", "UTF-8"},          // 股票 saved as GBK
      {"{\xFF}", "UTF-8"},
      {"{\"Desc\":hello}", "double quotes"},                 // unquoted text
      {"{\"Desc\" \"x\"}", "':'"},                           // missing colon
      {"{\"a\":1 \"b\":2}", "','"},                          // missing comma
      {"{\"a\":\"\\q\"}", "escape"},
      {"{\"MsgRandom\":01}", "','"},
      {"{\"MsgRandom\":1.}", "number"},
      {"{\"Desc\":\"x\"}}", "nothing may follow"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto report = validate_body(c.text);
    REQUIRE(error_codes(report) == std::vector<int>{90001});
    CHECK(report.issues[0].message.en.find(c.says) != std::string::npos);
    CHECK(report.issues[0].message.zh.find("JSON") != std::string::npos);
  }
}

TEST_CASE("90001 on bytes that only look like UTF-8 (an overlong form) still says so in UTF-8") {
  // Found by validate_fuzzer: after 0xEF comes 0xC1 0x9B, a lead and a continuation byte, but
  // RFC 3629 allows no 0xC1 lead; quoted as it came, the message itself was not UTF-8.
  const std::string found("\xEF\xC1\x9B\x0E\x01\xE0\x60\x00\x00\x55\xBC\x6D\x41\x5F\x63\x63"
                          "\x6F\x75\x6E\x74\x22\x3A\xA0\x6E\x26\x0A", 26);
  ValidationReport report = validate_body(found);
  REQUIRE(error_codes(report) == std::vector<int>{90001});
  const Issue& issue = report.issues[0];
  CHECK(valid_utf8(issue.message.en) == issue.message.en);
  CHECK(valid_utf8(issue.message.zh) == issue.message.zh);
  CHECK(issue.message.en.find("\xC1") == std::string::npos);
}
