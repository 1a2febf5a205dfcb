// `timpush serve` as an object: the built page (StaticSite), the sandbox (Sandbox) and the relay
// behind one HTTP server, with the security headers, limits, timeouts and the request log.
// Tests run it in-process on port 0 with their own clock; the CLI runs it until a signal.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "server/relay.h"
#include "server/sandbox.h"

namespace httplib {
class Server;
}

namespace timpush::server {

class StaticSite;

// The page's policy: its own scripts and wasm only, no inline code, no eval, network to itself
// and the service's hosts, never framed.
extern const char* const kContentSecurityPolicy;

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::filesystem::path root = "build/web/site";
  SandboxOptions sandbox;
  RelayOptions relay;
  size_t threads = 16;        // connections served at once (keep-alive holds one each)
  size_t max_queued = 256;    // accepted connections waiting for a thread
  size_t max_body_bytes = 1u << 20;  // larger requests get 413
  int io_timeout_seconds = 5;        // read/write timeouts for slow clients
  int keep_alive_seconds = 3;        // an idle kept-alive connection is closed after this
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
  const ServeOptions& options() const { return options_; }

private:
  void install_routes();

  ServeOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::unique_ptr<StaticSite> site_;
  std::unique_ptr<Sandbox> sandbox_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace timpush::server
