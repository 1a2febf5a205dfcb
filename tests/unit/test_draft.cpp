// Drafts: what a user relies on after a reload or a crash. Several named drafts come back as they
// were; the SecretKey is stored only when "remember on this device" is ticked; damaged storage
// gives an empty store and a message, never a crash and never the loss of a readable draft.
#include <doctest/doctest.h>

#include <string>

#include "core/draft.h"

using timpush::Json;
using namespace timpush::core;

namespace {

Draft sample(std::string name, std::string body) {
  Draft d;
  d.name = std::move(name);
  d.body = std::move(body);
  d.target.kind = TargetKind::region;
  d.target.region_id = "singapore";
  d.target.backup_host = true;
  d.target.via_relay = false;
  d.target.sdkappid = "14000";  // half-typed on purpose: must survive as typed
  d.target.identifier = "ops_admin";
  d.target.validity_days = 7;
  d.target.sig_source = SigSource::pasted;
  d.updated_at = 1764152787;
  return d;
}

constexpr const char* key = "5f0c0a1d2e3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

}  // namespace

TEST_CASE("draft: several named drafts survive serialize and parse with every setting") {
  DraftStore store;
  REQUIRE(store.add(sample("morning", R"({"MsgRandom":1,"OfflinePushInfo":{"Desc":"早上好"}})")).ok());
  REQUIRE(store.add(sample("evening", "{\"MsgRandom\": 2,\n  \"half typed")).ok());
  store.active = "evening";

  DraftStoreRead read = parse_drafts(serialize_drafts(store));
  CHECK(read.message.en.empty());
  CHECK(read.skipped == 0);
  REQUIRE(read.store.drafts.size() == 2);
  CHECK(read.store.active == "evening");
  const Draft& a = read.store.drafts[0];
  CHECK(a.name == "morning");
  CHECK(a.body == R"({"MsgRandom":1,"OfflinePushInfo":{"Desc":"早上好"}})");
  CHECK(a.target.kind == TargetKind::region);
  CHECK(a.target.region_id == "singapore");
  CHECK(a.target.backup_host);
  CHECK_FALSE(a.target.via_relay);
  CHECK(a.target.sdkappid == "14000");
  CHECK(a.target.identifier == "ops_admin");
  CHECK(a.target.validity_days == 7);
  CHECK(a.target.sig_source == SigSource::pasted);
  CHECK(a.updated_at == 1764152787);
  // A body that is not (yet) JSON is a draft like any other.
  CHECK(read.store.drafts[1].body == "{\"MsgRandom\": 2,\n  \"half typed");
}

TEST_CASE("draft: the SecretKey and a pasted UserSig are stored only when remembered") {
  Draft d = sample("d", "{}");
  d.secret_key = key;
  d.pasted_usersig = "eJwtzE0LgjAYB-AvE-PLUSTHATISLONG";
  DraftStore store;
  REQUIRE(store.add(d).ok());

  SUBCASE("not remembered: absent from the stored text, empty after reading") {
    std::string text = serialize_drafts(store);
    CHECK(text.find(key) == std::string::npos);
    CHECK(text.find("eJwtzE0LgjAYB") == std::string::npos);
    DraftStoreRead read = parse_drafts(text);
    REQUIRE(read.store.drafts.size() == 1);
    CHECK(read.store.drafts[0].secret_key.empty());
    CHECK(read.store.drafts[0].pasted_usersig.empty());
    CHECK_FALSE(read.store.drafts[0].remember_secrets);
  }
  SUBCASE("remembered on this device: restored") {
    store.drafts[0].remember_secrets = true;
    DraftStoreRead read = parse_drafts(serialize_drafts(store));
    REQUIRE(read.store.drafts.size() == 1);
    CHECK(read.store.drafts[0].remember_secrets);
    CHECK(read.store.drafts[0].secret_key == key);
    CHECK(read.store.drafts[0].pasted_usersig == "eJwtzE0LgjAYB-AvE-PLUSTHATISLONG");
  }
  SUBCASE("a key in storage without the flag (edited by hand) is not read back") {
    std::string text = R"({"version":1,"drafts":[{"name":"x","body":"{}","secret_key":"leaked"}]})";
    DraftStoreRead read = parse_drafts(text);
    REQUIRE(read.store.drafts.size() == 1);
    CHECK(read.store.drafts[0].secret_key.empty());
  }
  CHECK(std::string(remember_warning.en).find("storage") != std::string::npos);
  CHECK(std::string(remember_warning.zh).find("存储") != std::string::npos);
}

TEST_CASE("draft: storage that is not a drafts store gives an empty store and a message") {
  for (const char* text : {"not json at all", "[1,2,3]", "{\"drafts\":5}", "{\"version\":1}", "null",
                           "{\"drafts\":[", "\xff\xfe{"}) {
    CAPTURE(text);
    DraftStoreRead read = parse_drafts(text);
    CHECK(read.store.drafts.empty());
    CHECK(read.unreadable);
    CHECK_FALSE(read.message.en.empty());
  }
  // Nothing saved yet is the normal first visit, not damage.
  DraftStoreRead fresh = parse_drafts("");
  CHECK(fresh.message.en.empty());
  CHECK_FALSE(fresh.unreadable);
}

TEST_CASE("draft: unreadable entries are skipped and counted, readable ones all kept") {
  std::string text = R"({"version":1,"active":"b","drafts":[
    {"name":"a","body":"{}"},
    {"name":"","body":"{}"},
    {"name":"no body"},
    42,
    {"name":"b","body":"{\"MsgRandom\":1}","target":{"kind":"moon","validity_days":"many","sdkappid":7}},
    {"name":"a","body":"a second a"}
  ]})";
  DraftStoreRead read = parse_drafts(text);
  REQUIRE(read.store.drafts.size() == 2);
  CHECK(read.store.drafts[0].name == "a");
  CHECK(read.store.drafts[0].body == "{}");  // the first of two "a" wins
  CHECK(read.store.drafts[1].name == "b");
  // Bad settings fall back to defaults instead of costing the draft.
  CHECK(read.store.drafts[1].target.kind == TargetKind::sandbox);
  CHECK(read.store.drafts[1].target.validity_days == 180);
  CHECK(read.store.drafts[1].target.sdkappid.empty());
  CHECK(read.store.active == "b");
  CHECK(read.skipped == 4);
  CHECK(read.message.en.find("4") != std::string::npos);
  CHECK_FALSE(read.unreadable);
}

TEST_CASE("draft: storage cut off at any byte never crashes and never invents a draft") {
  DraftStore store;
  for (int i = 0; i < 3; ++i) REQUIRE(store.add(sample("draft " + std::to_string(i), "{\"MsgRandom\":" + std::to_string(i) + "}")).ok());
  std::string text = serialize_drafts(store);
  for (size_t cut = 0; cut < text.size(); ++cut) {
    DraftStoreRead read = parse_drafts(text.substr(0, cut));
    // A cut text is never valid JSON, so the whole store is refused, with a message.
    CHECK(read.store.drafts.empty());
    if (cut > 0) CHECK_FALSE(read.message.en.empty());
  }
}

TEST_CASE("draft: add, rename and delete keep names unique and the active draft right") {
  DraftStore store;
  CHECK(store.add(sample("one", "{}")).ok());
  CHECK_FALSE(store.add(sample("one", "{}")).ok());
  CHECK_FALSE(store.add(sample("", "{}")).ok());
  CHECK_FALSE(store.add(sample("two\nlines", "{}")).ok());
  CHECK_FALSE(store.add(sample(std::string(81, 'x'), "{}")).ok());
  CHECK(store.add(sample(std::string(80, 'x'), "{}")).ok());
  CHECK(store.add(sample("two", "{}")).ok());
  store.active = "one";

  CHECK_FALSE(store.rename("one", "two").ok());   // taken
  CHECK_FALSE(store.rename("nope", "three").ok()); // missing
  CHECK(store.rename("one", "uno").ok());
  CHECK(store.active == "uno");
  CHECK(store.find("uno"));
  CHECK_FALSE(store.find("one"));

  CHECK(store.remove("uno").ok());
  CHECK(store.active.empty());
  CHECK_FALSE(store.remove("uno").ok());
  CHECK(store.drafts.size() == 2);
}

TEST_CASE("draft: save replaces the draft of that name (autosave) or adds it") {
  DraftStore store;
  CHECK(store.save(sample("Draft 1", "{\"a\":1}")).ok());
  CHECK(store.save(sample("Draft 1", "{\"a\":2}")).ok());
  REQUIRE(store.drafts.size() == 1);
  CHECK(store.drafts[0].body == "{\"a\":2}");
  CHECK(store.unused_name() == "Draft 2");
}

TEST_CASE("draft: the store is capped at 100 drafts") {
  DraftStore store;
  for (size_t i = 0; i < max_drafts; ++i) REQUIRE(store.add(sample("d" + std::to_string(i), "{}")).ok());
  StoreResult full = store.add(sample("one more", "{}"));
  CHECK_FALSE(full.ok());
  CHECK(full.error.en.find("100") != std::string::npos);
}

TEST_CASE("draft: bytes that are not UTF-8 in a field do not stop saving") {
  DraftStore store;
  REQUIRE(store.add(sample("bad", std::string("{\"Desc\":\"\xC3\x28\"}"))).ok());
  std::string text;
  CHECK_NOTHROW(text = serialize_drafts(store));
  CHECK(parse_drafts(text).store.drafts.size() == 1);
}

TEST_CASE("draft: autosave is due within a second of an edit, even during steady typing") {
  AutosaveTimer timer;
  CHECK(timer.wait_ms(0) == -1);  // nothing to save
  CHECK_FALSE(timer.due(10'000));

  SUBCASE("one edit: saved once typing pauses") {
    timer.note_edit(1000);
    CHECK_FALSE(timer.due(1200));
    CHECK(timer.wait_ms(1200) == 100);
    CHECK(timer.due(1300));
    timer.saved();
    CHECK_FALSE(timer.due(5000));
  }
  SUBCASE("a key every 100 ms: still saved before a second has passed") {
    int64_t saved_at = -1;
    for (int64_t t = 0; t < 3000; t += 100) {
      if (timer.due(t)) {
        saved_at = t;
        break;
      }
      timer.note_edit(t);
    }
    REQUIRE(saved_at >= 0);
    CHECK(saved_at <= 1000);
  }
}

TEST_CASE("draft: 3000 seeded mutations of saved drafts never throw and keep names unique") {
  DraftStore store;
  for (int i = 0; i < 3; ++i) REQUIRE(store.add(sample("d" + std::to_string(i), "{\"MsgRandom\":1}")).ok());
  store.active = "d1";
  const std::string source = serialize_drafts(store);
  uint32_t x = 7;  // an LCG, so a failure replays
  auto next = [&x] { return x = x * 1664525u + 1013904223u; };
  const char bytes[] = "{}[]\":,0123456789-tfnul\\ \n\xc3";
  for (int i = 0; i < 3000; ++i) {
    std::string text = source;
    for (int edits = 1 + static_cast<int>(next() % 4); edits > 0; --edits) {
      size_t at = next() % text.size();
      if (next() % 2) text[at] = bytes[next() % (sizeof bytes - 1)];
      else text.insert(at, 1, bytes[next() % (sizeof bytes - 1)]);
    }
    CAPTURE(text);
    DraftStoreRead read;
    CHECK_NOTHROW(read = parse_drafts(text));
    CHECK(read.store.drafts.size() <= 3);
    for (size_t a = 0; a < read.store.drafts.size(); ++a)
      for (size_t b = a + 1; b < read.store.drafts.size(); ++b) CHECK(read.store.drafts[a].name != read.store.drafts[b].name);
    CHECK((read.store.active.empty() || read.store.find(read.store.active)));
  }
}
