// The task view's refresh policy and the send-time facts of a task (follow_refresh.h).
#include "core/follow_refresh.h"

#include <algorithm>
#include <string>

#include "core/text_util.h"

namespace timpush::core {

void restart_refresh(RefreshState& state, std::optional<int64_t> age_s, const RefreshPolicy& policy) {
  const int64_t last_ask = state.last_ask_ms;  // the 1/s limit outlives a run
  state = RefreshState{};
  state.last_ask_ms = last_ask;
  state.once = age_s && *age_s > policy.young_for_s;
}

void note_ask(RefreshState& state, int64_t now_ms) {
  if (state.started_ms < 0) state.started_ms = now_ms;
  state.last_ask_ms = now_ms;
  state.waiting = true;
}

void note_answer(RefreshState& state, std::optional<uint64_t> digest, int64_t now_ms,
                 const RefreshPolicy& policy) {
  state.waiting = false;
  if (!digest) {
    if (++state.failures >= policy.max_failures) state.stop = RefreshStop::failed;
    return;
  }
  state.failures = 0;
  if (state.last_digest == digest) state.stop = RefreshStop::settled;
  state.last_digest = digest;
  if (state.stop != RefreshStop::none) return;
  if (state.once) state.stop = RefreshStop::old;
  else if (state.started_ms >= 0 && now_ms - state.started_ms >= policy.give_up_after_ms)
    state.stop = RefreshStop::gave_up;
}

void note_throttled(RefreshState& state) { state.waiting = false; }

std::optional<int64_t> next_auto_ask_ms(const RefreshState& state, const RefreshPolicy& policy) {
  if (state.stop != RefreshStop::none || state.waiting) return std::nullopt;
  if (state.started_ms < 0) return earliest_ask_ms(state, 0, policy);  // a new run asks at once
  return std::max(state.last_ask_ms + policy.interval_ms, earliest_ask_ms(state, 0, policy));
}

int64_t earliest_ask_ms(const RefreshState& state, int64_t now_ms, const RefreshPolicy& policy) {
  if (state.last_ask_ms < 0) return now_ms;
  return std::max(now_ms, state.last_ask_ms + policy.min_gap_ms);
}

uint64_t report_digest(const StatisticsReport& statistics, const LossReport& loss) {
  std::string text;
  auto add = [&text](int64_t value) { text += std::to_string(value) + ','; };
  auto counters = [&add](const Counters& c) {
    add(c.total);
    add(c.sent);
    add(c.delivered);
    add(c.click);
  };
  for (const TaskStatistics& task : statistics.results) {
    text += task.task_id + ':';
    counters(task.counts);
    for (const PlatformRow& row : task.platforms) {
      add(row.event_type.value_or(-1));
      add(row.push_platform.value_or(-1));
      counters(row.counts);
    }
  }
  for (const TaskLoss& task : loss.results) {
    text += task.task_id + ';';
    for (const auto* list : {&task.ready_to_send, &task.post_send_delivered, &task.platform_ready_to_send,
                             &task.platform_post_send}) {
      for (const LossEntry& e : *list) {
        text += e.err_code + '=';
        add(e.count);
        add(e.push_platform.value_or(-1));
      }
      text += '|';
    }
  }
  return fnv1a64(text);
}

std::optional<int64_t> task_id_time(std::string_view task_id) {
  const std::string_view field = task_id.substr(0, task_id.find('_'));
  if (field.empty() || field.size() > 8 || field.size() == task_id.size()) return std::nullopt;
  int64_t value = 0;
  for (char c : field) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (digit < 0) return std::nullopt;
    value = value * 16 + digit;
  }
  constexpr int64_t from = 1420070400;  // 2015-01-01, before the push API
  constexpr int64_t until = 4102444800;  // 2100-01-01
  if (value < from || value >= until) return std::nullopt;
  return value;
}

int64_t revoke_seconds_left(int64_t sent_unix, int64_t now_unix) {
  return std::max<int64_t>(0, sent_unix + revoke_window_s - now_unix);
}

}  // namespace timpush::core
