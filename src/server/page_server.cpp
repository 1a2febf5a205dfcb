#include "server/page_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "server/http_front.h"
#include "server/request_policy.h"
#include "server/static_site.h"

namespace timpush::server {

namespace {

using Clock = std::chrono::steady_clock;
// Set when routing starts, read by the logger on the same worker thread after the answer.
thread_local Clock::time_point request_start{};

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json");
}

// A refusal made before the body is read: the connection closes after it, unread.
httplib::Server::HandlerResponse refuse(httplib::Response& res, int status,
                                        const std::string& body) {
  send_json(res, status, body);
  FrontServer::close_after_answer();
  return httplib::Server::HandlerResponse::Handled;
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
  // every text answer again on each request (it would gzip a precompressed file twice). The
  // library picks offset and length; whatever it asks, nothing past the body goes out.
  res.set_content_provider(
      body->size(), reply.content_type,
      [body](size_t offset, size_t length, httplib::DataSink& sink) {
        if (offset >= body->size()) return false;
        length = std::min({length, body->size() - offset, size_t{256 * 1024}});
        return sink.write(body->data() + offset, length);
      });
}

std::string format_host(const std::string& host) {
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

FrontOptions front_options(const ServeOptions& o) {
  FrontOptions f;
  f.threads = o.threads;
  f.max_queued = o.max_queued;
  f.body_timeout_ms = o.body_timeout_seconds * 1000;
  f.io_timeout_ms = o.io_timeout_seconds * 1000;
  f.gate.head_timeout_ms = o.head_timeout_seconds * 1000;
  f.gate.idle_timeout_ms = o.keep_alive_seconds * 1000;
  f.gate.max_connections = o.max_connections;
  f.gate.max_per_client = o.max_connections_per_client;
  return f;
}

}  // namespace

PageServer::PageServer(ServeOptions options, MillisClock now_ms, Random32 random)
    : options_(std::move(options)),
      http_(std::make_unique<FrontServer>(front_options(options_))),
      hosts_(std::make_unique<HostPolicy>(options_.host, options_.port, options_.allow_hosts)),
      site_(std::make_unique<StaticSite>(options_.root)),
      sandbox_(std::make_unique<Sandbox>(options_.sandbox, std::move(now_ms), std::move(random))) {
  install_routes();
}

PageServer::~PageServer() {
  stop();
  if (thread_.joinable()) thread_.join();
  if (http_) http_->stop_front();
}

std::string PageServer::url() const {
  return "http://" + format_host(options_.host) + ":" + std::to_string(port_) + "/";
}

size_t PageServer::waiting_connections() const { return http_->waiting_connections(); }

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
  // Only now is the port known, and Host names it.
  *hosts_ = HostPolicy(options_.host, port_, options_.allow_hosts);
  if (!http_->start_front()) return std::string("cannot start the connection gate (epoll)");
  return std::nullopt;
}

void PageServer::run() {
  http_->listen_after_bind();
  http_->stop_front();
}

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
  http.set_default_headers({
      {"Content-Security-Policy", content_security_policy()},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Accept-Ranges", "none"},
  });

  const HostPolicy* hosts = hosts_.get();
  const size_t max_body = options_.max_body_bytes;
  http.set_pre_routing_handler([hosts, max_body](const httplib::Request& req,
                                                 httplib::Response& res) {
    request_start = Clock::now();
    const std::string host = req.get_header_value("Host");
    if (!hosts->allows(host) || req.get_header_value_count("Host") != 1) {
      return refuse(res, 421, error_json(
          "this server answers only to its own address (Host " + host.substr(0, 100) +
              " is not one); behind a reverse proxy, start it with --allow-host NAME",
          "本服务只响应发往自身地址的请求(Host " + host.substr(0, 100) +
              " 不是);经反向代理访问时请用 --allow-host NAME 启动"));
    }
    if (req.has_header("Content-Encoding")) {
      return refuse(res, 415, error_json(
          "compressed request bodies (Content-Encoding) are not accepted; send it uncompressed",
          "不接受压缩的请求体(Content-Encoding),请以未压缩形式发送"));
    }
    if (req.has_header("Transfer-Encoding") &&
        req.get_header_value("Transfer-Encoding") != "chunked") {
      return refuse(res, 501, error_json("only chunked Transfer-Encoding is understood",
                                         "仅支持 chunked 传输编码"));
    }
    // HTTP/1.1 reads a request with neither Content-Length nor chunked framing as having no
    // body (RFC 9112 section 6.3), so bytes sent after its head would be taken for the next
    // request. A POST must say how long its body is; what follows is never read.
    const bool has_body_method = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
    if (has_body_method && !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) {
      return refuse(res, 411, error_json("a request body needs a Content-Length (or chunked framing)",
                                         "请求体需要 Content-Length(或 chunked 分块传输)"));
    }
    if (req.get_header_value_u64("Content-Length") > max_body) {
      return refuse(res, 413, error_json("request body larger than the server accepts (1 MiB)",
                                         "请求体超过服务器上限(1 MiB)"));
    }
    bool service = starts_with(req.path, "/sandbox") || starts_with(req.path, "/relay");
    if (service && !same_origin_request(req.get_header_value("Origin"),
                                        req.get_header_value("Sec-Fetch-Site"), host)) {
      const char* en = "cross-origin request refused: only the page this server serves may "
                       "call /sandbox and /relay";
      const char* zh = "已拒绝跨站请求:只有本服务提供的页面可以调用 /sandbox 和 /relay";
      return refuse(res, 403, starts_with(req.path, "/relay")
                                  ? relay_error_body(en, zh, "")
                                  : service_answer(403, std::string(en) + " / " + zh));
    }
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
      log(log_escape(req.method.substr(0, 16)) + " " + log_escape(path) + " " +
          std::to_string(res.status) + " " + ms);
    });
  }

  // Answers httplib makes itself (400 malformed, 413 too large, 414, 404 unrouted, ...) get words.
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
      case 415:
        send_json(res, 415, error_json("compressed request bodies are not accepted",
                                       "不接受压缩的请求体"));
        break;
      case 416:
        send_json(res, 416, error_json("unreadable Range header", "无法解析 Range 请求头"));
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
  http.Post("/sandbox/reach", [sandbox](const httplib::Request& req, httplib::Response& res) {
    auto answer = sandbox->reach(req.body);
    send_json(res, answer.http_status, answer.body);
  });
  // Loopback only: a test's or a lesson's control, never a remote client's (sandbox.h).
  http.Post("/sandbox/clock", [sandbox](const httplib::Request& req, httplib::Response& res) {
    const std::string& from = req.remote_addr;
    if (from != "127.0.0.1" && from != "::1" && from != "::ffff:127.0.0.1") {
      send_json(res, 403, error_json("the sandbox clock is moved from this machine only",
                                     "只能从本机调整沙箱时钟"));
      return;
    }
    auto answer = sandbox->advance_clock(req.body);
    send_json(res, answer.http_status, answer.body);
  });
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
