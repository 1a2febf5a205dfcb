// The HTTP server of `timpush serve`: cpp-httplib's request parser and router, fed by the
// connection gate (connection_gate.h) instead of httplib's own thread-per-connection loop.
// httplib's accept loop hands each socket to the gate; a worker of a BoundedPool then runs one
// request, whose head is already read, under a deadline for the body and one for the answer.
//
// Decisions:
// - The body of a request must arrive within body_timeout_ms of its head; the answer is sent
//   within answer_timeout_ms; each single wait is at most io_timeout_ms. Past any, the
//   connection is closed.
// - Any answer of 400 or more closes the connection (no body is read after a refusal).
#pragma once

#include <httplib.h>

#include <memory>

#include "server/bounded_pool.h"
#include "server/connection_gate.h"

namespace timpush::server {

struct FrontOptions {
  GateOptions gate;
  size_t threads = 16;
  size_t max_queued = 256;
  int body_timeout_ms = 5000;
  int answer_timeout_ms = 30000;
  int io_timeout_ms = 5000;
};

class FrontServer : public httplib::Server {
public:
  explicit FrontServer(FrontOptions options);
  ~FrontServer() override;

  // Starts the gate; false when it cannot (then listen_after_bind serves nothing).
  bool start_front();
  // Stops the gate (closing waiting connections) and lets the workers finish their requests.
  void stop_front();

  // From a handler on a worker: after this answer, close the connection and read nothing more
  // of the request (its body may be large, compressed or never end).
  static void close_after_answer();

  size_t waiting_connections() const { return gate_.waiting(); }

private:
  bool process_and_close_socket(socket_t sock) override;
  void serve(std::unique_ptr<Connection> connection);

  FrontOptions options_;
  BoundedPool pool_;
  ConnectionGate gate_;
};

}  // namespace timpush::server
