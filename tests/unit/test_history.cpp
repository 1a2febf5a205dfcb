// Send history: each send kept with time, place, bodies, ErrorCode and TaskId; nothing secret in
// it; searchable; exported and imported as a file without duplicates; capped at 500 entries.
#include <doctest/doctest.h>

#include <string>

#include "core/endpoints.h"
#include "core/history.h"
#include "core/json.h"

using timpush::Json;
using namespace timpush::core;

namespace {

// The answer example of the product document (push-api.zh.txt, 应答包体示例).
constexpr const char* document_answer =
    R"({"ActionStatus": "OK","ErrorInfo": "","ErrorCode": 0,"TaskId": "667015d4_537529d8_2000005e80aa873_d03ac87_56f5e750"})";
constexpr const char* usersig = "eJwtzEELgjAYgOG-8p2NGKmzSXgQ6mCgUFnSMfRbfJSutg9mRP89sa7PC*9brLa3hUcjYhCsCDpbG8IeO9bkTmCP5BXfHdvYUjAgBaXPSSfxE2rF0FrfFqhHtk1P";
constexpr const char* key = "5f0c0a1d2e3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

std::string china_url() {
  return push_url("https://console.tim.qq.com", {usersig, "administrator", 1400000000u, 99u});
}

HistoryEntry sent_at(int64_t time, std::string body, std::string answer = document_answer) {
  DraftTarget target;
  target.kind = TargetKind::region;
  return make_history_entry(SentPush{time, china_url(), 1400000000u, "administrator", target, 3674128u, body}, 200, answer);
}

}  // namespace

TEST_CASE("history: the URL is stored as base and API path, never with its query") {
  std::string url = china_url();
  REQUIRE(url.find(usersig) != std::string::npos);  // the URL does carry the UserSig
  SplitUrl split = split_request_url(url);
  CHECK(split.base == "https://console.tim.qq.com");
  CHECK(split.api == "v4/timpush/push");

  SplitUrl sandbox = split_request_url("http://127.0.0.1:8080/sandbox/v4/timpush/push?usersig=x&random=1#frag");
  CHECK(sandbox.base == "http://127.0.0.1:8080/sandbox");
  CHECK(sandbox.api == "v4/timpush/push");

  History history;
  history.add(sent_at(1000, R"({"MsgRandom":3674128})"));
  std::string stored = serialize_history(history);
  CHECK(stored.find(usersig) == std::string::npos);
  CHECK(stored.find("usersig") == std::string::npos);
  CHECK(export_history(history).find(usersig) == std::string::npos);
}

TEST_CASE("history: an entry records time, host, bodies, status, ErrorCode and TaskId") {
  HistoryEntry e = sent_at(1764152787, R"({"MsgRandom":3674128})");
  CHECK(e.time == 1764152787);
  CHECK(e.base == "https://console.tim.qq.com");
  CHECK(e.sdkappid == 1400000000u);
  CHECK(e.identifier == "administrator");
  CHECK(e.msg_random == 3674128u);
  CHECK(e.request_body == R"({"MsgRandom":3674128})");
  CHECK(e.http_status == 200);
  CHECK(e.error_code == 0);
  CHECK(e.task_id == "667015d4_537529d8_2000005e80aa873_d03ac87_56f5e750");

  HistoryEntry failed = sent_at(1, "{}", R"({"ActionStatus":"FAIL","ErrorCode":90039,"ErrorInfo":"x"})");
  CHECK(failed.error_code == 90039);
  CHECK(failed.task_id.empty());

  HistoryEntry no_answer = make_history_entry(SentPush{2, china_url(), 1, "a", {}, 1, "{}"}, 0, "");
  CHECK_FALSE(no_answer.error_code);
  CHECK(no_answer.http_status == 0);
}

TEST_CASE("history: secrets handed to add() are removed from every stored text") {
  History history;
  // A careless user pasted the key into Ext and a relay echoed the URL in its answer.
  std::string body = std::string(R"({"MsgRandom":1,"OfflinePushInfo":{"Ext":"k=)") + key + R"("}})";
  std::string answer = std::string(R"({"RelayError":"cannot reach https://h/v4/timpush/push?usersig=)") + usersig +
                       R"(&identifier=a"})";
  history.add(make_history_entry(SentPush{5, china_url(), 1, "a", {}, 1, body}, 502, answer), {key, usersig});
  REQUIRE(history.entries.size() == 1);
  std::string stored = serialize_history(history);
  CHECK(stored.find(key) == std::string::npos);
  CHECK(stored.find(usersig) == std::string::npos);
  CHECK(history.entries[0].request_body.find("[redacted]") != std::string::npos);
  CHECK(history.entries[0].response_body.find("usersig=***") != std::string::npos);
  // Short "secrets" are ignored rather than blanking common words.
  CHECK(redact("MsgRandom", {"Msg"}) == "MsgRandom");
}

TEST_CASE("history: a large answer is cut to 4096 bytes at a character boundary") {
  // Three-byte characters ("中", E4 B8 AD) straddle the 4096th byte.
  std::string page = "<html>" + std::string(3000, 'a');
  for (int i = 0; i < 1000; ++i) page += "中";
  History history;
  history.add(make_history_entry(SentPush{1, china_url(), 1, "a", {}, 1, "{}"}, 502, page));
  const std::string& kept = history.entries[0].response_body;
  size_t cut = kept.find("\n[");
  REQUIRE(cut != std::string::npos);
  CHECK(cut <= max_response_bytes);
  CHECK(cut > max_response_bytes - 3);
  // (cut - 6 - 3000) bytes of 3-byte characters: whole characters only.
  CHECK((cut - 6 - 3000) % 3 == 0);
  CHECK(kept.find("more bytes not kept]") != std::string::npos);
}

TEST_CASE("history: only the newest 500 sends are kept") {
  History history;
  for (int64_t t = 0; t < 510; ++t) history.add(sent_at(t, "{\"MsgRandom\":" + std::to_string(t) + "}"));
  REQUIRE(history.entries.size() == max_history_entries);
  CHECK(history.entries.front().time == 10);
  CHECK(history.entries.back().time == 509);
  // An entry dated earlier (the clock stepped back) still lands in time order.
  history.add(sent_at(300, "{\"late\":1}"));
  CHECK(history.entries.front().time == 11);
  for (size_t i = 1; i < history.entries.size(); ++i) CHECK(history.entries[i - 1].time <= history.entries[i].time);
}

TEST_CASE("history: search by word over bodies, TaskId, host and code, newest first") {
  History history;
  history.add(sent_at(1, R"({"Condition":{"TagsAnd":["股票A"]}})"));
  history.add(sent_at(2, R"({"OfflinePushInfo":{"Desc":"Flash Sale"}})",
                      R"({"ActionStatus":"FAIL","ErrorCode":90039,"ErrorInfo":"bad"})"));
  history.add(make_history_entry(SentPush{3, "http://127.0.0.1:8080/sandbox/v4/timpush/push?usersig=s", 7, "admin2", {}, 5, R"({"OfflinePushInfo":{"Desc":"flash again"}})"}, 200, document_answer));

  CHECK(history.search("") == std::vector<size_t>{2, 1, 0});
  CHECK(history.search("FLASH") == std::vector<size_t>{2, 1});          // case folded, newest first
  CHECK(history.search("flash 127.0.0.1") == std::vector<size_t>{2});   // every word must match
  CHECK(history.search("90039") == std::vector<size_t>{1});             // ErrorCode
  CHECK(history.search("股票A") == std::vector<size_t>{0});              // UTF-8 words
  CHECK(history.search("667015d4_537529d8") == std::vector<size_t>{2, 0});  // TaskId of the OK answers
  CHECK(history.search("console.tim.qq.com").size() == 2);              // host
  CHECK(history.search("admin2") == std::vector<size_t>{2});            // identifier
  CHECK(history.search("nothing-like-this").empty());
}

TEST_CASE("history: export then import restores every entry, importing again adds none") {
  History history;
  history.add(sent_at(10, R"({"MsgRandom":1})"));
  history.add(sent_at(20, R"({"MsgRandom":2})", R"({"ActionStatus":"FAIL","ErrorCode":91000})"));
  std::string file = export_history(history);

  History other;
  HistoryImport first = import_history(other, file);
  CHECK(first.ok());
  CHECK(first.added == 2);
  CHECK(first.invalid == 0);
  REQUIRE(other.entries.size() == 2);
  CHECK(other.entries[1].error_code == 91000);
  CHECK(other.entries[0].task_id == history.entries[0].task_id);
  CHECK(other.entries[0].target.kind == TargetKind::region);
  CHECK(export_history(other) == file);

  HistoryImport again = import_history(other, file);
  CHECK(again.added == 0);
  CHECK(again.duplicates == 2);
  CHECK(other.entries.size() == 2);
}

TEST_CASE("history: a file that is not a history is refused and changes nothing") {
  History history;
  history.add(sent_at(1, "{}"));
  for (const char* text : {"", "not json", "42", R"({"entries":5})", R"({"format":"something-else","entries":[]})"}) {
    CAPTURE(text);
    HistoryImport result = import_history(history, text);
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.error.en.empty());
    CHECK(history.entries.size() == 1);
  }
}

TEST_CASE("history: import validates each entry and cleans what it keeps") {
  History history;
  std::string file = R"([
    {"time": 5, "base": "https://adminapisgp.im.qcloud.com?usersig=abc", "request_body": "{}",
     "api": "v4/timpush/push?usersig=def&random=1"},
    {"time": "yesterday", "base": "https://x", "request_body": "{}"},
    {"time": 6, "base": "https://x", "request_body": "{}", "sdkappid": "1400000000"},
    {"time": 7, "base": "https://x", "request_body": "{}", "msg_random": 4294967296},
    {"time": 8, "base": "https://x", "request_body": "{}", "response_body": "<html>usersig=zzz</html>"},
    {"time": 9}
  ])";
  HistoryImport result = import_history(history, file);
  CHECK(result.ok());
  CHECK(result.added == 2);
  CHECK(result.invalid == 4);
  REQUIRE(history.entries.size() == 2);
  const HistoryEntry& sgp = history.entries[0];
  CHECK(sgp.base == "https://adminapisgp.im.qcloud.com");
  CHECK(sgp.api == "v4/timpush/push");
  // No target in the file: the region is recognised from the host.
  CHECK(sgp.target.kind == TargetKind::region);
  CHECK(sgp.target.region_id == "singapore");
  CHECK(history.entries[1].target.kind == TargetKind::custom);
  CHECK(history.entries[1].response_body == "<html>usersig=***</html>");
}

TEST_CASE("history: a region host in upper case or with a trailing dot is still that region") {
  History history;
  std::string file = R"([{"time": 5, "base": "https://AdminApiSGP.im.qcloud.com./x", "request_body": "{}"},
                         {"time": 6, "base": "https://ADMINAPI.MY-IMCLOUD.COM", "request_body": "{}"}])";
  REQUIRE(import_history(history, file).added == 2);
  CHECK(history.entries[0].target.kind == TargetKind::region);
  CHECK(history.entries[0].target.region_id == "singapore");
  CHECK(history.entries[1].target.region_id == "china");
  CHECK(history.entries[1].target.backup_host);
}

TEST_CASE("history: an import beyond 500 entries keeps the newest") {
  History history;
  history.add(sent_at(1000, "{}"));
  Json list = Json::array();
  for (int t = 0; t < 600; ++t) list.push_back({{"time", t}, {"base", "https://x"}, {"request_body", "{}"}});
  HistoryImport result = import_history(history, list.dump());
  CHECK(result.added == 600);
  CHECK(result.dropped == 101);
  REQUIRE(history.entries.size() == 500);
  CHECK(history.entries.back().time == 1000);
  CHECK(history.entries.front().time == 101);
}

TEST_CASE("history: a 100k-entry file imports the newest 500, finds its repeats, says how many dropped") {
  History history;
  history.add(sent_at(50, "{}"));
  std::string file = "[";
  for (int t = 0; t < 100'000; ++t) {
    // Every tenth entry repeats the one before it: the same send exported twice.
    int time = t % 10 == 9 ? t - 1 : t;
    if (t) file += ',';
    file += R"({"time":)" + std::to_string(time) + R"(,"base":"https://x","request_body":"{}"})";
  }
  file += "]";
  REQUIRE(file.size() < max_import_bytes);
  HistoryImport result = import_history(history, file);
  REQUIRE(result.ok());
  CHECK(result.added == 90'000);
  CHECK(result.duplicates == 10'000);
  CHECK(result.dropped == 90'001 - 500);
  REQUIRE(history.entries.size() == 500);
  CHECK(history.entries.back().time == 99'998);
  for (size_t i = 1; i < history.entries.size(); ++i) CHECK(history.entries[i - 1].time < history.entries[i].time);
}

TEST_CASE("history: a file over the import size is refused in both languages and changes nothing") {
  History history;
  history.add(sent_at(50, "{}"));
  std::string file(max_import_bytes + 1, ' ');
  file.front() = '[';
  file.back() = ']';
  HistoryImport result = import_history(history, file);
  CHECK_FALSE(result.ok());
  CHECK(result.error.en.find("MB") != std::string::npos);
  CHECK(result.error.zh.find("文件") != std::string::npos);
  CHECK(history.entries.size() == 1);
}

TEST_CASE("history: storage round trip, within a byte budget that drops the oldest") {
  History history;
  for (int t = 0; t < 20; ++t) history.add(sent_at(t, "{\"MsgRandom\":" + std::to_string(t) + "}"));
  HistoryRead all = parse_history(serialize_history(history));
  CHECK(all.message.en.empty());
  REQUIRE(all.history.entries.size() == 20);
  CHECK(all.history.entries[7].request_body == "{\"MsgRandom\":7}");

  std::string small = serialize_history(history, 2000);
  CHECK(small.size() <= 2000);
  HistoryRead some = parse_history(small);
  REQUIRE_FALSE(some.history.entries.empty());
  CHECK(some.history.entries.size() < 20);
  CHECK(some.history.entries.back().time == 19);  // the newest survive

  HistoryRead broken = parse_history("{\"format\":\"timpush-history\",\"entries\":[");
  CHECK(broken.unreadable);
  CHECK(broken.history.entries.empty());
  CHECK_FALSE(broken.message.en.empty());
}

TEST_CASE("history: any entry reopens as a draft with its body and target") {
  HistoryEntry e = sent_at(50, R"({"MsgRandom":3674128,"OfflinePushInfo":{"Desc":"x"}})");
  Draft d = draft_from_history(e, "from history", 60);
  CHECK(d.name == "from history");
  CHECK(d.body == e.request_body);
  CHECK(d.target.kind == TargetKind::region);
  CHECK(d.updated_at == 60);
  CHECK(d.secret_key.empty());
  CHECK_FALSE(d.remember_secrets);
}

TEST_CASE("history: 3000 seeded mutations of a saved history and an export never throw") {
  History history;
  for (int t = 0; t < 4; ++t) history.add(sent_at(t, "{\"MsgRandom\":" + std::to_string(t) + "}"));
  const std::string sources[] = {serialize_history(history), export_history(history)};
  uint32_t x = 2024;  // an LCG, so a failure replays
  auto next = [&x] { return x = x * 1664525u + 1013904223u; };
  const char bytes[] = "{}[]\":,0123456789-eE.tfnul\\ \xff";
  for (int i = 0; i < 3000; ++i) {
    std::string text = sources[i % 2];
    for (int edits = 1 + static_cast<int>(next() % 4); edits > 0; --edits) {
      size_t at = next() % text.size();
      switch (next() % 3) {
        case 0: text[at] = bytes[next() % (sizeof bytes - 1)]; break;
        case 1: text.erase(at, 1 + next() % 8); break;
        default: text.insert(at, 1, bytes[next() % (sizeof bytes - 1)]); break;
      }
      if (text.empty()) text = "{";
    }
    CAPTURE(text);
    HistoryRead read;
    CHECK_NOTHROW(read = parse_history(text));
    CHECK(read.history.entries.size() <= 4);
    History target = history;
    HistoryImport imported;
    CHECK_NOTHROW(imported = import_history(target, text));
    // Whatever it read, it never produced an entry that holds a query.
    for (const auto& e : target.entries) CHECK(e.base.find('?') == std::string::npos);
  }
}
