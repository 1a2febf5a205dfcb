// The relay: POST /relay/<host>/v4/<path>?<query> is forwarded to https://<host>/v4/<path>?<query>
// for the region hosts of reference.md section 1 and nothing else, so the page can reach the
// service even though it sends no CORS headers. Never an open proxy; never logs queries or bodies.
#pragma once

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
  int read_timeout_seconds = 20;
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
// {"RelayError","RelayErrorZh","Host"} when no answer came.
RelayReply relay_post(const RelayTarget& target, std::string_view body,
                      std::string_view content_type, const RelayOptions& options = {});

// The JSON body of a relay failure or refusal.
std::string relay_error_body(std::string_view en, std::string_view zh, std::string_view host);

}  // namespace timpush::server
