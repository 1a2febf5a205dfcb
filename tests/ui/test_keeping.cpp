// Nothing lost, nothing sent twice, as the page wires it: drafts autosaved within a second and
// restored, the key kept out of storage unless remembered, damaged or full storage survived, the
// all-user confirmation, one send at a time with the 1 s gap, retries on the same MsgRandom,
// history across reloads, templates, and share links that open a draft without sending.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/history.h"
#include "core/push_request.h"
#include "core/share_link.h"
#include "core/templates.h"
#include "harness.h"
#include "ui/derive.h"
#include "ui/keeping.h"
#include "ui/send_flow.h"

using namespace timpush;
using timpush::ui::test::Harness;

namespace {

const char* const secret = "Zq9-demo-SECRET-k3y-771";
const char* const main_window = "timpush composer";

// Browser storage as the platform keeps it: the last write of each key wins.
struct FakeStorage {
  std::map<std::string, std::string> items;
  int writes = 0;
  void take(const ui::Intents& intents) {
    for (const auto& w : intents.storage) {
      ++writes;
      if (w.value) items[w.key] = *w.value;
      else items.erase(w.key);
    }
  }
};

// Frames until `seconds` of page time pass, the storage taking every write.
std::vector<ui::HttpRequest> run(Harness& h, FakeStorage& storage, double seconds) {
  std::vector<ui::HttpRequest> sent;
  double until = h.input.now_seconds + seconds;
  while (h.input.now_seconds < until) {
    ui::Intents intents = h.frame();
    storage.take(intents);
    // The sandbox's reach count (asked as the Condition settles) sends nothing.
    for (const ui::HttpRequest& r : intents.http)
      if (r.url.find("/sandbox/reach") == std::string::npos) sent.push_back(r);
  }
  return sent;
}

void ready(Harness& h, FakeStorage& storage) {
  run(h, storage, 0.05);
  h.answer_sandbox_app(secret);
  run(h, storage, 0.05);
}

std::vector<ui::HttpRequest> press_send(Harness& h, FakeStorage& storage) {
  h.press(h.id_of(main_window, {"Send"}));
  return run(h, storage, 2.0 / 60);
}

// Turns the push into one for every user and presses Send: the confirmation asks for the SDKAppID.
void open_all_user_confirm(Harness& h, FakeStorage& storage) {
  ui::set_audience(h.state, ui::Audience::all);
  CHECK(press_send(h, storage).empty());
  REQUIRE(h.state.view.confirm_open);
}

void answer(Harness& h, const ui::HttpRequest& request, int status, const std::string& body) {
  ui::HttpResult result;
  result.id = request.id;
  result.status = status;
  result.body = body;
  h.app.on_http_result(result);
}

const char* const ok_answer =
    R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"6a5e4d3c_537529d8_2000005e80aa873_d03ac87_56f5e750"})";

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("the first page sends a targeted example at once: the product document's TagsOr") {
  Harness h;
  FakeStorage storage;
  ready(h, storage);
  const core::BuiltinTemplate* tags_or = core::find_builtin_template("tags_or");
  REQUIRE(tags_or);
  REQUIRE(h.state.request.condition);
  CHECK(h.state.request.condition->tags_or == tags_or->request.condition->tags_or);
  // The form says what the JSON says: its tag lists, not "All users".
  CHECK(h.state.audience == ui::Audience::tags);
  CHECK(contains(h.drawn, "TagsAnd / TagsOr / TagsNot"));
  CHECK_FALSE(core::reaches_everyone(h.state.derived.body));
  CHECK(press_send(h, storage).size() == 1);
}

TEST_CASE("an edit is saved to storage within a second, without the key, and restored on reload") {
  FakeStorage storage;
  {
    Harness h;
    ready(h, storage);
    run(h, storage, 1.2);
    h.state.request.offline_push_info->title = std::string("Autosaved title");
    ui::mark_edited(h.state);  // what the Title field reports when typed into
    // Typing goes on: edits every few frames for 0.8 s; the save still comes within 1 s of the
    // first edit (the issue's promise), not only once typing pauses.
    double first_edit = h.input.now_seconds;
    int writes_before = storage.writes;
    double saved_at = -1;
    for (int i = 0; h.input.now_seconds - first_edit < 1.5; ++i) {
      if (h.input.now_seconds - first_edit < 0.8 && i % 5 == 0)
      {
        h.state.request.offline_push_info->desc = "typing " + std::to_string(i);
        ui::mark_edited(h.state);
      }
      storage.take(h.frame());
      if (saved_at < 0 && storage.writes > writes_before &&
          contains(storage.items[ui::drafts_key], "Autosaved title"))
        saved_at = h.input.now_seconds;
    }
    REQUIRE(saved_at > 0);
    CHECK(saved_at - first_edit <= 1.0);
    for (const auto& [key, value] : storage.items) {
      CHECK_FALSE(contains(key, secret));
      CHECK_FALSE(contains(value, secret));
    }
  }
  Harness again;
  again.state.keep.startup.stored = storage.items;
  run(again, storage, 0.05);
  REQUIRE(again.state.request.offline_push_info);
  CHECK(again.state.request.offline_push_info->title == std::optional<std::string>("Autosaved title"));
  CHECK(again.state.creds.secret_key.empty());  // not stored: the sandbox hands it again
}

TEST_CASE("the key is stored only after ticking remember, and unticking takes it out") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  run(h, storage, 1.2);
  CHECK_FALSE(contains(storage.items[ui::drafts_key], secret));
  ui::set_remember(h.state, true);
  run(h, storage, 0.1);
  CHECK(contains(storage.items[ui::drafts_key], secret));
  ui::set_remember(h.state, false);
  run(h, storage, 0.1);
  CHECK_FALSE(contains(storage.items[ui::drafts_key], secret));
}

TEST_CASE("damaged storage is kept aside, explained, and the page still works") {
  FakeStorage storage;
  Harness h;
  h.state.keep.startup.stored[ui::drafts_key] = "{\"version\":1,\"drafts\":[{\"name\":";  // cut short
  ready(h, storage);
  run(h, storage, 0.1);
  CHECK(storage.items[std::string(ui::drafts_key) + ".unreadable"] == "{\"version\":1,\"drafts\":[{\"name\":");
  CHECK_FALSE(h.state.keep.storage_message.empty());
  CHECK(press_send(h, storage).size() == 1);
}

TEST_CASE("a refused write (quota exceeded) is shown and the draft in memory stays") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  h.state.request.offline_push_info->title = std::string("Not lost");
  h.app.on_storage_result(ui::StorageResult{ui::drafts_key, "QuotaExceededError: the quota has been exceeded"});
  run(h, storage, 0.1);
  CHECK(contains(h.state.keep.storage_message, "QuotaExceededError"));
  CHECK(h.state.request.offline_push_info->title == std::optional<std::string>("Not lost"));
  CHECK(ui::current_draft(h.state).body.find("Not lost") != std::string::npos);
}

TEST_CASE("named drafts: new, rename, switch back, delete") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  std::string first = h.state.keep.drafts.active;
  h.state.request.offline_push_info->title = std::string("First");
  run(h, storage, 1.1);
  REQUIRE(ui::new_draft(h.state));
  h.state.request.offline_push_info->title = std::string("Second");
  REQUIRE(ui::rename_active_draft(h.state, "Campaign"));
  run(h, storage, 1.1);
  REQUIRE(ui::switch_draft(h.state, first));
  CHECK(h.state.request.offline_push_info->title == std::optional<std::string>("First"));
  REQUIRE(ui::switch_draft(h.state, "Campaign"));
  CHECK(h.state.request.offline_push_info->title == std::optional<std::string>("Second"));
  REQUIRE(ui::delete_active_draft(h.state));
  run(h, storage, 0.1);
  CHECK(h.state.keep.drafts.find("Campaign") == nullptr);
  CHECK_FALSE(contains(storage.items[ui::drafts_key], "Campaign"));
}

TEST_CASE("an all-user push waits for the SDKAppID to be typed") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  open_all_user_confirm(h, storage);
  h.state.view.confirm_typed = "1400000001";  // one digit off
  CHECK_FALSE(ui::start_send(h.state));
  CHECK(run(h, storage, 0.05).empty());
  h.state.view.confirm_typed = " 1400000000 ";
  CHECK(ui::start_send(h.state));
  CHECK(run(h, storage, 0.05).size() == 1);
  CHECK_FALSE(h.state.view.confirm_open);
  CHECK(h.state.view.confirm_typed.empty());  // the next all-user push asks again
}

TEST_CASE("Escape closes the all-user confirmation and nothing is sent") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  open_all_user_confirm(h, storage);
  run(h, storage, 0.05);  // the modal is up and its field has the keyboard
  h.state.view.confirm_typed = "1400000000";
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
  CHECK(run(h, storage, 0.05).empty());
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
  CHECK(run(h, storage, 0.05).empty());
  CHECK_FALSE(h.state.view.confirm_open);
  CHECK(h.state.view.confirm_typed.empty());
}

TEST_CASE("one send at a time, then Send counts down the server's 1 s gap") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  auto sent = press_send(h, storage);
  REQUIRE(sent.size() == 1);
  // A second click before any answer: nothing goes.
  CHECK(press_send(h, storage).empty());
  CHECK_FALSE(ui::start_send(h.state));
  CHECK(run(h, storage, 0.05).empty());
  answer(h, sent[0], 200, ok_answer);
  run(h, storage, 0.1);
  CHECK(ui::send_blocker(h.state).has_value());
  CHECK(contains(h.drawn, "Send ("));  // "Send (0.9 s)": the countdown on the button
  CHECK(press_send(h, storage).empty());
  run(h, storage, 1.0);
  CHECK_FALSE(ui::send_blocker(h.state).has_value());
  CHECK(press_send(h, storage).size() == 1);
}

TEST_CASE("a retry after a timeout reuses the MsgRandom and says so; after OK a new push gets a fresh one") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  auto first = press_send(h, storage);
  REQUIRE(first.size() == 1);
  uint32_t sent_random = *core::parse_push_request(first[0].body).request->msg_random;
  answer(h, first[0], 0, "");  // no answer: it may or may not have arrived
  run(h, storage, 1.2);
  // Even a MsgRandom changed meanwhile goes back to the failed one: the retry is the same task.
  ui::regenerate_msg_random(h.state);
  auto retry = press_send(h, storage);
  REQUIRE(retry.size() == 1);
  CHECK(*core::parse_push_request(retry[0].body).request->msg_random == sent_random);
  CHECK(h.state.keep.plan.is_retry);
  CHECK(contains(h.state.keep.plan.note.en, std::to_string(sent_random)));
  answer(h, retry[0], 200, ok_answer);
  run(h, storage, 1.2);
  auto next = press_send(h, storage);
  REQUIRE(next.size() == 1);
  CHECK(*core::parse_push_request(next[0].body).request->msg_random != sent_random);
}

TEST_CASE("each send is recorded, survives a reload without secrets, and reopens as a draft") {
  FakeStorage storage;
  std::string body;
  {
    Harness h;
    ready(h, storage);
    auto sent = press_send(h, storage);
    REQUIRE(sent.size() == 1);
    body = sent[0].body;
    answer(h, sent[0], 200, ok_answer);
    run(h, storage, 0.1);
  }
  CHECK(contains(storage.items[ui::history_key], "6a5e4d3c_537529d8_2000005e80aa873_d03ac87_56f5e750"));
  for (const auto& [key, value] : storage.items) CHECK_FALSE(contains(value, secret));
  CHECK_FALSE(contains(storage.items[ui::history_key], "usersig=e"));  // no UserSig in the URL
  Harness h;
  h.state.keep.startup.stored = storage.items;
  ready(h, storage);
  REQUIRE(h.state.keep.history.entries.size() == 1);
  const core::HistoryEntry& entry = h.state.keep.history.entries[0];
  CHECK(entry.request_body == body);
  CHECK(entry.task_id == "6a5e4d3c_537529d8_2000005e80aa873_d03ac87_56f5e750");
  CHECK(entry.base == "http://127.0.0.1:8080/sandbox");
  CHECK(h.state.keep.guard.quota(1400000000, h.input.now_unix).used == 1);
  h.state.request.offline_push_info->title = std::string("Something else");
  REQUIRE(ui::reopen_history(h.state, 0));
  CHECK(core::serialize_body(h.state.request) == body);
}

TEST_CASE("templates: a document example loads with a fresh MsgRandom; the user's own are kept") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  const core::BuiltinTemplate* attrs = core::find_builtin_template("attrs_and");
  REQUIRE(attrs);
  ui::load_builtin_template(h.state, *attrs);
  REQUIRE(h.state.request.condition);
  CHECK(h.state.request.condition->attrs_and == attrs->request.condition->attrs_and);
  CHECK(h.state.request.msg_random != attrs->request.msg_random);
  h.state.request.offline_push_info->title = std::string("My template title");
  REQUIRE(ui::save_as_template(h.state, "Mine"));
  run(h, storage, 0.1);
  CHECK(contains(storage.items[ui::templates_key], "My template title"));
  ui::load_builtin_template(h.state, *core::find_builtin_template("tags_and"));
  REQUIRE(ui::load_user_template(h.state, "Mine"));
  CHECK(h.state.request.offline_push_info->title == std::optional<std::string>("My template title"));
}

TEST_CASE("a share link holds the draft but no key or UserSig, and opening it sends nothing") {
  FakeStorage storage;
  std::string link;
  std::string body;
  {
    Harness h;
    h.state.keep.startup.page_url = "http://127.0.0.1:8080/";
    ready(h, storage);
    h.state.request.offline_push_info->title = std::string("Shared title");
    run(h, storage, 0.05);
    body = core::serialize_body(h.state.request);
    ui::copy_share_link(h.state);
    ui::Intents intents = h.frame();
    REQUIRE(intents.copy_text);
    link = *intents.copy_text;
    CHECK(link.rfind("http://127.0.0.1:8080/#draft=", 0) == 0);
    CHECK_FALSE(contains(link, secret));
    REQUIRE_FALSE(h.state.derived.usersig.empty());
    CHECK_FALSE(contains(link, h.state.derived.usersig));
    core::ShareDecoded decoded = core::decode_share_fragment(link);
    REQUIRE(decoded.ok());
    CHECK(decoded.draft->secret_key.empty());
  }
  Harness h;
  h.state.keep.startup.page_url = link;
  ui::Intents first = h.frame();
  REQUIRE(first.set_fragment);
  CHECK(first.set_fragment->empty());  // a reload does not open it twice
  h.answer_sandbox_app(secret);
  auto sent = run(h, storage, 0.5);
  CHECK(sent.empty());
  // The body as shared, except a MsgRandom of its own: here it is a new push.
  core::PushRequest shared = *core::parse_push_request(body).request;
  CHECK(h.state.request.msg_random != shared.msg_random);
  shared.msg_random = h.state.request.msg_random;
  CHECK(core::serialize_body(h.state.request) == core::serialize_body(shared));
}
