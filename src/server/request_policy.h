// Who may talk to `timpush serve`, and how its answers and log lines are worded: the Host and
// Origin rules, the JSON error body, the log's escaping and the page's Content-Security-Policy.
// Pure string functions of header values, no HTTP library, so each rule is tested directly.
//
// Decisions (not in the product documents):
// - Host must be one of this server's own names with its port: 127.0.0.1, localhost, [::1], the
//   --host address, or a --allow-host entry. Anything else is DNS rebinding or a misrouted
//   request and gets 421. `--allow-host NAME` (no port) accepts NAME with any port or none;
//   `--allow-host NAME:PORT` accepts exactly that.
// - /sandbox and /relay answer only their own page: a request whose Origin is present and is not
//   http(s):// plus the request's own Host, or whose Sec-Fetch-Site is cross-site, gets 403.
//   "Origin: null" (a file:// page, a sandboxed frame) is another origin.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace timpush::server {

// {"Error": en, "ErrorZh": zh}: how the server itself (not the sandbox) explains a refusal.
std::string error_json(std::string_view en, std::string_view zh);

// Printable ASCII (0x20..0x7e) as it is, every other byte as \xNN, and a backslash as \x5c, so
// a log line can neither move the terminal's cursor (ESC, 8-bit CSI 0x9b) nor reorder text
// (bidi controls are UTF-8 bytes >= 0x80) nor fake an escape of its own.
std::string log_escape(std::string_view text);

// The Host values this server answers to, for a bind address, port and --allow-host entries.
class HostPolicy {
public:
  HostPolicy(std::string_view bind_host, int port, const std::vector<std::string>& allowed);
  bool allows(std::string_view host_header) const;

private:
  std::vector<std::string> exact_;      // "name:port" (lower case)
  std::vector<std::string> any_port_;   // "name": with any port, or none
};

// True when a request may reach /sandbox or /relay: no Origin or our own origin, and not marked
// cross-site by the browser. host_header is the request's (already allowed) Host.
bool same_origin_request(std::string_view origin, std::string_view sec_fetch_site,
                         std::string_view host_header);

// The page's CSP. connect-src is 'self' and https:// of each host of core's region table.
const std::string& content_security_policy();

// Checks a --allow-host value: NAME or NAME:PORT, NAME a DNS name or an IPv4 address, or
// [IPv6]. Returns an error message, or an empty string when it is usable.
std::string check_allow_host(std::string_view value);

}  // namespace timpush::server
