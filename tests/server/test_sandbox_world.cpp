// The sandbox's world (src/server/sandbox_world.h) without HTTP: the PRNG and hash against their
// published values, the population made from a seed, the audience of every Condition kind as
// push-api.zh.txt and reference.md section 2 describe it, and the fates of a task.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/json.h"
#include "server/sandbox_world.h"

using namespace timpush;
using namespace timpush::server;

namespace {

bool has(const User& u, const std::string& tag) {
  return std::find(u.tags.begin(), u.tags.end(), tag) != u.tags.end();
}

// The users a predicate selects, by index: the expected audience, written from the documents'
// wording, not from the code under test.
template <typename F>
std::vector<size_t> where(const World& world, F keep) {
  std::vector<size_t> out;
  for (size_t i = 0; i < world.users().size(); ++i) {
    if (keep(world.users()[i])) out.push_back(i);
  }
  return out;
}

std::string attr(const User& u, const std::string& name) {
  auto it = u.attrs.find(name);
  return it == u.attrs.end() ? std::string() : it->second;
}

Json push_with(Json condition) {
  Json body = {{"MsgRandom", 1}, {"OfflinePushInfo", {{"Title", "t"}, {"Desc", "d"}}}};
  if (!condition.is_null()) body["Condition"] = std::move(condition);
  return body;
}

}  // namespace

TEST_CASE("splitmix64 and FNV-1a give their published values") {
  // splitmix64 seeded with 0: the first outputs of Vigna's reference splitmix64.c.
  SplitMix64 rng(0);
  CHECK(rng.next() == 0xe220a8397b1dcdafULL);
  CHECK(rng.next() == 0x6e789e6aa1b965f4ULL);
  CHECK(rng.next() == 0x06c45d188009454fULL);
  // FNV-1a 64 test vectors (http://www.isthe.com/chongo/tech/comp/fnv/): "" and "a".
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  SplitMix64 bounded(7);
  for (int i = 0; i < 1000; ++i) CHECK(bounded.below(3) < 3);
}

TEST_CASE("the same seed makes the same world; another seed another one") {
  World a({2000, 1}), b({2000, 1}), c({2000, 2});
  REQUIRE(a.users().size() == 2000);
  bool differs = false;
  for (size_t i = 0; i < a.users().size(); ++i) {
    const User& x = a.users()[i];
    const User& y = b.users()[i];
    CHECK(x.id == y.id);
    CHECK(x.tags == y.tags);
    CHECK(x.attrs == y.attrs);
    REQUIRE(x.devices.size() == y.devices.size());
    for (size_t d = 0; d < x.devices.size(); ++d) {
      CHECK(x.devices[d].token == y.devices[d].token);
      CHECK(x.devices[d].platform == y.devices[d].platform);
      CHECK(x.devices[d].state == y.devices[d].state);
    }
    differs = differs || x.tags != c.users()[i].tags;
  }
  CHECK(differs);
}

TEST_CASE("the population looks like an app's users") {
  World world({2000, 1});
  CHECK(world.users().front().id == "user1");
  CHECK(world.users().back().id == "user2000");
  CHECK(world.find_user("user17") == &world.users()[16]);
  CHECK(world.find_user("nobody") == nullptr);
  std::set<std::string> vocabulary(World::tag_vocabulary().begin(), World::tag_vocabulary().end());
  CHECK(vocabulary.count("股票A"));  // the product document's examples
  CHECK(vocabulary.count("股票B"));
  std::map<Platform, int> platforms;
  std::map<DeviceState, int> states;
  int online = 0, devices = 0, with_both = 0;
  std::set<std::string> instance_ids;
  for (const User& u : world.users()) {
    CHECK((u.devices.size() == 1 || u.devices.size() == 2));
    CHECK(!attr(u, "会员等级").empty());
    for (const auto& tag : u.tags) CHECK(vocabulary.count(tag));
    with_both += has(u, "股票A") && has(u, "股票B");
    for (const Device& d : u.devices) {
      ++devices;
      ++platforms[d.platform];
      ++states[d.state];
      online += d.online;
      instance_ids.insert(d.instance_id);
      CHECK(d.token.empty() == (d.state == DeviceState::no_token));
      CHECK((d.cert_id == 0) == (d.state == DeviceState::no_certificate));
    }
  }
  CHECK(instance_ids.size() == static_cast<size_t>(devices));
  CHECK(platforms.size() == 8);  // every vendor of task-apis.md section 3
  CHECK(states.size() == 6);     // every failing state appears
  CHECK(platforms[Platform::huawei] > platforms[Platform::meizu]);
  CHECK(online > devices / 20);
  CHECK(online < devices / 3);
  CHECK(with_both > 0);
}

TEST_CASE("the audience of each Condition kind") {
  World world({2000, 1});
  auto all = where(world, [](const User&) { return true; });
  // "如果没有 Condition,则推送给全部用户" (push-api.zh.txt).
  CHECK(world.audience(push_with(nullptr), false) == all);
  CHECK(world.audience(push_with(Json::object()), false) == all);
  // TagsAnd: 标签条件的交集; TagsOr: 标签条件的并集.
  auto both = world.audience(push_with({{"TagsAnd", {"股票A", "股票B"}}}), false);
  CHECK(both == where(world, [](const User& u) { return has(u, "股票A") && has(u, "股票B"); }));
  CHECK(!both.empty());
  auto either = world.audience(push_with({{"TagsOr", {"股票A", "股票B"}}}), false);
  CHECK(either == where(world, [](const User& u) { return has(u, "股票A") || has(u, "股票B"); }));
  CHECK(either.size() > both.size());
  // TagsNot: "(A or B) and not (C or D)".
  auto not_c = world.audience(push_with({{"TagsOr", {"股票A", "股票B"}}, {"TagsNot", {"基金"}}}), false);
  CHECK(not_c == where(world, [](const User& u) {
          return (has(u, "股票A") || has(u, "股票B")) && !has(u, "基金");
        }));
  auto only_not = world.audience(push_with({{"TagsNot", {"新用户"}}}), false);
  CHECK(only_not == where(world, [](const User& u) { return !has(u, "新用户"); }));
  // AttrsAnd: 属性条件的交集 (the product document's 深圳 超白金会员 example); AttrsOr: 并集.
  auto rich = world.audience(push_with({{"AttrsAnd", {{"会员等级", "超白金会员"}, {"city", "深圳"}}}}), false);
  CHECK(rich == where(world, [](const User& u) {
          return attr(u, "会员等级") == "超白金会员" && attr(u, "city") == "深圳";
        }));
  auto any = world.audience(push_with({{"AttrsOr", {{"会员等级", "超白金会员"}, {"city", "深圳"}}}}), false);
  CHECK(any == where(world, [](const User& u) {
          return attr(u, "会员等级") == "超白金会员" || attr(u, "city") == "深圳";
        }));
  CHECK(any.size() > rich.size());
  CHECK(world.audience(push_with({{"AttrsAnd", {{"unknown", "x"}}}}), false).empty());
  // A batch reaches its accounts that are users, each once.
  Json batch = {{"To_Account", {"user3", "user1", "nobody", "user3"}}};
  CHECK(world.audience(batch, true) == std::vector<size_t>{0, 2});
  CHECK(world.audience(Json::array(), false).empty());
}

TEST_CASE("a task's fates are the same each time and settle within a minute") {
  World world({2000, 1});
  Json body = push_with(nullptr);
  TaskFacts facts{"660cc447_x", 1767225600, &body, std::nullopt};
  int offline = 0, lost_before = 0, lost_after = 0, delivered = 0, clicked = 0, online = 0;
  std::set<std::string> codes;
  for (const User& u : world.users()) {
    for (size_t d = 0; d < u.devices.size(); ++d) {
      auto fate = fate_of(world, facts, u, d);
      REQUIRE(fate);
      auto again = fate_of(world, facts, u, d);
      CHECK(again->delivered_ms == fate->delivered_ms);
      CHECK(again->loss_code == fate->loss_code);
      if (fate->event_type == 2) {
        ++online;
        CHECK(fate->platform == Platform::none);
        CHECK_FALSE(fate->clicked_ms);
      } else {
        ++offline;
      }
      CHECK((fate->delivered_ms.has_value() != !fate->loss_code.empty()));
      if (fate->delivered_ms) {
        ++delivered;
        CHECK(*fate->delivered_ms <= kSettleMs);
      }
      if (fate->clicked_ms) {
        ++clicked;
        CHECK(*fate->clicked_ms > *fate->delivered_ms);
        CHECK(*fate->clicked_ms <= kSettleMs);
        CHECK(u.devices[d].state != DeviceState::notifications_off);
      }
      if (!fate->loss_code.empty()) {
        codes.insert(fate->loss_code);
        (fate->loss_before_send ? lost_before : lost_after)++;
        CHECK(fate->loss_before_send == !fate->sent_ms.has_value());
      }
    }
  }
  CHECK(online > 0);
  CHECK(clicked > 0);
  CHECK(clicked < delivered / 5);
  // No Condition, no categories, at 08:00 in UTC+8: certificate, token, 410, regid and the caps.
  for (const char* code : {"-1", "-2", "1", "410", "-3"}) {
    CAPTURE(code);
    CHECK(codes.count(code));
  }
  CHECK_FALSE(codes.count("-4"));  // vivo's night window is not open at 08:00
}

TEST_CASE("vendor rules: vivo's night window, categories that lift caps, PushFlag 1") {
  World world({2000, 1});
  auto count_code = [&](const Json& body, int64_t time_s, const std::string& code) {
    TaskFacts facts{"t", time_s, &body, std::nullopt};
    int n = 0;
    for (const User& u : world.users()) {
      for (size_t d = 0; d < u.devices.size(); ++d) {
        auto fate = fate_of(world, facts, u, d);
        n += fate && fate->loss_code == code;
      }
    }
    return n;
  };
  Json marketing = push_with(nullptr);
  marketing["OfflinePushInfo"]["AndroidInfo"] = {{"VIVOCategory", "MARKETING"}};
  const int64_t night = 1767225600 - 3 * 3600;  // 2025-12-31 21:00 UTC = 05:00 UTC+8
  const int64_t day = 1767225600;               // 08:00 UTC+8
  CHECK(count_code(marketing, night, "-4") > 0);
  CHECK(count_code(marketing, day, "-4") == 0);
  Json service = push_with(nullptr);
  service["OfflinePushInfo"]["AndroidInfo"] = {{"HuaWeiCategory", "IM"}, {"XiaoMiChannelID", "c"},
                                               {"HonorImportance", "NORMAL"}};
  CHECK(count_code(push_with(nullptr), day, "-3") > count_code(service, day, "-3"));
  CHECK(count_code(service, day, "-3") == 0);
  Json online_only = push_with(nullptr);
  online_only["OfflinePushInfo"]["PushFlag"] = 1;
  TaskFacts facts{"t", day, &online_only, std::nullopt};
  for (const User& u : world.users()) {
    for (size_t d = 0; d < u.devices.size(); ++d) {
      auto fate = fate_of(world, facts, u, d);
      CHECK(fate.has_value() == u.devices[d].online);
    }
  }
}

TEST_CASE("a revoke stops what was not delivered yet") {
  World world({2000, 1});
  Json body = push_with(nullptr);
  TaskFacts kept{"t", 1767225600, &body, std::nullopt};
  TaskFacts revoked = kept;
  revoked.revoked_after_ms = 10000;
  int stopped = 0;
  for (const User& u : world.users()) {
    for (size_t d = 0; d < u.devices.size(); ++d) {
      auto before = fate_of(world, kept, u, d);
      auto after = fate_of(world, revoked, u, d);
      if (before->delivered_ms && *before->delivered_ms <= 10000) {
        CHECK(after->delivered_ms == before->delivered_ms);
      } else if (before->delivered_ms) {
        CHECK(after->loss_code == "-5");
        CHECK_FALSE(after->delivered_ms);
        ++stopped;
      }
    }
  }
  CHECK(stopped > 0);
}
