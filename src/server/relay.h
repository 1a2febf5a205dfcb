// The relay: POST /relay/<host>/v4/timpush/<api>?<query> is forwarded to
// https://<host>/v4/timpush/<api>?<query> for the region hosts of reference.md section 1 (and
// Riyadh's main host, task-apis.md section 1: core::regions() is the one table) and nothing else, so the page can reach the service even though it sends no CORS headers. Only the
// push APIs (v4/timpush/...) this tool sends: the relay does not carry the rest of the REST API
// (accounts, groups, messages), which the admin's UserSig would otherwise open to any page that
// can reach the relay. Never an open proxy; never logs queries or bodies. Each exchange is
// bounded: the answer at max_answer_bytes (1 MiB; larger is a 502, never buffered further) and
// the whole exchange at deadline_seconds (15 s), however slowly the upstream trickles.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace timpush::server {

struct RelayTarget {
  std::string host;            // a known region host, lower case
  std::string path_and_query;  // "/v4/...?..." exactly as the client sent it
};

struct RelayRefusal {
  std::string reason_en;
  std::string reason_zh;
  std::string host;  // as requested (may be empty)
};

// raw_target: the request target as received, e.g. "/relay/console.tim.qq.com/v4/timpush/push?usersig=...".
std::variant<RelayTarget, RelayRefusal> parse_relay_target(std::string_view raw_target);

struct RelayOptions {
  int port = 443;
  int resolve_timeout_seconds = 5;
  int connect_timeout_seconds = 5;
  int read_timeout_seconds = 20;  // one read; the deadline below bounds them all together
  int deadline_seconds = 15;      // the whole exchange, from connecting to the last byte
  size_t max_answer_bytes = 1u << 20;
  // For tests: connect here instead of the looked-up address, and trust this CA file instead
  // of the system's store. The host name still goes in SNI, Host and the certificate check.
  std::string address_override;
  std::string ca_file;
};

struct RelayReply {
  int status = 502;
  std::string content_type = "application/json";
  std::string body;
};

// The service's answer, status and body verbatim; or 502 with
// {"RelayError","RelayErrorZh","Host"} when no answer came, it was larger than
// max_answer_bytes, or it did not end within deadline_seconds.
RelayReply relay_post(const RelayTarget& target, std::string_view body,
                      std::string_view content_type, const RelayOptions& options = {});

// The JSON body of a relay failure or refusal.
std::string relay_error_body(std::string_view en, std::string_view zh, std::string_view host);

}  // namespace timpush::server
