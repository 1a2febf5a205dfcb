// The sandbox's state stays bounded over a long run: dedup entries expire in the order they were
// made, 24 h each (reference.md section 2: MsgRandom is the dedup key for 24 h), and the task
// list and the dedup memory keep their caps (the decisions in src/server/sandbox.h). These drive
// the Sandbox object directly with a clock the test moves, since they need many pushes.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/usersig.h"
#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

// A sandbox with the harness's app, no HTTP.
class Direct {
public:
  explicit Direct(server::SandboxOptions options)
      : sandbox_(with_app(std::move(options)), [this] { return now_ms_; },
                 [this] { return random_ += 0x9e3779b9u; }) {}

  void advance_s(int64_t seconds) { now_ms_ += seconds * 1000; }

  Json call(const std::string& api, const std::string& body) {
    // A fresh UserSig each fake hour: signing every call would make the long runs slow.
    if (sig_.empty() || now_ms_ / 1000 - sig_issued_ > 3600) {
      sig_issued_ = now_ms_ / 1000 - 60;
      sig_ = core::usersig::generate(kAppId, kAdmin, kKey, sig_issued_, 86400);
    }
    std::multimap<std::string, std::string> params{
        {"usersig", sig_},
        {"identifier", kAdmin},
        {"sdkappid", std::to_string(kAppId)},
        {"random", "1"},
        {"contenttype", "json"}};
    auto answer = sandbox_.handle("POST", "/v4/timpush/" + api, params, body);
    REQUIRE(answer.http_status == 200);
    Json doc = Json::parse(answer.body, nullptr, false);
    REQUIRE(doc.is_object());
    return doc;
  }
  // An accepted push's TaskId (the test fails when it is refused).
  std::string push(uint32_t msg_random, const std::string& api = "push") {
    Json patch = api == "batch" ? Json{{"To_Account", {"user1"}}} : Json::object();
    Json answer = call(api, body_with(msg_random, patch));
    CAPTURE(answer.dump());
    REQUIRE(answer.value("ErrorCode", -1) == 0);
    return answer["TaskId"].get<std::string>();
  }
  Json tasks(std::multimap<std::string, std::string> params = {}) {
    auto answer = sandbox_.tasks(params);
    REQUIRE(answer.http_status == 200);
    Json doc = Json::parse(answer.body, nullptr, false);
    REQUIRE(doc.is_object());
    return doc;
  }

private:
  static server::SandboxOptions with_app(server::SandboxOptions options) {
    options.sdkappid = kAppId;
    options.admin = kAdmin;
    options.key = kKey;
    return options;
  }

  int64_t now_ms_ = kStartMs;
  int64_t sig_issued_ = 0;
  std::string sig_;
  uint32_t random_ = 0x1234567u;
  server::Sandbox sandbox_;
};

server::SandboxOptions roomy() {
  server::SandboxOptions options;
  options.daily_quota = 1000000;
  return options;
}

}  // namespace

TEST_CASE("sandbox dedup: each MsgRandom is forgotten 24 h after its own push, oldest first") {
  Direct d(roomy());
  const std::string first = d.push(1);
  d.advance_s(10 * 3600);
  const std::string second = d.push(2);
  // One second before the first's window ends both are still known.
  d.advance_s(14 * 3600 - 1);
  CHECK(d.push(1) == first);
  CHECK(d.push(2) == second);
  // At 24 h the first is a new push; the second, 10 h younger, is still the same task.
  d.advance_s(1);
  const std::string first_again = d.push(1);
  CHECK(first_again != first);
  CHECK(d.push(2) == second);
  // The second's own 24 h end later; the new push of 1 is now the one remembered.
  d.advance_s(10 * 3600);
  CHECK(d.push(2) != second);
  CHECK(d.push(1) == first_again);
}

TEST_CASE("sandbox dedup: push and batch keep separate MsgRandoms") {
  Direct d(roomy());
  const std::string push = d.push(5);
  const std::string batch = d.push(5, "batch");
  CHECK(push != batch);
  CHECK(d.push(5, "batch") == batch);
  d.advance_s(1);
  CHECK(d.push(5) == push);
}

TEST_CASE("sandbox task list: after cap + N pushes it holds the last cap, oldest gone") {
  server::SandboxOptions options = roomy();
  options.max_tasks_kept = 5;
  Direct d(options);
  std::vector<std::string> ids;
  for (uint32_t i = 1; i <= 8; ++i) {
    ids.push_back(d.push(i));
    d.advance_s(1);
  }
  Json list = d.tasks();
  CHECK(list["total"] == 5);
  CHECK(list["max_tasks_kept"] == 5);
  REQUIRE(list["tasks"].size() == 5);
  for (size_t i = 0; i < 5; ++i) CHECK(list["tasks"][i]["TaskId"] == ids[i + 3]);

  // A dropped task's MsgRandom is still the same push within 24 h: its TaskId comes back and
  // the list does not change...
  CHECK(d.push(1) == ids[0]);
  CHECK(d.tasks()["total"] == 5);
  CHECK(d.tasks()["tasks"][0]["TaskId"] == ids[3]);
  // ...but it cannot be revoked any more: the sandbox no longer holds it.
  Json info = {{"Title", "withdrawn"}, {"Desc", "withdrawn"}};
  CHECK(d.call("revoke", Json{{"TaskId", ids[0]}, {"OfflinePushInfo", info}}.dump())
            .value("ErrorCode", -1) == 90049);
  CHECK(d.call("revoke", Json{{"TaskId", ids[3]}, {"OfflinePushInfo", info}}.dump())
            .value("ErrorCode", -1) == 0);
  CHECK(d.tasks()["tasks"][0]["Revoked"] == true);
  // A revoked task dropped later takes its flag with it; the next one keeps its own.
  d.advance_s(1);
  d.push(100);
  Json after = d.tasks();
  CHECK(after["tasks"][0]["TaskId"] == ids[4]);
  CHECK(after["tasks"][0]["Revoked"] == false);
}

TEST_CASE("sandbox dedup memory: beyond its cap the oldest MsgRandom is forgotten early") {
  server::SandboxOptions options = roomy();
  options.max_dedup_kept = 3;
  Direct d(options);
  std::vector<std::string> ids;
  for (uint32_t i = 1; i <= 4; ++i) {
    ids.push_back(d.push(i));
    d.advance_s(1);
  }
  // 1 was pushed first and pushed out by 4: a new task. 2..4 are still the same tasks, and the
  // repeats do not make entries of their own.
  CHECK(d.push(3) == ids[2]);
  CHECK(d.push(4) == ids[3]);
  d.advance_s(1);
  CHECK(d.push(1) != ids[0]);
  // That new push of 1 pushed out 2.
  d.advance_s(1);
  CHECK(d.push(2) != ids[1]);
}

TEST_CASE("sandbox over a long run: three windows of pushes at the 1 s limit stay capped") {
  // A 10-minute dedup window (an option; 24 h by default) and 30 minutes of accepted pushes,
  // one a second: each MsgRandom is forgotten on time, the younger ones are kept, and the list
  // never passes its cap.
  server::SandboxOptions options = roomy();
  options.max_tasks_kept = 100;
  options.dedup_window_seconds = 600;
  Direct d(options);
  std::vector<std::string> ids;
  const uint32_t count = 1800;
  for (uint32_t i = 0; i < count; ++i) {
    ids.push_back(d.push(i));
    d.advance_s(1);
    if (i % 100 == 99) CHECK(d.tasks()["total"] == 100);
  }
  // Now is 1800 s after MsgRandom 0: pushes of the last 600 s are the same tasks, older are new.
  CHECK(d.push(count - 1) == ids[count - 1]);
  CHECK(d.push(count - 600 + 1) == ids[count - 600 + 1]);
  CHECK(d.push(count - 600) != ids[count - 600]);
  d.advance_s(1);
  CHECK(d.push(0) != ids[0]);
  CHECK(d.tasks()["total"] == 100);
  Json newest = d.tasks({{"offset", "99"}});
  REQUIRE(newest["tasks"].size() == 1);
  CHECK(newest["tasks"][0]["MsgRandom"] == 0);
}
