// Request bodies and tolerant readers of the follow-up APIs (task_report.h).
#include "core/task_report.h"

#include "core/answer_read.h"
#include "core/json.h"

namespace timpush::core {

namespace {

using namespace answer_read;

Counters counters_of(const Json& item) {
  Counters c;
  c.total = loose_int(item, "TotalCount").value_or(0);
  c.sent = loose_int(item, "SentCount").value_or(0);
  c.delivered = loose_int(item, "DeliveredCount").value_or(0);
  c.click = loose_int(item, "ClickCount").value_or(0);
  return c;
}

std::vector<LossEntry> losses_of(const Json& result, const char* key) {
  std::vector<LossEntry> out;
  for (const auto& item : array_of(result, key)) {
    if (!item.is_object()) continue;
    LossEntry e;
    e.err_code = loose_text(item, "ErrCode");
    e.count = loose_int(item, "ErrCount").value_or(0);
    e.err_info = loose_text(item, "ErrInfo");
    e.event_type = loose_int(item, "EventType");
    e.push_platform = loose_int(item, "PushPlatform");
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<TraceStage> stage_of(const Json& parent, const char* key) {
  const Json* value = find_member(parent, key);
  if (!value || !value->is_object()) return std::nullopt;
  TraceStage s;
  s.push_status = loose_int(*value, "PushStatus");
  s.error_code = loose_int(*value, "ErrorCode");
  s.error_info = loose_text(*value, "ErrorInfo");
  s.event_time = loose_text(*value, "EventTime");
  return s;
}

}  // namespace

std::string statistics_body(int64_t start_time, int64_t end_time,
                            const std::vector<std::string>& task_ids) {
  Json doc = Json::object();
  doc["StartTime"] = start_time;
  doc["EndTime"] = end_time;
  doc["TaskID"] = task_ids;
  return dump(doc);
}

std::string trace_body(std::string_view task_id, std::string_view user_id) {
  Json doc = Json::object();
  doc["TaskID"] = std::string(task_id);
  doc["UserID"] = std::string(user_id);
  return dump(doc);
}

std::string revoke_body(std::string_view task_id, std::string_view title, std::string_view desc,
                        std::optional<std::string_view> ext) {
  Json info = Json::object();
  info["Title"] = std::string(title);
  info["Desc"] = std::string(desc);
  if (ext) info["Ext"] = std::string(*ext);
  Json doc = Json::object();
  doc["TaskId"] = std::string(task_id);
  doc["OfflinePushInfo"] = std::move(info);
  return dump(doc);
}

std::optional<Words> check_report_window(int64_t start_time, int64_t end_time, size_t task_ids,
                                         bool loss) {
  if (end_time < start_time) {
    return Words{"EndTime is before StartTime.", "EndTime 早于 StartTime。"};
  }
  if (end_time - start_time > (loss ? max_loss_window_s : max_statistics_window_s)) {
    return loss ? Words{"The loss window may be at most 7 days.", "丢失原因的查询范围最多 7 天。"}
                : Words{"The statistics window may be at most 30 days.",
                        "统计数据的查询范围最多 30 天。"};
  }
  if (task_ids > max_report_task_ids) {
    return Words{"At most 5 TaskIds a query.", "一次最多查询 5 个 TaskId。"};
  }
  return std::nullopt;
}

StatisticsReport read_statistics(int http_status, std::string_view body) {
  Read r = read_answer(http_status, body,
                       {"The statistics came back.", "已取得统计数据。"});
  StatisticsReport report{std::move(r.envelope), {}};
  for (const auto& item : array_of(r.doc, "Results")) {
    if (!item.is_object()) continue;
    TaskStatistics t;
    t.task_id = loose_text(item, "TaskID");
    t.counts = counters_of(item);
    for (const auto& row : array_of(item, "PlatformStatistics")) {
      if (!row.is_object()) continue;
      t.platforms.push_back(
          {loose_int(row, "EventType"), loose_int(row, "PushPlatform"), counters_of(row)});
    }
    report.results.push_back(std::move(t));
  }
  return report;
}

LossReport read_loss(int http_status, std::string_view body) {
  Read r = read_answer(http_status, body, {"The loss reasons came back.", "已取得丢失原因。"});
  LossReport report{std::move(r.envelope), {}};
  for (const auto& item : array_of(r.doc, "Results")) {
    if (!item.is_object()) continue;
    TaskLoss t;
    t.task_id = loose_text(item, "TaskID");
    t.ready_to_send = losses_of(item, "ReadyToSendLoss");
    t.post_send_delivered = losses_of(item, "PostSendDeliveredLoss");
    t.platform_ready_to_send = losses_of(item, "PlatformReadyToSendLoss");
    t.platform_post_send = losses_of(item, "PlatformPostSendDeliveredLoss");
    report.results.push_back(std::move(t));
  }
  return report;
}

std::optional<StageKind> TraceInstance::failed_stage() const {
  for (int i = 0; i < stage_count; ++i) {
    if (stages[i] && !stages[i]->passed()) return static_cast<StageKind>(i);
  }
  return std::nullopt;
}

PushResponse read_revoke(int http_status, std::string_view body) {
  return read_answer(http_status, body,
                     {"Revoked: devices not reached yet will not get the push.",
                      "已撤回:尚未送达的设备不会再收到这条推送。"})
      .envelope;
}

TraceReport read_trace(int http_status, std::string_view body) {
  Read r = read_answer(http_status, body, {"The trace came back.", "已取得推送链路。"});
  TraceReport report{std::move(r.envelope), {}};
  for (const auto& item : array_of(r.doc, "InstanceTrace")) {
    if (!item.is_object()) continue;
    TraceInstance t;
    t.instance_id = loose_text(item, "InstanceId");
    t.push_time = loose_text(item, "PushTime");
    t.device_model = loose_text(item, "DeviceModel");
    t.system = loose_text(item, "System");
    t.system_version = loose_text(item, "SystemVersion");
    t.event_type = loose_int(item, "EventType");
    t.push_platform = loose_int(item, "PushPlatform");
    t.notification_status = loose_int(item, "NotificationStatus");
    t.last_active_terminal = loose_int(item, "last_active_terminal");
    t.token = loose_text(item, "Token");
    t.cert_id = loose_text(item, "CertId");
    t.sdk_version = loose_text(item, "SdkVersion");
    t.push_version = loose_text(item, "PushVersion");
    static const Json none = Json::object();
    const Json* im = find_member(item, "IMCommitStat");
    const Json* offline = find_member(item, "OfflinePushStat");
    t.stages[0] = stage_of(im ? *im : none, "IMStat");
    const char* keys[] = {"OfflineStat", "ChannelStat", "DeviceStat", "ClickStat"};
    for (int i = 0; i < 4; ++i) t.stages[i + 1] = stage_of(offline ? *offline : none, keys[i]);
    report.instances.push_back(std::move(t));
  }
  return report;
}

}  // namespace timpush::core
