// Every message a core function can hand to a person exists in both languages: each is reached
// here through an input that produces it, and its Chinese must be non-empty, differ from the
// English and hold Chinese characters (so no English reaches the Chinese page or `--lang zh`).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/draft.h"
#include "core/endpoints.h"
#include "core/error_catalog.h"
#include "core/history.h"
#include "core/push_request.h"
#include "core/response.h"
#include "core/send_guard.h"
#include "core/share_link.h"
#include "core/templates.h"
#include "core/usersig.h"
#include "core/validation.h"

using namespace timpush::core;

namespace {

// A character of the CJK blocks (U+3000..U+9FFF) or the full-width forms (U+FF00..U+FFEF).
bool has_cjk(const std::string& text) {
  for (size_t i = 0; i + 2 < text.size(); ++i) {
    auto lead = static_cast<unsigned char>(text[i]);
    if ((lead >= 0xE3 && lead <= 0xE9) || lead == 0xEF) return true;
  }
  return false;
}

void check_both(const Words& w, const std::string& where) {
  CAPTURE(where);
  CAPTURE(w.en);
  CAPTURE(w.zh);
  CHECK_FALSE(w.en.empty());
  CHECK_FALSE(w.zh.empty());
  CHECK(w.zh != w.en);
  CHECK(has_cjk(w.zh));
}

std::string long_text(size_t n, char c = 'x') { return std::string(n, c); }

}  // namespace

TEST_CASE("words: every validation issue, one input per code and message") {
  const std::vector<std::string> bodies = {
      "", "{", "[1]", "// c\n{}", "{'a':1}", "{\"a\":1,}", "{\"a\":\"\xB9\xC9\"}", "{\"a\":\"\n\"}",
      "{\"a\":\"\\q\"}", "{\"a\":\"\\uZZ\"}", "{\"a\":01}", "{\"a\":tru}", "{\"a\" 1}", "{\"a\":1 \"b\"}",
      "{\"a\":[1 2]}", "{1}", "{}}", "{\"a\":}", "{\"a\"\xEF\xBC\x9A" "1}",
      std::string("{\"DataId\":\"") + long_text(10300) + "\"}",
      R"({"MsgRandom":4294967296})", R"({"MsgRandom":-1})", R"({"MsgRandom":1.0})", R"({"MsgRandom":"1"})",
      R"({"From_Account":1,"DataId":1,"Condition":1,"OfflinePushInfo":1})",
      std::string(R"({"MsgRandom":1,"DataId":")") + long_text(65) + "\"}",
      R"({"MsgRandom":1,"Condition":{"TagsAnd":"a","AttrsOr":[]}})",
      std::string(R"({"MsgRandom":1,"Condition":{"TagsAnd":["",1,")") + long_text(51) +
          R"(","a","b","c","d","e","f","g","h"],"TagsOr":["a"]}})",
      std::string(R"({"MsgRandom":1,"Condition":{"TagsOr":["a"],"AttrsAnd":{"k":1,"v":")") + long_text(51) + "\"}}}",
      R"({"MsgRandom":1,"Condition":{}})",
      std::string(R"({"MsgRandom":1,"OfflinePushInfo":{"PushFlag":2,"Title":1,"Desc":")") + long_text(3000) +
          R"(","Ext":"not json )" + long_text(100) + "\"}}",
      R"({"MsgRandom":1,"OfflinePushInfo":{"PushFlag":"0","AndroidInfo":1,"ApnsInfo":1}})",
      R"({"MsgRandom":1,"OfflinePushInfo":{"Desc":"d","AndroidInfo":{"Sound":1,"VIVOClassification":3,
          "HuaWeiImportance":"HIGH"},"ApnsInfo":{"BadgeMode":1.5,"Title":1}}})",
  };
  for (const auto& body : bodies) {
    for (const Issue& issue : validate_body(body).issues)
      check_both(issue.message, "validation " + std::to_string(issue.code) + " of " + body.substr(0, 80));
  }
}

TEST_CASE("words: the error catalogue, the regions and the templates") {
  for (const ErrorEntry& entry : error_catalog()) {
    check_both(entry.meaning, "meaning of " + std::to_string(entry.code));
    check_both(entry.fix, "fix of " + std::to_string(entry.code));
  }
  for (const Region& region : regions()) check_both(region.name, std::string(region.id));
  for (const BuiltinTemplate& t : builtin_templates()) {
    check_both(t.name, std::string(t.id));
    check_both(t.about, std::string(t.id));
  }
  check_both(remember_warning, "remember warning");
}

TEST_CASE("words: base URL checks") {
  for (const char* base : {"", "ftp://h", "http://h h", "http://h/?a=1", "http://h/#x", "http://u@h",
                           "http://[::1", "http://[::1]x", "http://[::1]:", "http://[]", "http://[g::]",
                           "http://h:", "http://", "http://h_h", "http://h:99999", "http://h:0", "http://h:1a",
                           "http://console.tim.qq.com"}) {
    auto problem = check_base_url(base);
    REQUIRE_MESSAGE(problem.has_value(), base);
    check_both(*problem, base);
  }
}

TEST_CASE("words: store errors of drafts and templates") {
  for (const char* name : {"", "a\nb"}) check_both(*name_problem(name), "name");
  check_both(*name_problem(long_text(81)), "long name");
  DraftStore drafts;
  Draft d;
  d.name = "a";
  REQUIRE(drafts.add(d).ok());
  check_both(drafts.add(d).error, "draft taken");
  check_both(drafts.rename("missing", "b").error, "draft missing");
  check_both(drafts.remove("missing").error, "draft remove missing");
  for (size_t i = 1; i < max_drafts; ++i) {
    d.name = "d" + std::to_string(i);
    drafts.add(d);
  }
  d.name = "one more";
  check_both(drafts.add(d).error, "drafts full");
  TemplateStore templates;
  REQUIRE(templates.add({"t", "{}", 0}).ok());
  check_both(templates.add({"t", "{}", 0}).error, "template taken");
  check_both(templates.rename("missing", "x").error, "template missing");
  check_both(templates.remove("missing").error, "template remove missing");
  for (size_t i = 1; i < max_user_templates; ++i) templates.add({"t" + std::to_string(i), "{}", 0});
  check_both(templates.add({"more", "{}", 0}).error, "templates full");
  check_both(instantiate_body("[]", 1).error, "template body");
  check_both(parse_drafts("x").message, "drafts unreadable");
  check_both(parse_drafts(R"({"version":1})").message, "drafts without list");
  check_both(parse_drafts(R"({"version":1,"drafts":[1]})").message, "drafts skipped");
  check_both(parse_drafts(R"({"version":9,"drafts":[]})").message, "drafts newer");
  check_both(parse_templates("x").message, "templates unreadable");
  check_both(parse_templates(R"({"templates":[1]})").message, "templates skipped");
}

TEST_CASE("words: history files and stored history") {
  for (const char* file : {"x", "1", R"({"format":"other","entries":[]})", R"({"format":"timpush-history"})"}) {
    History history;
    check_both(import_history(history, file).error, file);
    check_both(parse_history(file).message, file);
  }
  check_both(parse_history("[1]").message, "history skipped");
}

TEST_CASE("words: the send guard, quota and retry notes") {
  constexpr uint32_t app = 1400000000u;
  const char* everyone = R"({"MsgRandom":1,"OfflinePushInfo":{"Desc":"x"}})";
  SendGuard guard(GuardConfig{1000, 3, 2, 0});
  check_both(guard.check(0, everyone, app, "").message, "needs confirmation");
  check_both(guard.check(0, everyone, app, "1").message, "mismatch");
  check_both(guard.plan(everyone, app, 5).note, "new push");
  REQUIRE(guard.begin(0, app, 5, everyone));
  check_both(guard.check(0, everyone, app, "").message, "in flight");
  check_both(guard.finish(10, 0, read_push_response(0, "")).note, "no answer");
  check_both(guard.check(20, everyone, app, "").message, "cooling down");
  check_both(guard.plan(R"({"MsgRandom":1})", app, 6).note, "retry with an edited body");
  for (int code : {0, 91000, 90045}) {
    std::string body = code == 0 ? R"({"ActionStatus":"OK","ErrorCode":0,"TaskId":"t"})"
                                 : R"({"ActionStatus":"FAIL","ErrorCode":)" + std::to_string(code) + "}";
    check_both(classify(read_push_response(200, body)).note, body);
  }
  check_both(classify(read_push_response(200, R"({"ActionStatus":"FAIL"})")).note, "FAIL without code");
  SendGuard counted(GuardConfig{0, 3, 2, 0});
  for (int i = 0; i < 2; ++i) {
    REQUIRE(counted.begin(i * 10, app, 1, everyone));
    counted.finish(i * 10 + 1, 0, read_push_response(200, R"({"ActionStatus":"OK","ErrorCode":0})"));
  }
  check_both(counted.quota(app, 0).message, "quota near");
  REQUIRE(counted.begin(100, app, 1, everyone));
  counted.finish(101, 0, read_push_response(200, R"({"ActionStatus":"OK","ErrorCode":0})"));
  check_both(counted.quota(app, 0).message, "quota reached");
  check_both(everyone_warning(app), "everyone warning");
}

TEST_CASE("words: answers, share links, UserSigs and request parsing") {
  const std::vector<std::pair<int, std::string>> answers = {
      {0, ""}, {502, ""}, {502, "<html><title>502</title></html>"}, {200, "hello"}, {200, "[1]"},
      {200, R"({"ActionStatus":"OK","ErrorCode":0,"TaskId":"t"})"}, {200, R"({"ActionStatus":"FAIL","ErrorCode":90045})"},
      {200, R"({"ActionStatus":"FAIL","ErrorCode":12345,"ErrorInfo":"x"})"}, {502, R"({"RelayError":"down"})"},
      {200, R"({"a":1})"}};
  for (const auto& [status, body] : answers) check_both(read_push_response(status, body).summary, body);

  for (const char* link : {"#draft=", "#draft=!!!", "#draft=AAAA", "#draft=eJwLSS0u0Q0pTswBABUHA-k"})
    check_both(decode_share_fragment(link).error, link);
  Draft secret;
  secret.name = "s";
  secret.secret_key = "a-secret-key-of-length";
  secret.body = std::string(R"({"Desc":")") + secret.secret_key + "\"}";
  check_both(encode_share_fragment(secret).error, "share secret");
  secret.body = R"({"Desc":"https://h/?usersig=abc"})";
  check_both(encode_share_fragment(secret).error, "share usersig");
  Draft big;
  big.name = "b";
  uint32_t seed = 12345;  // letters from a linear congruential sequence: text zlib cannot shrink much
  for (int i = 0; i < 3000; ++i) {
    seed = seed * 1103515245u + 12345u;
    big.body += static_cast<char>('a' + (seed >> 16) % 26);
  }
  check_both(encode_share_fragment(big).warning, "share long");

  namespace us = usersig;
  for (const char* sig : {"", "!!!", "AAAA", "eJyrVgpJLS5RslIyMjAwUqoFAB6tBE4_"}) check_both(us::decode(sig).reason, sig);
  std::string good = us::generate(1400000000, "admin", "key", 1000, 100);
  check_both(us::verify(good, 1, "admin", std::nullopt, 1000).reason, "sdkappid");
  check_both(us::verify(good, 1400000000, "other", std::nullopt, 1000).reason, "identifier");
  check_both(us::verify(good, 1400000000, "admin", std::nullopt, 5000).reason, "expired");
  check_both(us::verify(good, 1400000000, "admin", std::string_view("other key"), 1000).reason, "signature");
  check_both(us::verify(good, 1400000000, "admin", std::string_view("key"), 1000).reason, "valid");
  check_both(us::verify(good, 1400000000, "admin", std::nullopt, 1000).reason, "valid unchecked");
  for (const char* id : {"", "a\nb", "\xC3"}) check_both(*us::identifier_problem(id), "identifier");
  for (int64_t s : {0, 5, 305, 7200, 90000, 15552000}) check_both(us::format_duration(s), std::to_string(s));

  for (const char* body : {"{", "[]"}) check_both(parse_push_request(body).error, body);
  check_both(parse_push_request(std::string(600, '[') + std::string(600, ']')).error, "deep");
}
