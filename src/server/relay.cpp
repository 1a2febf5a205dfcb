#include "server/relay.h"

#include <httplib.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
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

// Stops the client at the deadline from a thread of its own, because the phases before the
// body (connect, TLS handshake, status line and headers) call nothing the relay could check a
// clock in. httplib's stop() shuts the socket down under the request, which then fails.
class Watchdog {
public:
  Watchdog(httplib::ClientImpl& client, std::chrono::steady_clock::time_point deadline)
      : thread_([this, &client, deadline] {
          std::unique_lock<std::mutex> lock(mutex_);
          if (!wake_.wait_until(lock, deadline, [this] { return done_; })) {
            fired_ = true;
            lock.unlock();
            client.stop();
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;
  bool fired() const { return fired_.load(); }

private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::atomic<bool> fired_{false};
  std::thread thread_;  // last: it starts once the members above exist
};

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
  // Forwarded under its canonical name: "Console.TIM.qq.com." reaches the same host as the
  // table's entry, and the upstream's certificate and Host header name it without the dot.
  std::string host = core::canonical_host(host_part);
  // Ports, userinfo, IP literals in brackets and percent-escapes all fail this character check.
  for (char c : host) {
    if (!host_char(c)) {
      return refuse("the relay forwards to the Tencent Cloud IM region hosts only, by name, "
                    "without port or user",
                    "转发仅支持腾讯云 IM 各地域域名(不可带端口或用户名)",
                    std::string(host_part.substr(0, 100)));
    }
  }
  if (host.empty() || host.back() == '.' || !core::is_known_host(host)) {
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
  constexpr std::string_view push_apis = "/v4/timpush/";
  if (path.substr(0, push_apis.size()) != push_apis || path.size() == push_apis.size()) {
    return refuse("the relay forwards the push APIs (v4/timpush/...) only, not " +
                      std::string(path.substr(0, 100)),
                  "转发仅支持推送接口(v4/timpush/...),不支持 " + std::string(path.substr(0, 100)),
                  host);
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

  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(options.deadline_seconds);
  const int per_step = std::max(1, std::min({options.read_timeout_seconds,
                                             options.deadline_seconds}));
  httplib::SSLClient client(host, options.port);
  client.set_hostname_addr_map({{host, resolved->address}});
  client.set_connection_timeout(std::min(options.connect_timeout_seconds, per_step), 0);
  client.set_read_timeout(per_step, 0);
  client.set_write_timeout(per_step, 0);
  client.enable_server_certificate_verification(true);
  if (!options.ca_file.empty()) client.set_ca_cert_path(options.ca_file);
  client.set_follow_location(false);
  client.set_keep_alive(false);
  // The query carries the UserSig in the service's own escaping: pass it on byte for byte.
  client.set_path_encode(false);

  httplib::Request request;
  request.method = "POST";
  request.path = target.path_and_query;
  request.headers = {{"User-Agent", "timpush-relay/0.1"},
                     {"Content-Type", content_type.empty() ? std::string("application/json")
                                                           : std::string(content_type)}};
  request.body = std::string(body);
  std::string answer;
  bool too_large = false;
  bool too_slow = false;
  // Called for each piece of the body (decompressed, if the upstream compressed it): returning
  // false ends the exchange at once, so nothing past the cap is ever held.
  request.content_receiver = [&](const char* data, size_t length, uint64_t, uint64_t) {
    if (Clock::now() >= deadline) {
      too_slow = true;
      return false;
    }
    if (length > options.max_answer_bytes - answer.size()) {
      too_large = true;
      return false;
    }
    answer.append(data, length);
    return true;
  };
  httplib::Response response;
  httplib::Error error = httplib::Error::Success;
  bool ok = false;
  {
    Watchdog watchdog(client, deadline);
    ok = client.send(request, response, error);
    too_slow = too_slow || (!ok && watchdog.fired());
  }
  const std::string cap = std::to_string(options.max_answer_bytes / 1024) + " KiB";
  if (too_large) {
    return failure("the answer of " + host + " is larger than " + cap +
                       "; the relay passes answers up to " + cap + " only",
                   host + " 的应答超过 " + cap + ",转发只传递不超过 " + cap + " 的应答",
                   host);
  }
  if (too_slow) {
    const std::string limit = std::to_string(options.deadline_seconds);
    return failure(host + " did not finish its answer within " + limit +
                       " s; the relay gives an exchange " + limit + " s at most",
                   host + " 未在 " + limit + " 秒内完成应答,转发每次最多等待 " + limit + " 秒",
                   host);
  }
  if (!ok) {
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
                           std::to_string(per_step) + " s)",
                       host + " 未及时应答(" + reason + ",上限 " + std::to_string(per_step) +
                           " 秒)",
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
  reply.status = response.status;
  reply.content_type = response.get_header_value("Content-Type");
  reply.body = std::move(answer);
  return reply;
}

}  // namespace timpush::server
