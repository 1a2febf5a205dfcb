// The device's settings as the page wires them: "remember the key" is one setting of the device,
// and unticking it leaves no SecretKey or pasted UserSig in any stored entry (drafts, history,
// templates, unreadable copies); old per-draft stores are migrated to "off"; the first send to a
// host this device has not sent to asks first, and a share link's target is marked.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/share_link.h"
#include "harness.h"
#include "ui/keeping.h"

using namespace timpush;
using timpush::ui::test::Harness;

namespace {

const char* const secret = "Zq9-demo-SECRET-k3y-771";
const char* const pasted = "eJyPASTED-usersig-Wq81-not-real";  // distinctive, 8 bytes or more
const char* const main_window = "timpush composer";

struct FakeStorage {
  std::map<std::string, std::string> items;
  void take(const ui::Intents& intents) {
    for (const auto& w : intents.storage) {
      if (w.value) items[w.key] = *w.value;
      else items.erase(w.key);
    }
  }
};

std::vector<ui::HttpRequest> run(Harness& h, FakeStorage& storage, double seconds) {
  std::vector<ui::HttpRequest> sent;
  double until = h.input.now_seconds + seconds;
  while (h.input.now_seconds < until) {
    ui::Intents intents = h.frame();
    storage.take(intents);
    sent.insert(sent.end(), intents.http.begin(), intents.http.end());
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

void answer_ok(Harness& h, const ui::HttpRequest& request) {
  ui::HttpResult result;
  result.id = request.id;
  result.status = 200;
  result.body = R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"t-1"})";
  h.app.on_http_result(result);
}

// Every stored value, and every key, free of both secrets.
void check_no_secret(const FakeStorage& storage) {
  for (const auto& [key, value] : storage.items) {
    CAPTURE(key);
    CHECK(key.find(secret) == std::string::npos);
    CHECK(value.find(secret) == std::string::npos);
    CHECK(value.find(pasted) == std::string::npos);
  }
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("remember is one setting of the device: tick, new draft, untick leaves no secret in storage") {
  FakeStorage storage;
  Harness h;
  ready(h, storage);
  h.state.creds.pasted_usersig = pasted;
  ui::set_remember(h.state, true);
  run(h, storage, 1.2);
  REQUIRE(contains(storage.items[ui::drafts_key], secret));
  REQUIRE(contains(storage.items[ui::drafts_key], pasted));
  CHECK(storage.items[ui::remember_key_key] == "on");

  // A send, so the history holds an entry; a template, so the templates are written too.
  auto sent = press_send(h, storage);
  REQUIRE(sent.size() == 1);
  answer_ok(h, sent[0]);
  REQUIRE(ui::save_as_template(h.state, "Mine"));
  run(h, storage, 0.1);

  REQUIRE(ui::new_draft(h.state));
  run(h, storage, 1.2);
  CHECK(h.state.keep.remember);  // the new draft shows the device's setting, still ticked
  ui::set_remember(h.state, false);
  run(h, storage, 0.1);
  CHECK_FALSE(h.state.keep.remember);
  CHECK(storage.items[ui::remember_key_key] == "off");
  REQUIRE(storage.items.count(ui::drafts_key));
  REQUIRE(storage.items.count(ui::history_key));
  check_no_secret(storage);
  CHECK(contains(h.state.status_note, "draft"));  // says what was removed

  // Switching back to the first draft does not bring the box (or the key's storage) back.
  REQUIRE(ui::switch_draft(h.state, h.state.keep.drafts.drafts.front().name));
  run(h, storage, 1.2);
  CHECK_FALSE(h.state.keep.remember);
  check_no_secret(storage);

  // A reload reads the setting from the device, not from a draft.
  Harness again;
  again.state.keep.startup.stored = storage.items;
  FakeStorage after;
  after.items = storage.items;
  run(again, after, 0.1);
  CHECK_FALSE(again.state.keep.remember);
  CHECK(again.state.creds.pasted_usersig.empty());
}

TEST_CASE("with remember off an unreadable drafts blob holding a key is dropped, not put aside") {
  const std::string blob = std::string(R"({"version":1,"drafts":[{"name":"A","remember_secrets":true,"secret_key":")") +
                           secret + R"(","pasted_usersig":")" + pasted + R"(","bo)";  // cut short
  FakeStorage storage;
  storage.items[ui::drafts_key] = blob;
  Harness h;
  h.state.keep.startup.stored = storage.items;
  ready(h, storage);
  run(h, storage, 1.2);
  CHECK_FALSE(storage.items.count(std::string(ui::drafts_key) + ui::unreadable_suffix));
  check_no_secret(storage);
  CHECK(contains(h.state.keep.storage_message, "removed"));
}

TEST_CASE("an unreadable copy kept while remember was on goes when it is unticked") {
  const std::string blob = std::string(R"({"version":1,"drafts":[{"name":"A","secret_key":")") + secret + "\"";
  FakeStorage storage;
  storage.items[ui::drafts_key] = blob;
  storage.items[ui::remember_key_key] = "on";
  Harness h;
  h.state.keep.startup.stored = storage.items;
  ready(h, storage);
  run(h, storage, 1.2);
  REQUIRE(storage.items[std::string(ui::drafts_key) + ui::unreadable_suffix] == blob);  // kept aside, as before
  CHECK(h.state.keep.remember);
  ui::set_remember(h.state, false);
  run(h, storage, 0.1);
  CHECK_FALSE(storage.items.count(std::string(ui::drafts_key) + ui::unreadable_suffix));
  check_no_secret(storage);
  CHECK(contains(h.state.status_note, "unreadable"));
}

TEST_CASE("an old store that remembered per draft opens with the device setting off and the key scrubbed") {
  core::Draft old;
  old.name = "Old";
  old.body = "{}";
  old.remember_secrets = true;
  old.secret_key = secret;
  old.pasted_usersig = pasted;
  core::DraftStore store;
  store.drafts.push_back(old);
  store.active = "Old";
  FakeStorage storage;
  storage.items[ui::drafts_key] = core::serialize_drafts(store);
  REQUIRE(contains(storage.items[ui::drafts_key], secret));
  Harness h;
  h.state.keep.startup.stored = storage.items;
  run(h, storage, 1.2);
  CHECK_FALSE(h.state.keep.remember);
  CHECK(h.state.creds.secret_key.empty());
  CHECK(h.state.creds.pasted_usersig.empty());
  check_no_secret(storage);
  CHECK(contains(h.state.keep.storage_message, "one setting for this device"));
}

TEST_CASE("the first send to a host this device has not sent to asks first, naming it") {
  FakeStorage storage;
  Harness h;  // the page is on http://127.0.0.1:8080
  ready(h, storage);
  auto first = press_send(h, storage);
  REQUIRE(first.size() == 1);  // the sandbox of the page's own origin never asks
  CHECK_FALSE(h.state.view.host_confirm_open);
  answer_ok(h, first[0]);

  h.state.creds.kind = ui::TargetKind::custom;
  h.state.creds.custom_base = "http://LocalHost.:8080/sandbox";  // the same server under another name
  h.input.now_seconds += 1.1;
  run(h, storage, 0.05);
  CHECK(press_send(h, storage).empty());
  REQUIRE(h.state.view.host_confirm_open);
  CHECK(h.state.view.confirm_host == "localhost:8080");
  run(h, storage, 0.05);
  CHECK(contains(h.drawn, "localhost:8080"));

  // Escape backs out: nothing sent, nothing remembered.
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
  run(h, storage, 1.0 / 60);
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
  run(h, storage, 0.05);
  CHECK_FALSE(h.state.view.host_confirm_open);
  CHECK_FALSE(storage.items.count(ui::sent_hosts_key));

  CHECK(press_send(h, storage).empty());
  REQUIRE(h.state.view.host_confirm_open);
  h.press(h.id_of("Confirm host", {"Send to this host"}));
  auto sent = run(h, storage, 0.05);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].url.rfind("http://LocalHost.:8080/sandbox/v4/timpush/push?", 0) == 0);
  CHECK(contains(storage.items[ui::sent_hosts_key], "localhost:8080"));
  answer_ok(h, sent[0]);

  // Sent there once: the next send goes without asking, also after a reload.
  h.input.now_seconds += 1.1;
  run(h, storage, 0.05);
  CHECK(press_send(h, storage).size() == 1);
  Harness again;
  again.state.keep.startup.stored = storage.items;
  FakeStorage after;
  run(again, after, 0.05);
  CHECK(again.state.keep.sent_hosts == std::vector<std::string>{"localhost:8080"});
}

TEST_CASE("a target from a share link is marked in the Credentials panel") {
  core::Draft shared;
  shared.name = "From Ann";
  shared.body = "{}";
  shared.target.kind = core::TargetKind::custom;
  shared.target.custom_base = "https://push.example.com/im";
  core::ShareEncoded link = core::encode_share_fragment(shared);
  REQUIRE(link.ok());
  FakeStorage storage;
  Harness h;
  h.state.keep.startup.page_url = core::share_url("http://127.0.0.1:8080/", link.fragment);
  run(h, storage, 0.1);
  CHECK(h.state.creds.from_share_link);
  CHECK(contains(h.drawn, "From a share link"));
  CHECK(contains(h.drawn, "push.example.com"));
  run(h, storage, 1.2);
  CHECK(contains(storage.items[ui::drafts_key], "from_share_link"));  // marked after a reload too
}
