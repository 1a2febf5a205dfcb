#include "server/request_policy.h"

#include "core/endpoints.h"
#include "core/json.h"
#include "core/text_util.h"

namespace timpush::server {

namespace {

std::string bracketed(std::string_view host) {
  if (host.find(':') != std::string_view::npos && host.front() != '[') {
    return "[" + std::string(host) + "]";
  }
  return std::string(host);
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-';
}

// Splits "name:port" / "[v6]:port" / "name" into name and port ("" when absent).
std::pair<std::string_view, std::string_view> split_port(std::string_view value) {
  size_t colon = std::string_view::npos;
  if (!value.empty() && value.front() == '[') {
    auto close = value.find(']');
    if (close == std::string_view::npos) return {value, {}};
    if (close + 1 < value.size() && value[close + 1] == ':') colon = close + 1;
  } else {
    colon = value.rfind(':');
  }
  if (colon == std::string_view::npos) return {value, {}};
  return {value.substr(0, colon), value.substr(colon + 1)};
}

}  // namespace

std::string error_json(std::string_view en, std::string_view zh) {
  Json doc = Json::object();
  doc["Error"] = std::string(en);
  doc["ErrorZh"] = std::string(zh);
  return doc.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

std::string log_escape(std::string_view text) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += ch;
    } else {
      out += "\\x";
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

HostPolicy::HostPolicy(std::string_view bind_host, int port,
                       const std::vector<std::string>& allowed) {
  std::string suffix = ":" + std::to_string(port);
  for (std::string_view name : {std::string_view("127.0.0.1"), std::string_view("localhost"),
                                std::string_view("[::1]"), bind_host}) {
    std::string host = core::ascii_lower(bracketed(name));
    exact_.push_back(host + suffix);
    // A browser leaves out the scheme's default port.
    if (port == 80) exact_.push_back(host);
  }
  for (const auto& entry : allowed) {
    auto [name, entry_port] = split_port(entry);
    if (entry_port.empty()) {
      any_port_.push_back(core::ascii_lower(name));
    } else {
      exact_.push_back(core::ascii_lower(entry));
    }
  }
}

bool HostPolicy::allows(std::string_view host_header) const {
  std::string host = core::ascii_lower(host_header);
  for (const auto& e : exact_) {
    if (host == e) return true;
  }
  auto [name, port] = split_port(host);
  for (char c : port) {
    if (c < '0' || c > '9') return false;
  }
  for (const auto& e : any_port_) {
    if (name == e) return true;
  }
  return false;
}

bool same_origin_request(std::string_view origin, std::string_view sec_fetch_site,
                         std::string_view host_header) {
  if (core::ascii_lower(sec_fetch_site) == "cross-site") return false;
  if (origin.empty()) return true;
  std::string o = core::ascii_lower(origin);
  std::string host = core::ascii_lower(host_header);
  return o == "http://" + host || o == "https://" + host;
}

const std::string& content_security_policy() {
  static const std::string policy = [] {
    std::string connect = "connect-src 'self'";
    for (const auto& region : core::regions()) {
      for (std::string_view host : {region.host, region.backup_host}) {
        if (!host.empty()) connect += " https://" + std::string(host);
      }
    }
    return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
           "img-src 'self' data: blob:; font-src 'self'; " +
           connect + "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
  }();
  return policy;
}

std::string check_allow_host(std::string_view value) {
  auto [name, port] = split_port(value);
  if (name.empty()) return "--allow-host needs a name: NAME or NAME:PORT";
  if (name.front() == '[') {
    if (name.back() != ']' || name.size() < 3) return "--allow-host: unclosed [IPv6] address";
    for (char c : name.substr(1, name.size() - 2)) {
      bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') return "--allow-host: not an IPv6 address in []";
    }
  } else {
    for (char c : name) {
      if (!name_char(c)) return "--allow-host: a name has letters, digits, '.' and '-' only";
    }
  }
  if (!port.empty() || value.back() == ':') {
    if (port.empty() || port.size() > 5) return "--allow-host: the port must be 1..65535";
    long n = 0;
    for (char c : port) {
      if (c < '0' || c > '9') return "--allow-host: the port must be 1..65535";
      n = n * 10 + (c - '0');
    }
    if (n < 1 || n > 65535) return "--allow-host: the port must be 1..65535";
  }
  return {};
}

}  // namespace timpush::server
