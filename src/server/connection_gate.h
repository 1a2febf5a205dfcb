// The waiting room in front of the HTTP workers. Every accepted connection, and every kept-alive
// one between requests, waits here (one thread, epoll) until a whole request head has arrived;
// only then does a worker take it, for one request. So an idle or slow client holds a file
// descriptor and a few bytes, never a worker, and it is dropped at its deadline.
//
// Decisions:
// - A request head (request line and headers) must be complete within head_timeout_ms of the
//   connection's first byte (of its accept, for a new connection): else 408 and close. A kept-
//   alive connection may idle idle_timeout_ms before its next request starts.
// - A head over max_head_bytes, a line over max_line_bytes or more than max_header_lines header
//   lines gets 431 and close.
// - At most max_per_client connections per client address and max_connections in all (waiting
//   and in workers). At the cap, the connection of that address (or any, for the total) that has
//   waited longest is closed to make room; when none waits, the newcomer is closed.
// - When no worker is free and the queue is full, a ready request gets 503 and close.
// - After such an answer the gate reads and discards up to 1 MiB for at most 1 s before it
//   closes, so the client reads the answer instead of a connection reset.
// No HTTP library here: it reads bytes and hands over file descriptors.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace timpush::server {

struct GateOptions {
  int head_timeout_ms = 5000;
  int idle_timeout_ms = 3000;
  size_t max_head_bytes = 32 * 1024;
  size_t max_line_bytes = 8 * 1024;
  size_t max_header_lines = 64;
  size_t max_connections = 1024;
  size_t max_per_client = 64;
  size_t max_requests_per_connection = 100;
};

// One client connection between the gate and a worker.
struct Connection {
  int fd = -1;
  std::string peer_ip;
  int peer_port = 0;
  std::string local_ip;
  int local_port = 0;
  std::string buffered;  // bytes read and not yet consumed: a whole head, maybe more
  size_t served = 0;     // requests answered on it so far
};

enum class HeadState { incomplete, complete, too_large };

// Whether `data` starts with a whole request head (ended by an empty line), within the limits.
HeadState check_head(const std::string& data, const GateOptions& limits);

class ConnectionGate {
public:
  // Takes a connection whose head is complete; false when no worker can take it now.
  using Dispatch = std::function<bool(std::unique_ptr<Connection>&)>;

  ConnectionGate(GateOptions options, Dispatch dispatch);
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  // False when the gate could not start (no epoll or eventfd): then nothing is served.
  bool start();
  void stop();  // closes every waiting connection; safe more than once

  void admit(int fd);  // a freshly accepted connection (the gate owns it from here)
  // A worker is done with a request: keep the connection for the next one, or close it; after
  // a refusal it lingers first (see above), as the client may still be sending its body.
  enum class After { keep, close, linger };
  void finished(std::unique_ptr<Connection> connection, After after);

  size_t waiting() const;  // connections held by the gate now (for tests and the benchmark)

private:
  struct Waiting {
    std::unique_ptr<Connection> connection;
    std::chrono::steady_clock::time_point since;     // for eviction: who waited longest
    std::chrono::steady_clock::time_point deadline;
    bool idle = true;                                // no byte of the next head yet
    bool lingering = false;  // answered with an error: reading what it still sends, then close
    size_t discarded = 0;
  };
  using Clock = std::chrono::steady_clock;

  void loop();
  void take_incoming();
  enum class Kind { fresh, resumed, linger };
  void add(std::unique_ptr<Connection> connection, Kind kind);
  void on_readable(int fd);
  void try_dispatch(int fd);
  // Closes a waiting connection; with an answer, sends it and lingers a moment first, reading
  // and discarding, so the client can read the answer before the close (no reset).
  void drop(int fd, const std::string* answer);
  void close_waiting(int fd);
  void close_connection(Connection& connection);
  bool evict_oldest(const std::string* peer);
  void expire();

  GateOptions options_;
  Dispatch dispatch_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::thread thread_;
  bool running_ = false;

  mutable std::mutex mutex_;  // guards incoming_, counts_, stopping_, waiting_count_
  std::vector<std::pair<std::unique_ptr<Connection>, Kind>> incoming_;
  std::map<std::string, size_t> counts_;  // open connections per client address
  size_t total_ = 0;
  size_t waiting_count_ = 0;
  bool stopping_ = false;

  std::map<int, Waiting> waiting_;  // gate thread only
};

}  // namespace timpush::server
