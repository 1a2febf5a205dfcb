// Following a push after Send (task-apis.md sections 3-7): the request bodies of
// all_member_push_statistics, all_member_push_loss, all_member_push_trace and revoke, tolerant
// readers of their answers into typed values, the enum tables (EventType, PushPlatform, trace
// stages) and the plain meaning and fix of each loss code, in en and zh. Pure: no I/O, no clock.
//
// Tolerance: a reader never fails on a field it does not know, a field of another type, or a
// number written as a string (ErrCode is a string by the documents; the others may come either
// way from a relay or an older service); such a field is simply absent in the typed value. The
// answer as a whole is judged by read_push_response's rules (its kind and summary), so an HTML
// gateway page or a refusal reads the same here as after a push.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/response.h"
#include "core/words.h"

namespace timpush::core {

// The documented caps (task-apis.md section 2).
constexpr size_t max_report_task_ids = 5;
constexpr int64_t max_statistics_window_s = 30 * 86400;
constexpr int64_t max_loss_window_s = 7 * 86400;

// Request bodies, compact, in the documents' field order.
std::string statistics_body(int64_t start_time, int64_t end_time,
                            const std::vector<std::string>& task_ids);
inline std::string loss_body(int64_t start_time, int64_t end_time,
                             const std::vector<std::string>& task_ids) {
  return statistics_body(start_time, end_time, task_ids);  // the same shape (section 5)
}
std::string trace_body(std::string_view task_id, std::string_view user_id);
// revoke sends "TaskId" (section 1: the spelling differs from the other three).
std::string revoke_body(std::string_view task_id, std::string_view title, std::string_view desc,
                        std::optional<std::string_view> ext = std::nullopt);

// A window and TaskID list the documents allow; the reason otherwise.
std::optional<Words> check_report_window(int64_t start_time, int64_t end_time, size_t task_ids,
                                         bool loss);

// Enum names (section 3); unknown values read "platform 9", "event type 3".
Words platform_name(int64_t push_platform);
Words event_type_name(int64_t event_type);

struct Counters {
  int64_t total = 0, sent = 0, delivered = 0, click = 0;
};
struct PlatformRow {
  std::optional<int64_t> event_type;
  std::optional<int64_t> push_platform;
  Counters counts;
};
struct TaskStatistics {
  std::string task_id;
  Counters counts;
  std::vector<PlatformRow> platforms;
};
struct StatisticsReport {
  PushResponse envelope;  // kind, codes and summary of the answer as a whole
  std::vector<TaskStatistics> results;
};
StatisticsReport read_statistics(int http_status, std::string_view body);

struct LossEntry {
  std::string err_code;  // a string by the documents ("-1", "410"); numbers are read as text
  int64_t count = 0;
  std::string err_info;
  std::optional<int64_t> event_type;     // the Platform lists only
  std::optional<int64_t> push_platform;
};
struct TaskLoss {
  std::string task_id;
  std::vector<LossEntry> ready_to_send;            // ReadyToSendLoss: lost before sending
  std::vector<LossEntry> post_send_delivered;      // PostSendDeliveredLoss: lost after sending
  std::vector<LossEntry> platform_ready_to_send;   // PlatformReadyToSendLoss
  std::vector<LossEntry> platform_post_send;       // PlatformPostSendDeliveredLoss
};
struct LossReport {
  PushResponse envelope;
  std::vector<TaskLoss> results;
};
LossReport read_loss(int http_status, std::string_view body);

// What a loss code means and what to do about it. Codes the table does not know read
// "vendor code X (passed through unchanged)" with the ErrInfo the answer gave.
struct LossExplanation {
  Words meaning;
  Words fix;
  bool known = false;
};
LossExplanation explain_loss(std::string_view err_code, std::string_view err_info = {});

// One stage of a trace: {PushStatus, ErrorCode, ErrorInfo, EventTime}.
struct TraceStage {
  std::optional<int64_t> push_status;  // 1 passed; anything else failed (our reading)
  std::optional<int64_t> error_code;
  std::string error_info;
  std::string event_time;  // as given (a string; a number is shown as its digits)
  bool passed() const { return push_status == 1; }
};
enum class StageKind { im, offline, channel, device, click };
constexpr int stage_count = 5;
Words stage_name(StageKind stage);

struct TraceInstance {
  std::string instance_id, push_time, device_model, system, system_version;
  std::optional<int64_t> event_type, push_platform, notification_status, last_active_terminal;
  std::string token, cert_id, sdk_version, push_version;
  std::optional<TraceStage> stages[stage_count];  // in StageKind order; absent: not reached
  // The first stage that failed, else nothing.
  std::optional<StageKind> failed_stage() const;
};
struct TraceReport {
  PushResponse envelope;
  std::vector<TraceInstance> instances;
};
TraceReport read_trace(int http_status, std::string_view body);

// revoke answers the envelope only; its summary on success says what a revoke does.
PushResponse read_revoke(int http_status, std::string_view body);

}  // namespace timpush::core
