// Over HTTP: GET /sandbox/tasks pages through the task list (offset, limit, total, next_offset;
// an answer never over 1 MiB; bad parameters a 400 in zh and en), and batch calls are limited
// per second as task-apis.md section 2 documents (free edition 10/s; the code, 60018, is the
// choice task-apis.md makes for the per-second limits). Decisions: src/server/sandbox.h.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

int code_of(const Json& answer) {
  REQUIRE(answer.is_object());
  return answer.value("ErrorCode", -1);
}

Json page(Harness& h, const std::string& query) {
  auto result = h.get("/sandbox/tasks" + query);
  REQUIRE(result);
  CAPTURE(result->body.substr(0, 300));
  REQUIRE(result->status == 200);
  Json doc = Json::parse(result->body, nullptr, false);
  REQUIRE(doc.is_object());
  REQUIRE(doc["tasks"].is_array());
  return doc;
}

std::string batch_body(uint32_t msg_random, const std::string& desc = "text") {
  return body_with(msg_random, Json{{"To_Account", {"user1"}},
                                    {"OfflinePushInfo", {{"PushFlag", 0}, {"Title", "t"},
                                                         {"Desc", desc}}}});
}

Json batch(Harness& h, const std::string& body) { return h.push(body, h.good_params(), "batch"); }

// `count` accepted batch tasks, 100 ms apart (so the 10/s limit never refuses them).
std::vector<std::string> fill(Harness& h, uint32_t count, const std::string& desc = "text") {
  std::vector<std::string> ids;
  for (uint32_t i = 1; i <= count; ++i) {
    Json answer = batch(h, batch_body(i, desc));
    REQUIRE(code_of(answer) == 0);
    ids.push_back(answer["TaskId"].get<std::string>());
    h.advance_ms(100);
  }
  return ids;
}

}  // namespace

TEST_CASE("sandbox /sandbox/tasks: pages, oldest first, with total and next_offset") {
  Harness h;
  std::vector<std::string> ids = fill(h, 7);

  Json all = page(h, "");
  CHECK(all["total"] == 7);
  CHECK(all["offset"] == 0);
  CHECK(all["limit"] == 50);  // the default
  CHECK(all["next_offset"].is_null());
  REQUIRE(all["tasks"].size() == 7);
  for (size_t i = 0; i < 7; ++i) CHECK(all["tasks"][i]["TaskId"] == ids[i]);

  Json middle = page(h, "?offset=2&limit=3");
  CHECK(middle["total"] == 7);
  CHECK(middle["offset"] == 2);
  CHECK(middle["limit"] == 3);
  CHECK(middle["next_offset"] == 5);
  REQUIRE(middle["tasks"].size() == 3);
  CHECK(middle["tasks"][0]["TaskId"] == ids[2]);
  CHECK(middle["tasks"][2]["TaskId"] == ids[4]);

  Json last = page(h, "?offset=5&limit=3");
  CHECK(last["next_offset"].is_null());
  REQUIRE(last["tasks"].size() == 2);
  CHECK(last["tasks"][1]["TaskId"] == ids[6]);

  // Past the end: an empty page, not an error.
  for (const char* query : {"?offset=7", "?offset=1000000000&limit=200"}) {
    CAPTURE(std::string(query));
    Json beyond = page(h, query);
    CHECK(beyond["total"] == 7);
    CHECK(beyond["tasks"].empty());
    CHECK(beyond["next_offset"].is_null());
  }
}

TEST_CASE("sandbox /sandbox/tasks: bad parameters get a 400 in zh and en") {
  Harness h;
  fill(h, 1);
  for (const char* query : {"?limit=0", "?limit=201", "?limit=-1", "?limit=abc", "?limit=",
                            "?limit=1e3", "?offset=-1", "?offset=x", "?offset=1000000001",
                            "?offset=99999999999", "?limit=1&limit=2", "?offset=0&offset=1"}) {
    CAPTURE(std::string(query));
    auto result = h.get(std::string("/sandbox/tasks") + query);
    REQUIRE(result);
    CHECK(result->status == 400);
    Json doc = Json::parse(result->body, nullptr, false);
    REQUIRE(doc.is_object());
    CHECK_FALSE(doc.value("Error", "").empty());
    CHECK_FALSE(doc.value("ErrorZh", "").empty());
  }
  // The bounds themselves are fine, and other parameters are ignored.
  CHECK(page(h, "?limit=1")["tasks"].size() == 1);
  CHECK(page(h, "?limit=200&offset=0&other=1")["tasks"].size() == 1);
}

TEST_CASE("sandbox /sandbox/tasks: an answer stays under 1 MiB; next_offset walks the rest") {
  Harness h;
  // 200 tasks with bodies close to the 10240-byte limit: about 2 MB in all.
  const std::string desc(9800, 'd');
  REQUIRE(batch_body(1, desc).size() <= 10240);
  std::vector<std::string> ids = fill(h, 200, desc);

  auto first = h.get("/sandbox/tasks?limit=200");
  REQUIRE(first);
  REQUIRE(first->status == 200);
  CHECK(first->body.size() <= (1u << 20));
  // Every task is walked exactly once, in order, whatever the pages' sizes.
  std::vector<std::string> walked;
  Json next = 0;
  int pages = 0;
  while (!next.is_null() && pages < 50) {
    Json doc = page(h, "?limit=200&offset=" + std::to_string(next.get<int>()));
    CHECK(doc["total"] == 200);
    REQUIRE_FALSE(doc["tasks"].empty());
    for (const auto& task : doc["tasks"]) walked.push_back(task["TaskId"].get<std::string>());
    // Bodies are whole.
    CHECK(doc["tasks"][0]["Body"]["OfflinePushInfo"]["Desc"] == desc);
    next = doc["next_offset"];
    ++pages;
  }
  CHECK(pages >= 2);
  CHECK(walked == ids);
}

TEST_CASE("sandbox batch: at most 10 calls in any second (60018), refusals not counted") {
  Harness h;
  for (uint32_t i = 1; i <= 10; ++i) CHECK(code_of(batch(h, batch_body(i))) == 0);
  Json refused = batch(h, batch_body(11));
  CHECK(code_of(refused) == 60018);
  CHECK(refused["ActionStatus"] == "FAIL");
  CHECK_FALSE(refused.value("ErrorInfo", "").empty());
  CHECK_FALSE(refused.contains("TaskId"));
  // The window is 1000 ms from each call: 999 ms later all ten are still in it.
  h.advance_ms(999);
  CHECK(code_of(batch(h, batch_body(11))) == 60018);
  // The refused calls did not count: a full second after the ten, ten more pass.
  h.advance_ms(1);
  for (uint32_t i = 11; i <= 20; ++i) CHECK(code_of(batch(h, batch_body(i))) == 0);
  CHECK(code_of(batch(h, batch_body(21))) == 60018);
  // A refused batch is no task.
  CHECK(page(h, "")["total"] == 20);
  // push is not a batch call: its own 1 s rule applies, not this one.
  CHECK(code_of(h.push(body_with(1))) == 0);

  // Calls count whatever their answer: repeats of a MsgRandom and bodies that fail.
  h.advance_ms(1000);
  for (int i = 0; i < 5; ++i) CHECK(code_of(batch(h, batch_body(20))) == 0);  // same task
  for (int i = 0; i < 5; ++i) CHECK(code_of(batch(h, "{")) == 90001);
  CHECK(code_of(batch(h, batch_body(22))) == 60018);
}
