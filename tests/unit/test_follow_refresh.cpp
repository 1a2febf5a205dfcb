// The task view's refresh policy (core/follow_refresh.h) driven by a clock the test moves, and
// the send time and revoke window read off a TaskId.
#include <doctest/doctest.h>

#include "core/follow_refresh.h"

using namespace timpush::core;

namespace {

// A clock in milliseconds the test moves by hand.
struct Clock {
  int64_t ms = 10'000;
  void pass(int64_t d) { ms += d; }
};

StatisticsReport stats_with(int64_t delivered) {
  StatisticsReport r;
  TaskStatistics t;
  t.task_id = "t1";
  t.counts = {100, 90, delivered, 1};
  r.results.push_back(t);
  return r;
}

}  // namespace

TEST_CASE("a young task is asked at once, then every few seconds, never twice within a second") {
  RefreshPolicy policy;
  RefreshState st;
  Clock clock;
  restart_refresh(st, 5, policy);
  REQUIRE(next_auto_ask_ms(st, policy));
  CHECK(*next_auto_ask_ms(st, policy) <= clock.ms);  // due now
  note_ask(st, clock.ms);
  CHECK_FALSE(next_auto_ask_ms(st, policy));  // waiting for the answer: no timer
  clock.pass(200);
  note_answer(st, 1, clock.ms, policy);
  REQUIRE(next_auto_ask_ms(st, policy));
  const int64_t next = *next_auto_ask_ms(st, policy);
  CHECK(next > clock.ms);
  CHECK(next - (clock.ms - 200) >= 1000);  // task-apis.md section 2: 1 call a second
  // A Refresh pressed right after an ask waits for the 1/s limit.
  CHECK(earliest_ask_ms(st, clock.ms, policy) >= clock.ms - 200 + 1000);
  CHECK(earliest_ask_ms(st, clock.ms + 5000, policy) == clock.ms + 5000);
}

TEST_CASE("two equal answers in a row stop the asking; different ones keep it going") {
  RefreshState st;
  Clock clock;
  restart_refresh(st, 0);
  const uint64_t grows[] = {report_digest(stats_with(10), {}), report_digest(stats_with(20), {}),
                            report_digest(stats_with(30), {})};
  for (uint64_t d : grows) {
    note_ask(st, clock.ms);
    clock.pass(100);
    note_answer(st, d, clock.ms);
    CHECK(st.stop == RefreshStop::none);
    clock.ms = *next_auto_ask_ms(st);
  }
  note_ask(st, clock.ms);
  note_answer(st, report_digest(stats_with(30), {}), clock.ms);
  CHECK(st.stop == RefreshStop::settled);
  CHECK_FALSE(next_auto_ask_ms(st));
  // Refresh starts a new run, still within the 1/s limit of the last ask.
  restart_refresh(st, 0);
  REQUIRE(next_auto_ask_ms(st));
  CHECK(*next_auto_ask_ms(st) >= clock.ms + 1000);
}

TEST_CASE("the asking gives up after some minutes, and after failures in a row") {
  RefreshState st;
  Clock clock;
  restart_refresh(st, 0);
  uint64_t n = 0;
  while (st.stop == RefreshStop::none && clock.ms < 10'000 + 20 * 60 * 1000) {
    note_ask(st, clock.ms);
    note_answer(st, ++n, clock.ms);
    clock.ms = next_auto_ask_ms(st).value_or(clock.ms + 1);
  }
  CHECK(st.stop == RefreshStop::gave_up);
  CHECK(clock.ms - 10'000 <= 6 * 60 * 1000);  // "a few minutes"

  restart_refresh(st, 0);
  for (int i = 0; i < 3; ++i) {
    CHECK(st.stop == RefreshStop::none);
    note_ask(st, clock.ms);
    note_answer(st, std::nullopt, clock.ms);
    clock.pass(5000);
  }
  CHECK(st.stop == RefreshStop::failed);
}

TEST_CASE("answers of 60018 (asked too often) are no failures: the asking goes on at its interval") {
  RefreshState st;
  Clock clock;
  restart_refresh(st, 0);
  for (int i = 0; i < 5; ++i) {
    note_ask(st, clock.ms);
    note_throttled(st);
    CHECK(st.stop == RefreshStop::none);
    auto next = next_auto_ask_ms(st);
    REQUIRE(next);
    CHECK(*next >= clock.ms + 1100);  // never sooner than the 1/s limit allows
    clock.ms = *next;
  }
  note_ask(st, clock.ms);
  note_answer(st, 7, clock.ms);
  CHECK(st.stop == RefreshStop::none);
  CHECK(st.failures == 0);
}

TEST_CASE("an old task is asked once") {
  RefreshState st;
  restart_refresh(st, 3 * 3600);
  REQUIRE(next_auto_ask_ms(st));
  note_ask(st, 1000);
  note_answer(st, 7, 1200);
  CHECK(st.stop == RefreshStop::old);
  CHECK_FALSE(next_auto_ask_ms(st));
}

TEST_CASE("the digest follows the numbers, not their order of arrival alone") {
  LossReport loss;
  TaskLoss t;
  t.task_id = "t1";
  t.platform_ready_to_send.push_back({"-2", 5, "", 1, 3});
  loss.results.push_back(t);
  const uint64_t a = report_digest(stats_with(10), loss);
  CHECK(a == report_digest(stats_with(10), loss));
  CHECK(a != report_digest(stats_with(11), loss));
  loss.results[0].platform_ready_to_send[0].count = 6;
  CHECK(a != report_digest(stats_with(10), loss));
}

TEST_CASE("a TaskId's first field is its send time; revoke's window is 24 h from it") {
  // The product document's example TaskId; 0x667015d4 = 1718621652 (2024-06-17 10:54:12 UTC,
  // worked out by hand: python3 -c "print(0x667015d4)").
  CHECK(task_id_time("667015d4_537529d8_2000005e80aa873_d03ac87_56f5e750") == 1718621652);
  // task-apis.md section 1's example: 0x660cc447 = 1712112711 (2024-04-03).
  CHECK(task_id_time("660cc447_537ed82a_200000cd7ee17f5_84035729_bc614e") == 1712112711);
  CHECK_FALSE(task_id_time("batch_1234"));           // test sends: no time field
  CHECK_FALSE(task_id_time("xxx-yyy-zzz"));          // no fields at all
  CHECK_FALSE(task_id_time("00000001_aa"));          // 1970: not a push's time
  CHECK_FALSE(task_id_time("667015D4X_aa"));         // not hex
  CHECK(revoke_seconds_left(1000, 1000) == 86400);
  CHECK(revoke_seconds_left(1000, 1000 + 86399) == 1);
  CHECK(revoke_seconds_left(1000, 1000 + 86400) == 0);
  CHECK(revoke_seconds_left(1000, 1000 + 90000) == 0);
}
