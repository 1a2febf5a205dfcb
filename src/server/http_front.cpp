#include "server/http_front.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstring>

namespace timpush::server {

namespace {

using Clock = std::chrono::steady_clock;

// httplib's accept loop enqueues each socket; handing it to the gate is quick, so it is done
// right there on the accept thread.
class InlineQueue : public httplib::TaskQueue {
public:
  bool enqueue(std::function<void()> fn) override {
    fn();
    return true;
  }
  void shutdown() override {}
};

// One request's view of its connection: first the bytes the gate already read, then the
// socket, every wait bounded by both the single-wait timeout and the request's deadlines.
class GateStream : public httplib::Stream {
public:
  GateStream(Connection& c, const FrontOptions& o)
      : c_(c), io_ms_(o.io_timeout_ms), start_(Clock::now()),
        read_deadline_(start_ + std::chrono::milliseconds(o.body_timeout_ms)),
        write_deadline_(start_ + std::chrono::milliseconds(o.answer_timeout_ms)) {}

  bool is_readable() const override { return !refused && offset_ < c_.buffered.size(); }
  bool wait_readable() const override {
    if (refused) return false;
    return is_readable() || wait(POLLIN, read_deadline_);
  }
  bool wait_writable() const override { return wait(POLLOUT, write_deadline_); }

  ssize_t read(char* ptr, size_t size) override {
    if (refused) return -1;
    if (offset_ >= c_.buffered.size()) {
      c_.buffered.clear();
      offset_ = 0;
      if (!wait(POLLIN, read_deadline_)) {
        error_ = httplib::Error::Timeout;
        return -1;
      }
      char buf[16384];
      ssize_t got = ::recv(c_.fd, buf, sizeof buf, MSG_DONTWAIT);
      if (got <= 0) {
        error_ = got == 0 ? httplib::Error::ConnectionClosed : httplib::Error::Read;
        return got == 0 ? 0 : -1;
      }
      c_.buffered.assign(buf, static_cast<size_t>(got));
    }
    size_t n = std::min(size, c_.buffered.size() - offset_);
    std::memcpy(ptr, c_.buffered.data() + offset_, n);
    offset_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!wait(POLLOUT, write_deadline_)) return -1;
    ssize_t sent = ::send(c_.fd, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return 0;
    return sent;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.peer_ip;
    port = c_.peer_port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.local_ip;
    port = c_.local_port;
  }
  socket_t socket() const override { return c_.fd; }
  time_t duration() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start_).count();
  }

  // What the request did not consume: the start of a pipelined next request.
  void keep_leftover() { c_.buffered.erase(0, offset_); }

  bool refused = false;

private:
  bool wait(short events, Clock::time_point deadline) const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    int ms = static_cast<int>(std::min<long long>(left.count(), io_ms_));
    if (ms <= 0) return false;
    pollfd p{c_.fd, events, 0};
    int rc = ::poll(&p, 1, ms);
    return rc > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
  }

  Connection& c_;
  size_t offset_ = 0;
  int io_ms_;
  Clock::time_point start_, read_deadline_, write_deadline_;
};

// The request a worker thread is running, for close_after_answer() and the status check.
struct RequestScope {
  GateStream* stream = nullptr;
  bool close = false;
};
thread_local RequestScope* current_request = nullptr;

}  // namespace

FrontServer::FrontServer(FrontOptions options)
    : options_(options),
      pool_(options.threads, options.max_queued),
      gate_(options.gate, [this](std::unique_ptr<Connection>& connection) {
        auto shared = std::make_shared<std::unique_ptr<Connection>>(std::move(connection));
        std::function<void()> job = [this, shared] { serve(std::move(*shared)); };
        if (pool_.try_enqueue(job)) return true;
        connection = std::move(*shared);
        return false;
      }) {
  new_task_queue = [] { return new InlineQueue; };
  set_keep_alive_timeout(std::max(1, options.gate.idle_timeout_ms / 1000));
  set_keep_alive_max_count(options.gate.max_requests_per_connection);
  // Called just before an answer is written. After an error nothing more is read: httplib would
  // otherwise drain the rest of the body, up to the body deadline.
  set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.status >= 400) close_after_answer();
  });
}

FrontServer::~FrontServer() { stop_front(); }

bool FrontServer::start_front() { return gate_.start(); }

void FrontServer::stop_front() {
  gate_.stop();
  pool_.shutdown();
}

void FrontServer::close_after_answer() {
  if (!current_request) return;
  current_request->close = true;
  if (current_request->stream) current_request->stream->refused = true;
}

bool FrontServer::process_and_close_socket(socket_t sock) {
  gate_.admit(sock);
  return true;
}

void FrontServer::serve(std::unique_ptr<Connection> connection) {
  GateStream stream(*connection, options_);
  RequestScope scope;
  scope.stream = &stream;
  current_request = &scope;
  bool closed = false;
  bool last = connection->served + 1 >= options_.gate.max_requests_per_connection;
  // Range is ignored (RFC 9110 14.2 allows it): nothing of the page asks for part of a file,
  // and httplib frames a ranged answer from the request alone, whatever status and length the
  // handler chose. A Range that does not parse already got 416, with no body.
  static const std::function<void(httplib::Request&)> no_ranges = [](httplib::Request& req) {
    req.ranges.clear();
  };
  bool ok = process_request(stream, connection->peer_ip, connection->peer_port,
                            connection->local_ip, connection->local_port, last, closed,
                            no_ranges, nullptr);
  current_request = nullptr;
  stream.keep_leftover();
  using After = ConnectionGate::After;
  After after = ok && !closed && !scope.close ? After::keep : After::close;
  if (scope.close) after = After::linger;
  gate_.finished(std::move(connection), after);
}

}  // namespace timpush::server
