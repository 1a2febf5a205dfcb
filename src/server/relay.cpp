#include "server/relay.h"

#include <httplib.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <thread>

#include "core/endpoints.h"
#include "core/json.h"

namespace timpush::server {

namespace {

bool host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

bool path_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == '/';
}

// Query bytes are passed on as received; only visible ASCII can be part of a request line.
bool query_char(char c) { return c > 0x20 && c < 0x7f && c != '#'; }

RelayRefusal refuse(std::string en, std::string zh, std::string host) {
  return RelayRefusal{std::move(en), std::move(zh), std::move(host)};
}

struct Resolved {
  std::string address;  // numeric
  std::string error;    // when the lookup failed
};

// getaddrinfo cannot be given a deadline, so it runs on a thread of its own and the relay waits
// at most `timeout`. Lookups left running are capped, so a dead resolver cannot pile up threads.
std::atomic<int> pending_lookups{0};
constexpr int kMaxPendingLookups = 16;

std::optional<Resolved> resolve(const std::string& host, int timeout_seconds) {
  if (pending_lookups.load() >= kMaxPendingLookups) {
    return Resolved{"", "too many host lookups are pending"};
  }
  auto promise = std::make_shared<std::promise<Resolved>>();
  auto future = promise->get_future();
  ++pending_lookups;
  std::thread([host, promise] {
    Resolved out;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* list = nullptr;
    int rc = getaddrinfo(host.c_str(), nullptr, &hints, &list);
    if (rc != 0 || !list) {
      out.error = gai_strerror(rc);
    } else {
      char text[INET6_ADDRSTRLEN] = {};
      const void* raw = list->ai_family == AF_INET6
                            ? static_cast<const void*>(
                                  &reinterpret_cast<sockaddr_in6*>(list->ai_addr)->sin6_addr)
                            : static_cast<const void*>(
                                  &reinterpret_cast<sockaddr_in*>(list->ai_addr)->sin_addr);
      if (inet_ntop(list->ai_family, raw, text, sizeof text)) {
        out.address = text;
      } else {
        out.error = "unreadable address";
      }
    }
    if (list) freeaddrinfo(list);
    promise->set_value(std::move(out));
    --pending_lookups;
  }).detach();
  if (future.wait_for(std::chrono::seconds(timeout_seconds)) != std::future_status::ready) {
    return std::nullopt;
  }
  return future.get();
}

RelayReply failure(std::string_view en, std::string_view zh, std::string_view host) {
  RelayReply reply;
  reply.status = 502;
  reply.body = relay_error_body(en, zh, host);
  return reply;
}

}  // namespace

std::string relay_error_body(std::string_view en, std::string_view zh, std::string_view host) {
  Json doc = Json::object();
  doc["RelayError"] = std::string(en);
  doc["RelayErrorZh"] = std::string(zh);
  doc["Host"] = std::string(host);
  return doc.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

std::variant<RelayTarget, RelayRefusal> parse_relay_target(std::string_view raw_target) {
  constexpr std::string_view prefix = "/relay/";
  if (raw_target.substr(0, prefix.size()) != prefix) {
    return refuse("not a relay path", "不是转发路径", "");
  }
  std::string_view rest = raw_target.substr(prefix.size());
  auto slash = rest.find('/');
  std::string_view host_part = rest.substr(0, slash);
  std::string host;
  for (char c : host_part) {
    host += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  // Ports, userinfo, IP literals in brackets and percent-escapes all fail this character check.
  for (char c : host) {
    if (!host_char(c)) {
      return refuse("the relay forwards to the Tencent Cloud IM region hosts only, by name, "
                    "without port or user",
                    "转发仅支持腾讯云 IM 各地域域名(不可带端口或用户名)",
                    std::string(host_part.substr(0, 100)));
    }
  }
  if (host.empty() || !core::is_known_host(host)) {
    return refuse("host " + host + " is not a Tencent Cloud IM REST API host; the relay forwards "
                  "to the region hosts of the API only",
                  "域名 " + host + " 不是腾讯云 IM REST API 域名,转发仅支持各地域的 API 域名",
                  host);
  }
  if (slash == std::string_view::npos) {
    return refuse("the relay forwards paths under /v4/ only", "转发仅支持 /v4/ 下的路径", host);
  }
  std::string_view path_and_query = rest.substr(slash);
  auto question = path_and_query.find('?');
  std::string_view path = path_and_query.substr(0, question);
  bool path_ok = path.substr(0, 4) == "/v4/" && path.size() > 4 &&
                 path.find("..") == std::string_view::npos &&
                 path.find("//") == std::string_view::npos;
  for (char c : path) path_ok = path_ok && path_char(c);
  if (!path_ok) {
    return refuse("the relay forwards plain API paths under /v4/ only",
                  "转发仅支持 /v4/ 下的 API 路径", host);
  }
  if (question != std::string_view::npos) {
    for (char c : path_and_query.substr(question + 1)) {
      if (!query_char(c)) {
        return refuse("the query string holds characters that cannot be forwarded",
                      "查询参数含有无法转发的字符", host);
      }
    }
  }
  return RelayTarget{host, std::string(path_and_query)};
}

RelayReply relay_post(const RelayTarget& target, std::string_view body,
                      std::string_view content_type, const RelayOptions& options) {
  const std::string& host = target.host;
  auto resolved = options.address_override.empty()
                      ? resolve(host, options.resolve_timeout_seconds)
                      : std::optional<Resolved>(Resolved{options.address_override, ""});
  if (!resolved) {
    return failure("looking up " + host + " took longer than " +
                       std::to_string(options.resolve_timeout_seconds) +
                       " s: DNS is not answering (no network?)",
                   "解析 " + host + " 超时(" + std::to_string(options.resolve_timeout_seconds) +
                       " 秒):DNS 无响应,可能没有网络",
                   host);
  }
  if (resolved->address.empty()) {
    return failure("cannot resolve " + host + " (" + resolved->error +
                       "): no network, or DNS cannot reach the internet",
                   "无法解析域名 " + host + "(" + resolved->error + "):没有网络或 DNS 不可用",
                   host);
  }

  httplib::SSLClient client(host, options.port);
  client.set_hostname_addr_map({{host, resolved->address}});
  client.set_connection_timeout(options.connect_timeout_seconds, 0);
  client.set_read_timeout(options.read_timeout_seconds, 0);
  client.set_write_timeout(options.read_timeout_seconds, 0);
  client.enable_server_certificate_verification(true);
  if (!options.ca_file.empty()) client.set_ca_cert_path(options.ca_file);
  client.set_follow_location(false);
  client.set_keep_alive(false);
  // The query carries the UserSig in the service's own escaping: pass it on byte for byte.
  client.set_path_encode(false);
  httplib::Headers headers{{"User-Agent", "timpush-relay/0.1"}};
  std::string type = content_type.empty() ? "application/json" : std::string(content_type);
  auto result = client.Post(target.path_and_query, headers, std::string(body), type);
  if (!result) {
    auto error = result.error();
    std::string reason = httplib::to_string(error);
    switch (error) {
      case httplib::Error::Connection:
      case httplib::Error::ConnectionTimeout:
        return failure("cannot connect to " + host + ":" + std::to_string(options.port) + " (" +
                           reason + "): no network, or a firewall blocks it",
                       "无法连接 " + host + ":" + std::to_string(options.port) +
                           "(" + reason + "):没有网络或被防火墙阻止",
                       host);
      case httplib::Error::Read:
      case httplib::Error::Write:
        return failure(host + " did not answer in time (" + reason + ", limit " +
                           std::to_string(options.read_timeout_seconds) + " s)",
                       host + " 未及时应答(" + reason + ",上限 " +
                           std::to_string(options.read_timeout_seconds) + " 秒)",
                       host);
      case httplib::Error::SSLConnection:
      case httplib::Error::SSLServerVerification:
      case httplib::Error::SSLLoadingCerts:
        return failure("TLS with " + host + " failed (" + reason +
                           "): the connection is intercepted or the CA store is missing",
                       "与 " + host + " 的 TLS 连接失败(" + reason + "):连接被拦截或缺少 CA 证书",
                       host);
      default:
        return failure("forwarding to " + host + " failed (" + reason + ")",
                       "转发到 " + host + " 失败(" + reason + ")", host);
    }
  }
  RelayReply reply;
  reply.status = result->status;
  reply.content_type = result->get_header_value("Content-Type");
  reply.body = result->body;
  return reply;
}

}  // namespace timpush::server
