// Who a push reaches (core/audience.h), pinned by a table of bodies. Expected values:
// push-api.zh.txt, Condition 注意: "如果没有 Condition,则推送给全部用户" (no Condition: every
// user); its examples select by a non-empty TagsAnd, TagsOr or AttrsAnd; reference.md section 2:
// TagsNot means "(A or B) and not (C or D)", so alone it keeps every user without those tags.
// For a Condition that selects nobody by tag or attribute the documents are silent: audience.h
// decides "every user" (the cautious side). Each row also checks that the Checks tab's all-user
// warning and the send guard's confirmation follow the same answer.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/audience.h"
#include "core/send_guard.h"
#include "core/validation.h"

using timpush::Json;
using namespace timpush::core;

namespace {

struct Row {
  const char* why;
  const char* condition;  // the Condition member as JSON text, nullptr: no Condition
  bool everyone;
};

const Row rows[] = {
    {"no Condition (push-api.zh.txt: 推送给全部用户)", nullptr, true},
    {"an empty Condition", "{}", true},
    {"an empty TagsAnd", R"({"TagsAnd":[]})", true},
    {"an empty TagsOr", R"({"TagsOr":[]})", true},
    {"empty tag lists and an empty attribute map", R"({"TagsAnd":[],"TagsOr":[],"AttrsOr":{}})", true},
    {"an empty AttrsAnd", R"({"AttrsAnd":{}})", true},
    {"only TagsNot: everyone without the tag", R"({"TagsNot":["vip"]})", true},
    {"only an unknown key (a typo of TagsOr)", R"({"TagOr":["a"]})", true},
    {"TagsAnd as in the document's example", R"({"TagsAnd":["股票A","股票B"]})", false},
    {"TagsOr as in the document's example", R"({"TagsOr":["股票A","股票B"]})", false},
    {"TagsOr with TagsNot", R"({"TagsOr":["a"],"TagsNot":["b"]})", false},
    {"an empty TagsAnd beside a non-empty TagsOr", R"({"TagsAnd":[],"TagsOr":["a"]})", false},
    {"AttrsAnd as in the document's example", R"({"AttrsAnd":{"city":"深圳"}})", false},
    {"AttrsOr", R"({"AttrsOr":{"city":"深圳"}})", false},
    {"a tag list of the wrong type selects nobody", R"({"TagsAnd":"a"})", true},
    {"a Condition of the wrong type (refused by validation)", R"("all")", false},
};

std::string body_with(const char* condition) {
  std::string body = R"({"MsgRandom":1,)";
  if (condition) body += std::string(R"("Condition":)") + condition + ",";
  return body + R"("OfflinePushInfo":{"Desc":"d"}})";
}

bool warns_all_users(const ValidationReport& report) {
  return std::any_of(report.issues.begin(), report.issues.end(),
                     [](const Issue& i) { return i.code == local_code::all_users; });
}

}  // namespace

TEST_CASE("audience: which bodies reach every user, and Checks and Send agree") {
  for (const Row& row : rows) {
    CAPTURE(row.why);
    std::string body = body_with(row.condition);
    CHECK(reaches_everyone(body) == row.everyone);
    CHECK(reaches_everyone(Json::parse(body)) == row.everyone);
    ParsedRequest parsed = parse_push_request(body);
    REQUIRE(parsed.request);
    CHECK(reaches_everyone(*parsed.request) == row.everyone);
    // The warning in Checks exactly when the confirmation opens.
    CHECK(warns_all_users(validate_body(body)) == row.everyone);
    SendBlock block = SendGuard().check(0, body, 1400000000u, "").block;
    CHECK((block == SendBlock::needs_confirmation) == row.everyone);
  }
}

TEST_CASE("audience: text that is not a JSON object reaches nobody") {
  CHECK_FALSE(reaches_everyone(std::string_view("{")));
  CHECK_FALSE(reaches_everyone(std::string_view("[]")));
  CHECK_FALSE(reaches_everyone(Json(3)));
}

TEST_CASE("audience: a blank Condition is one the form holds nothing in") {
  Condition c;
  CHECK(is_blank(c));
  c.tags_not = std::vector<std::string>{};
  CHECK_FALSE(is_blank(c));  // an empty list is still something the user made
  c = Condition{};
  c.extra["TagOr"] = Json::array();
  CHECK_FALSE(is_blank(c));
}
