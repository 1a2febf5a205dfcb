#include "server/page_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "server/bounded_pool.h"
#include "server/static_site.h"

namespace timpush::server {

const char* const kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: blob:; font-src 'self'; "
    "connect-src 'self' https://*.qq.com https://*.qcloud.com https://*.my-imcloud.com; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

namespace {

using Clock = std::chrono::steady_clock;
// Set when routing starts, read by the logger on the same worker thread after the answer.
thread_local Clock::time_point request_start{};

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json");
}

std::string error_json(std::string_view en, std::string_view zh) {
  Json doc = Json::object();
  doc["Error"] = std::string(en);
  doc["ErrorZh"] = std::string(zh);
  return doc.dump();
}

void method_not_allowed(httplib::Response& res, const char* allow) {
  res.set_header("Allow", allow);
  send_json(res, 405, error_json(std::string("method not allowed here; use ") + allow,
                                 std::string("此处不支持该请求方法,请使用 ") + allow));
}

void send_static(const StaticReply& reply, httplib::Response& res) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (!reply.body) return;  // 304
  const auto body = reply.body;
  if (body->empty()) {
    res.set_header("Content-Type", reply.content_type);
    return;
  }
  // A sized content provider: httplib then sends our bytes as they are, instead of compressing
  // every text answer again on each request (it would gzip a precompressed file twice).
  res.set_content_provider(
      body->size(), reply.content_type,
      [body](size_t offset, size_t length, httplib::DataSink& sink) {
        length = std::min<size_t>(length, 256 * 1024);
        return sink.write(body->data() + offset, length);
      });
}

std::string format_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

PageServer::PageServer(ServeOptions options, MillisClock now_ms, Random32 random)
    : options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()),
      site_(std::make_unique<StaticSite>(options_.root)),
      sandbox_(std::make_unique<Sandbox>(options_.sandbox, std::move(now_ms), std::move(random))) {
  install_routes();
}

PageServer::~PageServer() {
  stop();
  if (thread_.joinable()) thread_.join();
}

std::string PageServer::url() const {
  return "http://" + format_host(options_.host) + ":" + std::to_string(port_) + "/";
}

std::optional<std::string> PageServer::bind() {
  if (options_.host.find(':') != std::string::npos) http_->set_address_family(AF_INET6);
  if (options_.port == 0) {
    int port = http_->bind_to_any_port(options_.host);
    if (port <= 0) return "cannot bind " + options_.host + " on any port";
    port_ = port;
  } else {
    if (!http_->bind_to_port(options_.host, options_.port)) {
      return "cannot bind " + options_.host + ":" + std::to_string(options_.port) +
             " (in use, or not an address of this machine)";
    }
    port_ = options_.port;
  }
  return std::nullopt;
}

void PageServer::run() { http_->listen_after_bind(); }

void PageServer::start() {
  thread_ = std::thread([this] { run(); });
  // listen_after_bind sets is_running before it accepts; wait for it so stop() cannot be lost.
  for (int i = 0; i < 2000 && !http_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void PageServer::stop() {
  if (http_) http_->stop();
}

void PageServer::install_routes() {
  auto& http = *http_;
  const size_t threads = options_.threads;
  const size_t queued = options_.max_queued;
  http.new_task_queue = [threads, queued] { return new BoundedPool(threads, queued); };
  http.set_payload_max_length(options_.max_body_bytes);
  // httplib writes headers and body separately: without this, Nagle's algorithm and delayed ACKs
  // hold each small answer back ~40 ms (measured with scripts/bench-server.sh).
  http.set_tcp_nodelay(true);
  // httplib's default is SO_REUSEPORT, which lets a second `timpush serve` bind the same port and
  // silently take half the connections. SO_REUSEADDR alone still allows a quick restart.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_read_timeout(options_.io_timeout_seconds, 0);
  http.set_write_timeout(options_.io_timeout_seconds, 0);
  // httplib keeps a connection open after a 400 (a read that timed out) for another keep-alive
  // period, and polls idle connections every 10 ms: a short keep-alive bounds both. A slow
  // client gets its 400 after io_timeout_seconds and is dropped keep_alive_seconds later.
  http.set_keep_alive_timeout(options_.keep_alive_seconds);
  http.set_keep_alive_max_count(100);
  http.set_default_headers({
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
  });

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_start = Clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });

  if (options_.log) {
    auto log = options_.log;
    http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      char ms[32] = "-";
      if (request_start != Clock::time_point{}) {
        auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() -
                                                                        request_start);
        std::snprintf(ms, sizeof ms, "%.1fms", static_cast<double>(us.count()) / 1000.0);
      }
      request_start = {};
      // req.path never holds the query, where the UserSig travels; bodies are never logged.
      std::string path = req.path.size() > 200 ? req.path.substr(0, 200) + "..." : req.path;
      for (char& c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
      }
      log(req.method + " " + path + " " + std::to_string(res.status) + " " + ms);
    });
  }

  // Answers httplib makes itself (400 malformed, 413 too large, 414, 404 unrouted) get words.
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty() || res.content_length_ > 0 || res.content_provider_) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    switch (res.status) {
      case 400:
        send_json(res, 400, error_json("malformed HTTP request", "HTTP 请求格式错误"));
        break;
      case 413:
        send_json(res, 413, error_json("request body larger than the server accepts (1 MiB)",
                                       "请求体超过服务器上限(1 MiB)"));
        break;
      case 414:
        send_json(res, 414, error_json("request URL too long", "请求 URL 过长"));
        break;
      case 404:
        send_json(res, 404, error_json("not found", "未找到"));
        break;
      default:
        return httplib::Server::HandlerResponse::Unhandled;
    }
    return httplib::Server::HandlerResponse::Handled;
  }));

  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_json(res, 500, error_json("internal error while answering; the server carries on",
                                       "处理请求时出现内部错误"));
      });

  Sandbox* sandbox = sandbox_.get();
  http.Get("/sandbox/app", [sandbox](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, sandbox->app_info().dump());
  });
  http.Get("/sandbox/tasks", [sandbox](const httplib::Request& req, httplib::Response& res) {
    auto answer = sandbox->tasks({req.params.begin(), req.params.end()});
    send_json(res, answer.http_status, answer.body);
  });
  auto sandbox_api = [sandbox](const httplib::Request& req, httplib::Response& res) {
    std::multimap<std::string, std::string> params(req.params.begin(), req.params.end());
    auto answer = sandbox->handle(req.method, std::string_view(req.path).substr(8), params,
                                  req.body);
    send_json(res, answer.http_status, answer.body);
  };
  http.Post("/sandbox/.*", sandbox_api);
  http.Get("/sandbox/v4/.*", sandbox_api);

  RelayOptions relay_options = options_.relay;
  http.Post("/relay/.*", [relay_options](const httplib::Request& req, httplib::Response& res) {
    auto parsed = parse_relay_target(req.target);
    if (auto* refusal = std::get_if<RelayRefusal>(&parsed)) {
      send_json(res, 403,
                relay_error_body(refusal->reason_en, refusal->reason_zh, refusal->host));
      return;
    }
    const auto& target = std::get<RelayTarget>(parsed);
    auto reply = relay_post(target, req.body, req.get_header_value("Content-Type"),
                            relay_options);
    res.status = reply.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(reply.body,
                    reply.content_type.empty() ? "application/octet-stream" : reply.content_type);
  });
  http.Get("/relay/.*", [](const httplib::Request&, httplib::Response& res) {
    method_not_allowed(res, "POST");
  });

  StaticSite* site = site_.get();
  http.Get(".*", [site](const httplib::Request& req, httplib::Response& res) {
    auto reply = site->get(req.path, req.get_header_value("Accept-Encoding"),
                           req.get_header_value("If-None-Match"));
    send_static(reply, res);
  });
  auto static_only = [](const httplib::Request&, httplib::Response& res) {
    method_not_allowed(res, "GET, HEAD");
  };
  http.Post(".*", static_only);
  http.Put(".*", static_only);
  http.Delete(".*", static_only);
  http.Patch(".*", static_only);
  http.Options(".*", static_only);
}

}  // namespace timpush::server
