// The App data place's flow (src/ui/app_data_flow.h) on an AppState, and through the App for the
// answer chain and the place drawn: names read from the app reach the composer's checks (90033 at
// an attribute condition the app lacks) and are forgotten with the app or target; the
// set_attr_name rules at the field; account, tag and attribute rules; removals that ask first.
// Bodies expected here are the documents' own shapes (../shared/spec/task-apis.md section 10).
#include <doctest/doctest.h>

#include <string>

#include "core/json.h"
#include "harness.h"
#include "ui/app_data_flow.h"
#include "ui/app_state.h"
#include "ui/derive.h"

using namespace timpush;

namespace {

ui::AppState ready_state() {
  ui::AppState s;
  s.origin = "http://127.0.0.1:8080";
  s.creds.kind = ui::TargetKind::sandbox;
  s.creds.sdkappid = "1400000000";
  s.creds.identifier = "administrator";
  s.creds.secret_key = "Zq9-demo-SECRET-k3y-771";
  s.input.now_unix = 1'764'150'000;
  s.input.now_seconds = 100;
  s.input.fresh_random = 0x1234u;
  ui::refresh_derived(s);
  return s;
}

std::vector<ui::HttpRequest> take(ui::AppState& s) {
  std::vector<ui::HttpRequest> out = std::move(s.out.http);
  s.out = ui::Intents{};
  return out;
}

bool answer(ui::AppState& s, const ui::HttpRequest& r, const std::string& body) {
  return ui::handle_app_data_result(s, ui::HttpResult{r.id, 200, "OK", body, false});
}

// get_attr_name's example answer (https://cloud.tencent.com/document/product/269/100635).
const char* const names_answer =
    R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"AttrNames":{"0":"sex","1":"city"},"AttrTypes":{"0":0,"1":0}})";
const char* const ok_answer = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0})";

void read_names(ui::AppState& s) {
  ui::ask_attr_names(s);
  auto sent = take(s);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url.find("/v4/timpush/get_attr_name?") != std::string::npos);
  CHECK(sent[0].url.find("sdkappid=1400000000") != std::string::npos);
  CHECK(sent[0].url.find("usersig=") != std::string::npos);
  CHECK(sent[0].body == "{}");
  REQUIRE(answer(s, sent[0], names_answer));
}

bool has_issue(const ui::AppState& s, int code, const std::string& pointer) {
  for (const core::Issue& issue : s.derived.report.issues)
    if (issue.code == code && issue.pointer == pointer) return true;
  return false;
}

void attr_condition(ui::AppState& s, const std::string& name) {
  core::Condition condition;
  condition.attrs_and = core::AttributeMap{{name, "x"}};
  s.request.condition = condition;
  s.audience = ui::Audience::attrs;
  ui::mark_edited(s);
  ui::refresh_derived(s);
}

}  // namespace

TEST_CASE("names read from the app make an attribute condition it lacks 90033 at the field, and only then") {
  ui::AppState s = ready_state();
  attr_condition(s, "country");
  CHECK_FALSE(has_issue(s, 90033, "/Condition/AttrsAnd/country"));  // names unknown: not judged

  read_names(s);
  REQUIRE(s.app_data.known_names);
  CHECK(*s.app_data.known_names == std::vector<std::string>{"sex", "city"});
  CHECK(s.app_data.edit == std::vector<std::string>{"sex", "city"});
  ui::refresh_derived(s);  // the same body, checked again with the names
  CHECK(has_issue(s, 90033, "/Condition/AttrsAnd/country"));

  attr_condition(s, "city");
  CHECK_FALSE(has_issue(s, 90033, "/Condition/AttrsAnd/city"));
  attr_condition(s, "country");
  CHECK(has_issue(s, 90033, "/Condition/AttrsAnd/country"));

  SUBCASE("another SDKAppID forgets them") {
    s.creds.sdkappid = "1400000001";
    ui::refresh_derived(s);
    CHECK_FALSE(s.app_data.known_names);
    CHECK_FALSE(s.app_data.names);
    ui::refresh_derived(s);
    CHECK_FALSE(has_issue(s, 90033, "/Condition/AttrsAnd/country"));
  }
  SUBCASE("another target forgets them, and an answer still on its way for the old one is dropped") {
    ui::ask_attr_names(s);
    auto late = take(s);
    REQUIRE(late.size() == 1);
    s.creds.kind = ui::TargetKind::custom;
    s.creds.custom_base = "http://127.0.0.1:9/";
    ui::refresh_derived(s);
    CHECK_FALSE(s.app_data.known_names);
    CHECK_FALSE(answer(s, late[0], names_answer));
    CHECK_FALSE(s.app_data.known_names);
  }
}

TEST_CASE("set_attr_name's rules are at the field before anything is sent") {
  ui::AppState s = ready_state();
  s.app_data.edit = {"level"};
  CHECK(ui::save_blocker(s)->en == std::string(ui::txt::appdata_read_first.en));  // would overwrite slot 0
  read_names(s);
  CHECK(ui::save_blocker(s)->en == std::string(ui::txt::appdata_unchanged.en));

  s.app_data.edit = {"sex", "city", "sex"};
  auto issues = ui::attr_name_issues(s);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == 90033);
  CHECK(issues[0].pointer == "/AttrNames/2");
  CHECK(ui::save_blocker(s));

  s.app_data.edit = {"sex", "city", std::string(51, 'n')};
  issues = ui::attr_name_issues(s);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].pointer == "/AttrNames/2");

  s.app_data.edit = {"sex", "city", "a", "b", "c", "d", "e", "f", "g", "h", "i"};  // 11
  issues = ui::attr_name_issues(s);
  REQUIRE_FALSE(issues.empty());
  CHECK(issues.back().pointer == "/AttrNames/10");

  // The app's slots are of type 0 (UserID): asking for 1 would change them.
  s.app_data.edit = {"sex", "city", "level"};
  s.app_data.edit_type = 1;
  issues = ui::attr_name_issues(s);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == 90035);
  CHECK(issues[0].pointer == "/AttrTypes");
  CHECK(ui::save_blocker(s));
  s.app_data.edit_type = -1;

  CHECK_FALSE(ui::save_blocker(s));
  ui::save_attr_names(s);
  auto sent = take(s);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url.find("/v4/timpush/set_attr_name?") != std::string::npos);
  CHECK(core::parse_json(sent[0].body) == core::parse_json(R"({"AttrNames":{"0":"sex","1":"city","2":"level"}})"));
  REQUIRE(answer(s, sent[0], ok_answer));
  CHECK(s.app_data.saved);
  auto reread = take(s);  // the checks learn what the app now has from the app itself
  REQUIRE(reread.size() == 1);
  CHECK(reread[0].url.find("/v4/timpush/get_attr_name?") != std::string::npos);
}

TEST_CASE("accounts, tags and attribute values are checked with each API's limits") {
  ui::AppState s = ready_state();
  s.app_data.accounts = "user1，user2 user1";
  REQUIRE(ui::accounts_problem(s));
  CHECK(ui::accounts_problem(s)->en.find("user1") != std::string::npos);
  std::string many;
  for (int i = 1; i <= 101; ++i) many += "u" + std::to_string(i) + ",";
  s.app_data.accounts = many;
  REQUIRE(ui::accounts_problem(s));
  CHECK(ui::accounts_problem(s)->en.find("90018") != std::string::npos);
  s.app_data.accounts = "user1, user2";
  CHECK_FALSE(ui::accounts_problem(s));
  CHECK(ui::typed_accounts(s) == std::vector<std::string>{"user1", "user2"});

  s.app_data.tags = "内测, Gold member ，VIP\n";
  CHECK(ui::typed_tags(s) == std::vector<std::string>{"内测", "Gold member", "VIP"});
  CHECK_FALSE(ui::tags_problem(s));
  s.app_data.tags = "a,b,c,d,e,f,g,h,i,j,k";  // 11: add_tag takes 10 without Replace
  CHECK(ui::tags_problem(s)->en.find("90032") != std::string::npos);
  s.app_data.replace = true;
  CHECK_FALSE(ui::tags_problem(s));
  s.app_data.tags = std::string(51, 't');
  CHECK(ui::tags_problem(s)->en.find("90020") != std::string::npos);

  s.app_data.attr_name = "city";
  s.app_data.attr_value = std::string(51, 'v');
  CHECK(ui::attr_problem(s, true)->en.find("90033") != std::string::npos);
  CHECK_FALSE(ui::attr_problem(s, false));  // Remove needs no value
  read_names(s);
  s.app_data.attr_name = "country";
  s.app_data.attr_value = "CN";
  CHECK(ui::attr_problem(s, true)->en.find("90033") != std::string::npos);
  CHECK(ui::attr_problem(s, false)->en.find("90033") != std::string::npos);
  s.app_data.attr_name = "city";
  CHECK_FALSE(ui::attr_problem(s, true));
  ui::set_attribute(s);
  auto sent = take(s);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url.find("/v4/timpush/set_attr?") != std::string::npos);
  CHECK(core::parse_json(sent[0].body) ==
        core::parse_json(R"({"UserAttrs":[{"To_Account":"user1","Attrs":{"city":"CN"}},{"To_Account":"user2","Attrs":{"city":"CN"}}]})"));
}

TEST_CASE("a removal asks first; what it confirmed is sent; a change looks the accounts up again") {
  ui::AppState s = ready_state();
  s.app_data.accounts = "user1 user2";
  ui::ask_removal(s, ui::AppDataRemoval::clear_tags);
  CHECK(take(s).empty());
  CHECK(s.app_data.confirming == ui::AppDataRemoval::clear_tags);
  ui::cancel_removal(s);
  CHECK(take(s).empty());
  CHECK(s.app_data.confirming == ui::AppDataRemoval::none);

  s.app_data.tags = "内测";
  ui::ask_removal(s, ui::AppDataRemoval::remove_tags);
  CHECK(take(s).empty());
  ui::confirm_removal(s);
  auto sent = take(s);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url.find("/v4/timpush/remove_tag?") != std::string::npos);
  CHECK(core::parse_json(sent[0].body) ==
        core::parse_json(R"({"UserTags":[{"To_Account":"user1","Tags":["内测"]},{"To_Account":"user2","Tags":["内测"]}]})"));
  // Partial success: one account refused, listed with its code; the others are looked up again.
  REQUIRE(answer(s, sent[0], R"({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ErrorList":[{"To_Account":"user2","ErrorCode":70107,"ErrorInfo":"no such account"}]})"));
  REQUIRE(s.app_data.change_answer);
  REQUIRE(s.app_data.change_answer->errors.size() == 1);
  CHECK(s.app_data.change_answer->errors[0].code == 70107);
  auto lookup = take(s);
  REQUIRE(lookup.size() == 2);
  CHECK(lookup[0].url.find("/v4/timpush/get_tag?") != std::string::npos);
  CHECK(lookup[1].url.find("/v4/timpush/get_attr?") != std::string::npos);
  CHECK(core::parse_json(lookup[0].body) == core::parse_json(R"({"To_Account":["user1","user2"]})"));
  REQUIRE(answer(s, lookup[0], R"({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","UserTags":[{"To_Account":"user1","Tags":["股票A"]}]})"));
  REQUIRE(answer(s, lookup[1], R"({"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","UserAttrs":[{"To_Account":"user1","Attrs":{"city":"深圳"}}]})"));
  CHECK(s.app_data.looked_up);
  REQUIRE(s.app_data.found_tags.size() == 1);
  CHECK(s.app_data.found_tags[0].tags == std::vector<std::string>{"股票A"});
  REQUIRE(s.app_data.found_attrs.size() == 1);
  CHECK(s.app_data.found_attrs[0].attrs[0].second == "深圳");
}

TEST_CASE("the App data place draws through the App, and its answers come back through on_http_result") {
  ui::test::Harness h;
  h.frames(2);
  h.answer_sandbox_app("Zq9-demo-SECRET-k3y-771");
  h.frames(2);
  h.input.screen.location = "#view=app-data";
  h.frames(2);
  h.input.screen.location.reset();
  CHECK(h.state.screen.nav.here().view == ui::View::app_data);
  CHECK(h.drawn.find(ui::txt::appdata_names_not_read.en) != std::string::npos);
  ui::ask_attr_names(h.state);  // what Read names does; the request leaves with the frame's intents
  ui::HttpRequest read;
  for (const auto& r : h.frames(1))
    if (r.url.find("get_attr_name") != std::string::npos) read = r;
  REQUIRE(read.id != 0);
  h.app.on_http_result(ui::HttpResult{read.id, 200, "OK", names_answer, false});
  h.frames(2);
  CHECK(h.drawn.find(ui::txt::appdata_names_known.en) != std::string::npos);
  h.state.lang = ui::Lang::zh;
  h.frames(2);
  CHECK(h.drawn.find(ui::txt::appdata_names_known.zh) != std::string::npos);
}
