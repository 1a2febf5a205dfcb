// The composer as a user meets it, run natively: defaults from the sandbox, Send, checks that
// block it, answers explained from the error catalogue, raw JSON mode, language switch.
#include <doctest/doctest.h>

#include <algorithm>

#include <map>

#include "core/error_catalog.h"
#include "core/push_request.h"
#include "core/usersig.h"
#include "harness.h"
#include "ui/derive.h"
#include "ui/panels.h"
#include "ui/send_flow.h"
#include "ui/target.h"

using namespace timpush;
using timpush::ui::test::Harness;

namespace {

const char* const secret = "Zq9-demo-SECRET-k3y-771";  // distinctive, so a leak is easy to find
const char* const main_window = "timpush composer";
const char* const right_child = "timpush composer/right_";
const char* const left_child = "timpush composer/left_";

std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::map<std::string, std::string> query_of(const std::string& url) {
  std::map<std::string, std::string> out;
  size_t q = url.find('?');
  if (q == std::string::npos) return out;
  std::string rest = url.substr(q + 1);
  size_t start = 0;
  while (start <= rest.size()) {
    size_t end = rest.find('&', start);
    if (end == std::string::npos) end = rest.size();
    std::string pair = rest.substr(start, end - start);
    size_t eq = pair.find('=');
    if (eq != std::string::npos) out[pair.substr(0, eq)] = percent_decode(pair.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

// A harness whose sandbox answered with a demo key, a few frames in.
void ready(Harness& h) {
  h.frames(2);
  h.answer_sandbox_app(secret);
  h.frames(2);
}

// What Send sent: the sandbox's reach count (asked as the Condition settles) is not a send.
std::vector<ui::HttpRequest> sent_pushes(std::vector<ui::HttpRequest> all) {
  all.erase(std::remove_if(all.begin(), all.end(),
                           [](const ui::HttpRequest& r) { return r.url.find("/sandbox/reach") != std::string::npos; }),
            all.end());
  return all;
}

std::vector<ui::HttpRequest> press_send(Harness& h) {
  h.press(h.id_of(main_window, {"Send"}));
  return sent_pushes(h.frames(2));
}

// Send to a host this device has not sent to: it asks first, naming the host; say yes.
std::vector<ui::HttpRequest> press_send_to_new_host(Harness& h, const std::string& host) {
  CHECK(press_send(h).empty());
  REQUIRE(h.state.view.host_confirm_open);
  CHECK(h.state.view.confirm_host == host);
  h.press(h.id_of("Confirm host", {"Send to this host"}));
  return sent_pushes(h.frames(2));
}

// Clicks the composer's Raw JSON tab, as a person would, and waits for it to show.
void open_raw_json(Harness& h) {
  h.press(h.id_of(left_child, {"left tabs", "Raw JSON###Raw JSON"}));
  h.frames(2);
  REQUIRE(h.state.raw.active);
}

}  // namespace

TEST_CASE("start asks the sandbox for its app, and its answer fills the credentials") {
  Harness h;
  auto first = h.frame();
  REQUIRE(first.http.size() == 1);
  CHECK(first.http[0].method == "GET");
  CHECK(first.http[0].url == "http://127.0.0.1:8080/sandbox/app");

  h.answer_sandbox_app(secret);
  h.frames(2);
  CHECK(h.state.creds.kind == ui::TargetKind::sandbox);
  CHECK(h.state.creds.sdkappid == "1400000000");
  CHECK(h.state.creds.identifier == "administrator");
  CHECK(h.state.creds.secret_key == secret);
  CHECK(h.state.derived.base_url == "http://127.0.0.1:8080/sandbox");
  // The UserSig was made with the sandbox's key for its app (checked by the core verifier).
  auto verdict = core::usersig::verify(h.state.derived.usersig, 1400000000, "administrator",
                                       std::string_view(secret), h.input.now_unix);
  CHECK(verdict.ok());
  // A newcomer can press Send at once.
  CHECK_FALSE(ui::send_blocker(h.state));
  CHECK(h.drawn.find("press Send") != std::string::npos);
}

TEST_CASE("a page opened from a file starts on a custom base URL; its sandbox choice explains why not") {
  Harness h("");
  auto intents = h.frame();
  CHECK(intents.http.empty());
  CHECK(h.state.creds.kind == ui::TargetKind::custom);
  CHECK(h.state.sandbox.status == ui::SandboxApp::Status::no_origin);
  h.state.creds.sdkappid = "1400000000";
  h.state.creds.secret_key = secret;
  CHECK(press_send(h).empty());  // no base URL typed yet

  h.state.creds.kind = ui::TargetKind::sandbox;
  h.frame();
  CHECK(h.drawn.find("no sandbox") != std::string::npos);
  CHECK(press_send(h).empty());

  h.state.creds.kind = ui::TargetKind::custom;
  h.state.creds.custom_base = "http://127.0.0.1:9/";
  auto sent = press_send_to_new_host(h, "127.0.0.1:9");
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url.rfind("http://127.0.0.1:9/v4/timpush/push?", 0) == 0);
}

TEST_CASE("Send produces one request: the exact body, a fresh random, and no SecretKey") {
  Harness h;
  ready(h);
  auto sent = press_send(h);
  REQUIRE(sent.size() == 1);
  const ui::HttpRequest& request = sent[0];
  CHECK(request.method == "POST");
  CHECK(request.content_type == "application/json");
  CHECK(request.body == core::serialize_body(h.state.request));
  CHECK(request.url.rfind("http://127.0.0.1:8080/sandbox/v4/timpush/push?", 0) == 0);
  CHECK(request.url.find(secret) == std::string::npos);
  CHECK(request.body.find(secret) == std::string::npos);

  auto query = query_of(request.url);
  CHECK(query["identifier"] == "administrator");
  CHECK(query["sdkappid"] == "1400000000");
  CHECK(query["contenttype"] == "json");
  CHECK(core::usersig::verify(query["usersig"], 1400000000, "administrator", std::string_view(secret),
                              h.input.now_unix).ok());
  CHECK(h.state.send.in_flight);

  // While the first is on its way, Send does nothing.
  CHECK(press_send(h).empty());

  // Answer it; the next send uses another `random` (reference.md section 1: fresh each request).
  ui::HttpResult result;
  result.id = request.id;
  result.status = 200;
  result.body = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"6a5e4d3c_537529d8_2000005e80aa873_d03ac87_56f5e750"})";
  h.app.on_http_result(result);
  h.frames(2);
  CHECK(h.state.send.response.ok());
  CHECK(h.drawn.find("6a5e4d3c_537529d8_2000005e80aa873_d03ac87_56f5e750") != std::string::npos);
  // reference.md section 1: more than 1 s between two pushes; Send waits it out.
  CHECK(press_send(h).empty());
  h.input.now_seconds += 1.0;
  auto again = press_send(h);
  REQUIRE(again.size() == 1);
  CHECK(query_of(again[0].url)["random"] != query["random"]);
}

TEST_CASE("a validation error blocks Send and names its code at the field and under Checks") {
  Harness h;
  ready(h);
  h.state.audience = ui::Audience::tags;
  core::Condition condition;
  condition.tags_and = std::vector<std::string>{};
  for (int i = 0; i < 11; ++i) condition.tags_and->push_back("tag" + std::to_string(i));
  h.state.request.condition = condition;
  ui::mark_edited(h.state);  // what the tag editor reports after an edit
  h.frames(2);
  CHECK(h.state.derived.error_count > 0);
  // reference.md section 2: more than 10 tags in a condition is 90032.
  bool has_90032 = false;
  for (const auto& issue : h.state.derived.report.issues) has_90032 |= issue.code == 90032;
  CHECK(has_90032);
  CHECK(h.drawn.find("90032") != std::string::npos);
  CHECK(ui::send_blocker(h.state));
  CHECK(press_send(h).empty());

  // Fixing it enables Send again.
  h.state.request.condition->tags_and->resize(10);
  ui::mark_edited(h.state);
  h.frames(2);
  CHECK(h.state.derived.error_count == 0);
  CHECK(press_send(h).size() == 1);
}

TEST_CASE("a 70009 answer shows the catalogue's meaning and fix") {
  Harness h;
  ready(h);
  auto sent = press_send(h);
  REQUIRE(sent.size() == 1);
  ui::HttpResult result;
  result.id = sent[0].id;
  result.status = 200;
  result.body = R"({"ActionStatus":"FAIL","ErrorCode":70009,"ErrorInfo":"check sig error"})";
  h.app.on_http_result(result);
  h.frames(2);
  CHECK_FALSE(h.state.send.in_flight);
  CHECK(h.state.send.response.error_code == 70009);
  const core::ErrorEntry* entry = core::find_error(70009);
  REQUIRE(entry);
  CHECK(h.drawn.find(std::string(entry->meaning.en)) != std::string::npos);
  CHECK(h.drawn.find(std::string(entry->fix.en)) != std::string::npos);
  CHECK(h.drawn.find("check sig error") != std::string::npos);
  // A failed push keeps its MsgRandom, so a retry is the same task.
  CHECK(h.state.request.msg_random == core::parse_push_request(sent[0].body).request->msg_random);
}

TEST_CASE("no HTTP answer from another origin explains CORS and offers the relay and curl") {
  Harness h;
  ready(h);
  h.state.creds.kind = ui::TargetKind::region;
  h.state.creds.region_id = "singapore";
  h.state.creds.via_relay = false;
  h.frames(1);
  auto sent = press_send_to_new_host(h, "adminapisgp.im.qcloud.com");
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url.rfind("https://adminapisgp.im.qcloud.com/v4/timpush/push?", 0) == 0);
  ui::HttpResult result;
  result.id = sent[0].id;
  result.status = 0;
  h.app.on_http_result(result);
  h.frames(2);
  CHECK(h.drawn.find("CORS") != std::string::npos);
  CHECK(h.drawn.find("Use the relay") != std::string::npos);

  // One click switches to the relay; the next send goes through our own origin.
  h.press(h.id_of(right_child, {"right tabs", "Response###Response", "response", "Use the relay"}));
  h.frames(2);
  CHECK(h.state.creds.via_relay);
  h.input.now_seconds += 1.0;  // reference.md section 1: more than 1 s between two pushes
  auto relayed = press_send(h);
  REQUIRE(relayed.size() == 1);
  CHECK(relayed[0].url.rfind("http://127.0.0.1:8080/relay/adminapisgp.im.qcloud.com/v4/timpush/push?", 0) == 0);
}

TEST_CASE("Copy as curl holds the UserSig and the exact body, never the SecretKey") {
  Harness h;
  ready(h);
  h.state.view.select_tab = ui::RightTab::preview;
  h.frames(2);
  h.press(h.id_of(right_child, {"right tabs", "Preview###Preview", "preview", "Copy as curl"}));
  std::optional<std::string> copied;
  for (int i = 0; i < 2 && !copied; ++i) copied = h.frame().copy_text;
  REQUIRE(copied);
  CHECK(copied->find(secret) == std::string::npos);
  CHECK(copied->rfind("curl ", 0) == 0);
  CHECK(copied->find(h.state.derived.usersig) != std::string::npos);
  CHECK(copied->find(h.state.derived.body) != std::string::npos);
}

TEST_CASE("the preview masks the UserSig in the URL until asked") {
  Harness h;
  ready(h);
  h.state.view.select_tab = ui::RightTab::preview;
  h.frames(2);
  CHECK(h.drawn.find("usersig=****") != std::string::npos);
  CHECK(h.drawn.find("usersig=" + h.state.derived.usersig.substr(0, 8)) == std::string::npos);
  h.press(h.id_of(right_child, {"right tabs", "Preview###Preview", "preview", "Show UserSig"}));
  h.frames(2);
  CHECK(h.state.view.show_usersig);
  CHECK(h.drawn.find("usersig=****") == std::string::npos);
  CHECK(h.drawn.find("usersig=" + h.state.derived.usersig.substr(0, 8)) != std::string::npos);
}

TEST_CASE("raw JSON mode keeps unknown fields, and a broken paste shows 90001 with its place") {
  Harness h;
  ready(h);
  open_raw_json(h);
  // What typing into the Body field does: set the text, then read it back into the form.
  h.state.raw.text = R"({"MsgRandom":7,"OfflinePushInfo":{"Desc":"hi","FutureVendorField":{"a":1}},"NewTopLevel":[1,2]})";
  ui::apply_raw_text(h.state);
  h.frames(2);
  CHECK(h.state.request.msg_random == 7u);
  // No Condition: it reaches every user, so the SDKAppID is typed in the confirmation first.
  CHECK(press_send(h).empty());
  CHECK(h.state.view.confirm_open);
  h.state.view.confirm_typed = "1400000000";
  REQUIRE(ui::start_send(h.state));  // what the modal's "Send to everyone" does
  auto sent = h.frames(1);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].body.find(R"("FutureVendorField":{"a":1})") != std::string::npos);
  CHECK(sent[0].body.find(R"("NewTopLevel":[1,2])") != std::string::npos);

  h.state.send.in_flight = false;
  h.state.raw.text = "{\n  \"MsgRandom\": 7,\n  \"OfflinePushInfo\": {\"Desc\": \"hi\"\n}";
  ui::apply_raw_text(h.state);
  h.frames(2);
  CHECK_FALSE(h.state.raw.parses);
  REQUIRE(ui::raw_json_error(h.state));
  CHECK(ui::raw_json_error(h.state)->line >= 3);
  bool has_90001 = false;
  for (const auto& issue : h.state.derived.report.issues) has_90001 |= issue.code == 90001;
  CHECK(has_90001);
  CHECK(press_send(h).empty());
  // The form keeps the last body that parsed.
  CHECK(h.state.request.msg_random == 7u);
}

TEST_CASE("Go to error puts the Raw JSON caret where the text stops being JSON") {
  Harness h;
  ready(h);
  open_raw_json(h);
  // A trailing comma: RFC 8259 wants another member, so the error is at the closing brace.
  h.state.raw.text = "{\n  \"MsgRandom\": 7,\n}";
  ui::apply_raw_text(h.state);
  h.frames(2);
  REQUIRE_FALSE(h.state.raw.parses);
  REQUIRE(ui::raw_json_error(h.state));
  CHECK(ui::raw_json_error(h.state)->line == 3);
  CHECK(ui::raw_json_error(h.state)->column == 1);
  h.press(h.id_of(left_child, {"left tabs", "Raw JSON###Raw JSON", "raw", "Go to error"}));
  h.frames(3);
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  REQUIRE(g.ActiveId == h.id_of(left_child, {"left tabs", "Raw JSON###Raw JSON", "raw", "##Body"}));
  CHECK(g.InputTextState.GetCursorPos() == static_cast<int>(h.state.raw.text.find('}')));
  CHECK(h.state.raw.caret_to == -1);
}

TEST_CASE("the language switch changes the words, not the widgets") {
  Harness h("http://127.0.0.1:8080", "en-US");
  ready(h);
  CHECK(h.state.lang == ui::Lang::en);
  CHECK(h.drawn.find("Credentials") != std::string::npos);
  h.press(h.id_of(main_window, {"中文"}));
  h.frames(2);
  CHECK(h.state.lang == ui::Lang::zh);
  CHECK(h.drawn.find("凭据") != std::string::npos);
  CHECK(h.drawn.find("发送") != std::string::npos);
  // Send keeps working in Chinese (its ID is "###Send" there).
  h.press(h.id_of(main_window, {"###Send"}));
  CHECK(h.frames(2).size() == 1);

  // The open tab stays open across a switch (tabs keep one ID in both languages).
  h.state.view.select_tab = ui::RightTab::error_codes;
  h.frames(2);
  const auto& first_entry = core::error_catalog().front();
  CHECK(h.drawn.find(std::string(first_entry.meaning.zh)) != std::string::npos);
  h.press(h.id_of(main_window, {"English"}));
  h.frames(2);
  CHECK(h.state.lang == ui::Lang::en);
  CHECK(h.drawn.find(std::string(first_entry.meaning.en)) != std::string::npos);

  Harness zh("http://127.0.0.1:8080", "zh-CN");
  zh.frames(1);
  CHECK(zh.state.lang == ui::Lang::zh);
}

TEST_CASE("clicking a check focuses its field") {
  Harness h;
  ready(h);
  h.state.audience = ui::Audience::tags;
  core::Condition condition;
  condition.tags_or = std::vector<std::string>{"ok", std::string(51, 'x')};
  h.state.request.condition = condition;
  ui::mark_edited(h.state);
  h.frames(2);
  std::string pointer;
  for (const auto& issue : h.state.derived.report.issues)
    if (issue.code == 90020) pointer = issue.pointer;
  REQUIRE_FALSE(pointer.empty());
  ui::request_focus(h.state, pointer);
  bool focused = false;
  for (int i = 0; i < 6 && !focused; ++i) focused = h.frame().wants_text_input;
  CHECK(focused);
  CHECK(h.state.focus.pointer.empty());
}

TEST_CASE("a timed out request is given up and explained") {
  Harness h;
  ready(h);
  auto sent = press_send(h);
  REQUIRE(sent.size() == 1);
  ui::HttpResult result;
  result.id = sent[0].id;
  result.status = 0;
  result.timed_out = true;
  h.app.on_http_result(result);
  h.frames(2);
  CHECK_FALSE(h.state.send.in_flight);
  CHECK(h.drawn.find("same MsgRandom") != std::string::npos);
}

TEST_CASE("a pasted UserSig is decoded and each problem named with its code") {
  Harness h;
  ready(h);
  h.state.creds.sig_source = ui::SigSource::pasted;
  // Signed for another identifier: the server would answer 70013 (reference.md section 5 order).
  h.state.creds.pasted_usersig = core::usersig::generate(1400000000, "someone", secret, h.input.now_unix - 60);
  h.frames(2);
  CHECK(h.state.pasted.verdict.code == 70013);
  CHECK(h.drawn.find("70013") != std::string::npos);
  CHECK(h.drawn.find("TLS.identifier someone") != std::string::npos);

  h.state.creds.pasted_usersig = "not-a-usersig!";
  h.frames(2);
  CHECK(h.state.pasted.verdict.code == 70003);
  CHECK(h.drawn.find("70003") != std::string::npos);

  // A good one is sent as it is, and the key field plays no part.
  std::string good = core::usersig::generate(1400000000, "administrator", secret, h.input.now_unix - 60);
  h.state.creds.pasted_usersig = good;
  h.state.creds.secret_key.clear();
  h.frames(2);
  CHECK(h.state.pasted.verdict.ok());
  auto sent = press_send(h);
  REQUIRE(sent.size() == 1);
  CHECK(query_of(sent[0].url)["usersig"] == good);
}

TEST_CASE("a gateway's HTML page is explained, not shown as a service answer") {
  Harness h;
  ready(h);
  auto sent = press_send(h);
  REQUIRE(sent.size() == 1);
  ui::HttpResult result;
  result.id = sent[0].id;
  result.status = 502;
  result.body = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
  h.app.on_http_result(result);
  h.frames(2);
  CHECK(h.state.send.response.kind == core::ResponseKind::html);
  CHECK(h.drawn.find("502 Bad Gateway") != std::string::npos);
  CHECK(h.drawn.find("same MsgRandom") != std::string::npos);
  // Send is free again for the retry, once the server's 1 s gap has passed.
  h.input.now_seconds += 1.0;
  h.frames(1);
  CHECK_FALSE(ui::send_blocker(h.state));
}
