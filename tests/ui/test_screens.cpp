// The page on every screen, run natively: one column below 900 CSS px with its pane switch, Back
// from a pane, places opened from the URL, Ctrl+Enter as the Send button (one request, the same
// checks), the live region's text, and the theme setting kept on the device.
#include <doctest/doctest.h>

#include "harness.h"
#include "ui/keeping.h"
#include "ui/layout.h"
#include "ui/send_flow.h"
#include "ui/theme.h"

using namespace timpush;
using timpush::ui::test::Harness;

namespace {

const char* const main_window = "timpush composer";

void ready(Harness& h) {
  h.frames(2);
  h.answer_sandbox_app("Zq9-demo-SECRET-k3y-771");
  h.frames(2);
}

std::vector<ui::HttpRequest> pushes(const std::vector<ui::HttpRequest>& all) {
  std::vector<ui::HttpRequest> out;
  for (const auto& r : all)
    if (r.url.find("/v4/timpush/push") != std::string::npos) out.push_back(r);
  return out;
}

std::vector<ui::HttpRequest> ctrl_enter(Harness& h, ImGuiKey modifier = ImGuiMod_Ctrl) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(modifier, true);
  io.AddKeyEvent(ImGuiKey_Enter, true);
  auto first = h.frames(1);
  io.AddKeyEvent(ImGuiKey_Enter, false);
  io.AddKeyEvent(modifier, false);
  auto rest = h.frames(2);
  first.insert(first.end(), rest.begin(), rest.end());
  return pushes(first);
}

// Answers the send in flight as the sandbox would accept it.
void answer_ok(Harness& h, const ui::HttpRequest& push) {
  ui::HttpResult result;
  result.id = push.id;
  result.status = 200;
  result.body = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"abc_123_def_456_789"})";
  h.app.on_http_result(result);
}

// A tag longer than 50 bytes (reference.md: refused), in the default request's TagsOr.
void break_a_tag(Harness& h) {
  REQUIRE(h.state.request.condition);
  REQUIRE(h.state.request.condition->tags_or);
  h.state.request.condition->tags_or->push_back(std::string(51, 'x'));
  ui::mark_edited(h.state);
}
void mend_the_tag(Harness& h) {
  h.state.request.condition->tags_or->pop_back();
  ui::mark_edited(h.state);
}

}  // namespace

TEST_CASE("below 900 CSS px one column shows one pane; the switch pushes it and Back returns") {
  Harness h;
  ImGui::GetIO().DisplaySize = ImVec2(390, 844);
  ready(h);
  CHECK(h.state.screen.narrow);
  CHECK(h.drawn.find("Credentials") != std::string::npos);  // the form's pane
  h.press(h.id_of(main_window, {"panes", "Preview###Preview"}));
  ui::Intents in = h.frame();
  h.frames(1);
  CHECK(h.state.screen.nav.here() == ui::Location{ui::View::compose, ui::Pane::preview});
  REQUIRE(in.screen.push_fragment);
  CHECK(*in.screen.push_fragment == "#view=preview");
  CHECK(h.drawn.find("Credentials") == std::string::npos);  // the form gave way to the preview
  CHECK(h.drawn.find("\"MsgRandom\"") != std::string::npos);

  // The browser's Back brings the plain URL's fragment: the form again, nothing pushed.
  h.input.screen.location = "";
  in = h.frame();
  h.input.screen.location.reset();
  h.frames(1);
  CHECK_FALSE(in.screen.push_fragment);
  CHECK(h.state.screen.nav.here() == ui::Location{});
  CHECK(h.drawn.find("Credentials") != std::string::npos);

  // Wide again: two columns, the preview beside the form.
  ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
  h.frames(2);
  CHECK_FALSE(h.state.screen.narrow);
  CHECK(h.drawn.find("Credentials") != std::string::npos);
  CHECK(h.drawn.find("\"MsgRandom\"") != std::string::npos);
}

TEST_CASE("a place named in the URL opens; App data opens from the navigation, in both languages") {
  Harness h;
  ready(h);
  h.input.screen.location = "#view=drafts";
  h.frames(2);
  h.input.screen.location.reset();
  CHECK(h.state.screen.nav.here().view == ui::View::drafts);
  CHECK(h.drawn.find(ui::txt::drafts_autosaved.en) != std::string::npos);

  h.press(h.id_of(main_window, {"nav", "App data"}));
  h.frames(2);
  CHECK(h.state.screen.nav.here().view == ui::View::app_data);
  CHECK(h.drawn.find(ui::txt::appdata_names_title.en) != std::string::npos);
  h.state.lang = ui::Lang::zh;
  h.frames(2);
  CHECK(h.drawn.find(ui::txt::appdata_names_title.zh) != std::string::npos);
}

TEST_CASE("Ctrl+Enter and Cmd+Enter send as the Send button does: once, and not past a blocker") {
  Harness h;
  ready(h);
  auto sent = ctrl_enter(h);
  REQUIRE(sent.size() == 1);
  answer_ok(h, sent[0]);
  h.input.now_seconds += 2;  // past the 1 s lock between pushes
  h.frames(2);
  CHECK(ctrl_enter(h, ImGuiMod_Super).size() == 1);  // a Mac's Cmd

  // An error under Checks blocks it as it blocks the button.
  h.input.now_seconds += 2;
  break_a_tag(h);
  h.frames(2);
  REQUIRE(ui::send_blocker(h.state));
  CHECK(ctrl_enter(h).empty());
  // Enter alone in the form sends nothing.
  mend_the_tag(h);
  h.frames(2);
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, true);
  auto plain = pushes(h.frames(1));
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, false);
  h.frames(1);
  CHECK(plain.empty());
}

TEST_CASE("the live region hears the status line, a new check's message and the answer, once each") {
  Harness h;
  ready(h);
  h.frames(2);
  CHECK(h.frame().screen.announce.empty());  // nothing changed: nothing said
  break_a_tag(h);
  ui::Intents in = h.frame();
  CHECK(in.screen.announce.find("Checks: errors 1") != std::string::npos);
  CHECK(in.screen.announce.find("90020") != std::string::npos);  // the check's code and message
  CHECK(in.screen.announce.find("Fix the errors under Checks first.") != std::string::npos);
  CHECK(std::string(in.screen.announce_lang) == "en");
  CHECK(h.frame().screen.announce.empty());

  mend_the_tag(h);
  h.frames(2);
  h.press(h.id_of(main_window, {"Send"}));
  auto sent = pushes(h.frames(2));
  REQUIRE(sent.size() == 1);
  answer_ok(h, sent[0]);
  in = h.frame();
  CHECK(in.screen.announce.find("TaskId abc_123_def_456_789") != std::string::npos);
  CHECK(h.frame().screen.announce.find("TaskId") == std::string::npos);

  h.state.lang = ui::Lang::zh;
  in = h.frame();
  CHECK(std::string(in.screen.announce_lang) == "zh");
  CHECK(in.screen.announce.find("检查") != std::string::npos);  // the checks again, in Chinese
}

TEST_CASE("the theme follows the system until switched; the switch is kept on the device") {
  Harness h;
  ready(h);
  h.input.screen.system_dark = true;
  h.frames(1);
  CHECK(h.state.screen.applied_dark);
  h.press(h.id_of(main_window, {"###Theme"}));  // "Light###Theme" while dark
  ui::Intents in = h.frame();
  h.frames(1);
  CHECK_FALSE(h.state.screen.applied_dark);
  CHECK_FALSE(h.frame().screen.dark);
  bool stored = false;
  for (const auto& w : in.storage) stored |= w.key == "timpush.theme" && w.value == std::string("light");
  CHECK(stored);
  // A page opened later on this device starts light though the system is dark.
  ui::StartupInfo info{"http://127.0.0.1:8080", "en-US"};
  info.stored["timpush.theme"] = "light";
  ui::load_theme_setting(h.state, info);
  CHECK(h.state.screen.theme == ui::ThemeSetting::light);
}
