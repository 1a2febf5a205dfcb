// Reads what came back from a push (reference.md section 1): the service's JSON answer
// (ActionStatus, ErrorCode, ErrorInfo, TaskId, RequestId), or anything else a gateway, relay or
// network may hand back instead. Pure: no I/O, no clock; the caller supplies status and body.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/words.h"

namespace timpush::core {

enum class ResponseKind {
  ok,           // ActionStatus OK (ErrorCode 0)
  fail,         // ActionStatus FAIL or a non-zero ErrorCode: the service refused the request
  no_answer,    // HTTP status 0: the request never got an HTTP answer (network, CORS, timeout)
  empty,        // an HTTP answer with an empty body
  html,         // an HTML page, typically a gateway's 502/504 page
  not_json,     // some other text that is not JSON
  relay_error,  // JSON from our relay or sandbox saying why it could not forward
  unexpected,   // JSON, but not the service's answer shape
};

struct PushResponse {
  ResponseKind kind = ResponseKind::unexpected;
  int http_status = 0;
  std::optional<std::string> action_status;  // ActionStatus
  std::optional<int64_t> error_code;         // ErrorCode
  std::optional<std::string> error_info;     // ErrorInfo
  std::optional<std::string> task_id;        // TaskId
  std::optional<std::string> request_id;     // RequestId (newer services)
  std::string relay_message;                 // the relay's reason, for relay_error
  std::string html_title;                    // <title> of an HTML page, when there is one
  Words summary;                             // one plain sentence for people
  bool ok() const { return kind == ResponseKind::ok; }
};

// status: the HTTP status (0 when there was no HTTP answer); body: the bytes received.
PushResponse read_push_response(int http_status, std::string_view body);

}  // namespace timpush::core
