// `timpush serve` as an object: the built page (StaticSite), the sandbox (Sandbox) and the relay
// behind one HTTP server (FrontServer, http_front.h), with the security headers, the request
// checks (request_policy.h), limits, timeouts and the request log.
// Tests run it in-process on port 0 with their own clock; the CLI runs it until a signal.
//
// Decisions, checked in this order before any body is read (each refusal closes the
// connection): a Host that is not ours gets 421; a request with Content-Encoding gets 415 (the
// page never compresses requests, and inflating is how 0.5 MB becomes 500 MiB); a
// Transfer-Encoding other than chunked gets 501; a Content-Length over max_body_bytes gets 413;
// /sandbox and /relay from another origin get 403. A chunked or length-less body is counted as
// it is read and gets 413 past max_body_bytes. Range is ignored: 200 with the whole body.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "server/relay.h"
#include "server/sandbox.h"

namespace timpush::server {

class FrontServer;
class HostPolicy;
class StaticSite;

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::filesystem::path root = "build/web/site";
  SandboxOptions sandbox;
  RelayOptions relay;
  // Host values answered besides our own names ("NAME" any port, "NAME:PORT" exactly).
  std::vector<std::string> allow_hosts;
  size_t threads = 16;        // requests served at once (waiting connections hold none)
  size_t max_queued = 256;    // whole requests waiting for a thread; past it, 503
  size_t max_body_bytes = 1u << 20;  // larger requests get 413
  int head_timeout_seconds = 5;      // a request's headers must arrive within this
  int body_timeout_seconds = 5;      // and its body within this after them
  int io_timeout_seconds = 5;        // any single wait on a client
  int keep_alive_seconds = 3;        // an idle kept-alive connection is closed after this
  size_t max_connections = 1024;     // open connections in all
  size_t max_connections_per_client = 64;  // open connections of one client address
  // One line per request: method, path without query, status, milliseconds. Null: no log.
  std::function<void(const std::string&)> log;
};

class PageServer {
public:
  PageServer(ServeOptions options, MillisClock now_ms, Random32 random);
  ~PageServer();
  PageServer(const PageServer&) = delete;
  PageServer& operator=(const PageServer&) = delete;

  // Binds the socket; returns an error message, or nothing on success. port() is then known.
  std::optional<std::string> bind();
  int port() const { return port_; }
  std::string url() const;  // "http://127.0.0.1:8080/"

  void run();    // serves until stop(); call after bind()
  void start();  // run() on a thread of its own
  void stop();   // safe from any thread, more than once

  Sandbox& sandbox() { return *sandbox_; }
  size_t waiting_connections() const;  // held between requests or before their headers
  const ServeOptions& options() const { return options_; }

private:
  void install_routes();

  ServeOptions options_;
  std::unique_ptr<FrontServer> http_;
  std::unique_ptr<HostPolicy> hosts_;
  std::unique_ptr<StaticSite> site_;
  std::unique_ptr<Sandbox> sandbox_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace timpush::server
