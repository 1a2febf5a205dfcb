// When the task view asks for a push's numbers again, and when it stops (task-apis.md section 2:
// statistics and loss allow 1 call a second each), plus the two facts about a task the view reads
// off what it has: when the push was sent and how much of revoke's 24 h window is left.
// Pure: the clock is passed in (milliseconds of a monotonic clock, Unix seconds for wall time).
//
// Decisions (the documents are silent):
// - A task counts as young for 15 minutes after it was sent (the sandbox's numbers settle within
//   one; the service's console shows them growing for some minutes). A task whose send time is
//   unknown is treated as young, so it is asked a few times and the equal answers stop it.
// - While young, the view asks every 3 s; never sooner than 1.1 s after the last ask (1/s, with
//   a margin for the two clocks), whether asked by the timer or the Refresh button.
// - It stops when two answers in a row are equal, after 5 minutes of asking, or after 3 failed
//   answers in a row. Refresh always asks (at the 1/s limit) and starts the asking anew.
// - An answer of 60018 (asked too often: another tab or the CLI shares the 1/s limit) is no
//   failure: the next ask simply waits its interval.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/task_report.h"

namespace timpush::core {

struct RefreshPolicy {
  int64_t interval_ms = 3000;
  int64_t min_gap_ms = 1100;
  int64_t give_up_after_ms = 5 * 60 * 1000;
  int64_t young_for_s = 15 * 60;
  int max_failures = 3;
};

enum class RefreshStop { none, settled, gave_up, failed, old };

struct RefreshState {
  int64_t started_ms = -1;   // the first ask of this run; -1 before any
  int64_t last_ask_ms = -1;
  bool waiting = false;      // an ask is out, its answer not yet in
  std::optional<uint64_t> last_digest;
  int failures = 0;          // failed answers in a row
  bool once = false;         // an old task: one answer, then stop
  RefreshStop stop = RefreshStop::none;
};

// Starts a new run (a task added, Refresh pressed, a revoke done). `age_s` is how long ago the
// youngest task was sent, when known: a task older than young_for_s is asked once, not followed.
void restart_refresh(RefreshState& state, std::optional<int64_t> age_s, const RefreshPolicy& policy = {});
// An ask went out at now_ms.
void note_ask(RefreshState& state, int64_t now_ms);
// Its answer came in: `digest` of the numbers when it was read, nothing when it failed.
void note_answer(RefreshState& state, std::optional<uint64_t> digest, int64_t now_ms,
                 const RefreshPolicy& policy = {});
// Its answer was 60018, asked too often: neither numbers nor a failure.
void note_throttled(RefreshState& state);
// When the timer should ask next (a time on the same clock), or nothing: stopped or waiting.
std::optional<int64_t> next_auto_ask_ms(const RefreshState& state, const RefreshPolicy& policy = {});
// The earliest time any ask may go (the 1/s limit): now or later.
int64_t earliest_ask_ms(const RefreshState& state, int64_t now_ms, const RefreshPolicy& policy = {});

// What two answers are compared by: the counters of every task and platform and every loss entry,
// not the bytes (a RequestId or field order would make equal numbers differ).
uint64_t report_digest(const StatisticsReport& statistics, const LossReport& loss);

// The send time a push TaskId carries in its first field (hex Unix seconds, as in the documents'
// example "667015d4_..." = 2024-06-17); nothing when the first field is not such a time (2015 to
// 2100). Our reading of the example, not a documented format: the caller says so when it shows it.
std::optional<int64_t> task_id_time(std::string_view task_id);

// Seconds left of revoke's 24 h window for a push sent at sent_unix; 0 once it has closed.
constexpr int64_t revoke_window_s = 24 * 3600;
int64_t revoke_seconds_left(int64_t sent_unix, int64_t now_unix);

}  // namespace timpush::core
