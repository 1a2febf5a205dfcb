#include "server/connection_gate.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "server/request_policy.h"

namespace timpush::server {

namespace {

std::string canned(int status, const char* reason, std::string_view en, std::string_view zh) {
  std::string body = error_json(en, zh);
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close"
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

const std::string& answer_408() {
  static const std::string text =
      canned(408, "Request Timeout", "the request's headers did not arrive in time",
             "请求头未在时限内到达");
  return text;
}
const std::string& answer_431() {
  static const std::string text = canned(
      431, "Request Header Fields Too Large",
      "request headers too large (at most 64 lines, 8 KiB a line, 32 KiB in all)",
      "请求头过大(最多 64 行,每行 8 KiB,共 32 KiB)");
  return text;
}
const std::string& answer_503() {
  static const std::string text = canned(503, "Service Unavailable",
                                         "the server is busy; try again in a moment",
                                         "服务器繁忙,请稍后重试");
  return text;
}

void address_of(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    port = ntohs(in->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    port = ntohs(in6->sin6_port);
  }
  ip = text;
}

}  // namespace

HeadState check_head(const std::string& data, const GateOptions& limits) {
  size_t start = 0;
  // RFC 9112 2.2: empty lines before the request line are ignored.
  while (data.compare(start, 2, "\r\n") == 0) start += 2;
  size_t lines = 0;
  for (size_t at = start;;) {
    size_t end = data.find('\n', at);
    size_t line_length = (end == std::string::npos ? data.size() : end) - at;
    if (line_length > limits.max_line_bytes) return HeadState::too_large;
    if (end == std::string::npos) break;
    if (end == at || (end == at + 1 && data[at] == '\r')) {
      return end + 1 > limits.max_head_bytes ? HeadState::too_large : HeadState::complete;
    }
    if (lines++ > limits.max_header_lines) return HeadState::too_large;  // request line + N
    at = end + 1;
  }
  return data.size() > limits.max_head_bytes ? HeadState::too_large : HeadState::incomplete;
}

ConnectionGate::ConnectionGate(GateOptions options, Dispatch dispatch)
    : options_(options), dispatch_(std::move(dispatch)) {}

ConnectionGate::~ConnectionGate() { stop(); }

bool ConnectionGate::start() {
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_fd_ < 0 || wake_fd_ < 0) return false;
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_fd_;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev) != 0) return false;
  running_ = true;
  thread_ = std::thread([this] { loop(); });
  return true;
}

void ConnectionGate::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  if (wake_fd_ >= 0) {
    uint64_t one = 1;
    (void)!::write(wake_fd_, &one, sizeof one);
  }
  if (thread_.joinable()) thread_.join();
  for (auto& [fd, w] : waiting_) close_connection(*w.connection);
  waiting_.clear();
  for (auto& item : incoming_) close_connection(*item.first);
  incoming_.clear();
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
  epoll_fd_ = wake_fd_ = -1;
}

void ConnectionGate::admit(int fd) {
  auto connection = std::make_unique<Connection>();
  connection->fd = fd;
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    address_of(addr, connection->peer_ip, connection->peer_port);
  }
  len = sizeof addr;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    address_of(addr, connection->local_ip, connection->local_port);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopping_) {
    ::close(fd);
    return;
  }
  ++counts_[connection->peer_ip];
  ++total_;
  incoming_.emplace_back(std::move(connection), Kind::fresh);
  uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof one);
}

void ConnectionGate::finished(std::unique_ptr<Connection> connection, After after) {
  if (after == After::keep && ++connection->served >= options_.max_requests_per_connection) {
    after = After::close;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (after == After::close || stopping_) {
    close_connection(*connection);
    return;
  }
  incoming_.emplace_back(std::move(connection),
                         after == After::keep ? Kind::resumed : Kind::linger);
  uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof one);
}

size_t ConnectionGate::waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_count_;
}

// Callers hold mutex_, or run after the gate thread ended.
void ConnectionGate::close_connection(Connection& connection) {
  if (connection.fd < 0) return;
  ::shutdown(connection.fd, SHUT_RDWR);
  ::close(connection.fd);
  connection.fd = -1;
  auto it = counts_.find(connection.peer_ip);
  if (it != counts_.end() && --it->second == 0) counts_.erase(it);
  if (total_ > 0) --total_;
}

void ConnectionGate::loop() {
  std::vector<epoll_event> events(256);
  for (;;) {
    int timeout_ms = -1;
    auto now = Clock::now();
    for (const auto& [fd, w] : waiting_) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(w.deadline - now).count();
      int ms = static_cast<int>(std::max<long long>(0, left) + 1);
      if (timeout_ms < 0 || ms < timeout_ms) timeout_ms = ms;
    }
    int n = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), timeout_ms);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
    }
    for (int i = 0; i < n; ++i) {
      int fd = events[static_cast<size_t>(i)].data.fd;
      if (fd == wake_fd_) {
        uint64_t count = 0;
        (void)!::read(wake_fd_, &count, sizeof count);
        take_incoming();
      } else {
        on_readable(fd);
      }
    }
    expire();
  }
}

void ConnectionGate::take_incoming() {
  std::vector<std::pair<std::unique_ptr<Connection>, Kind>> batch;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batch.swap(incoming_);
  }
  for (auto& [connection, kind] : batch) add(std::move(connection), kind);
}

void ConnectionGate::add(std::unique_ptr<Connection> connection, Kind kind) {
  const std::string peer = connection->peer_ip;
  const bool fresh = kind == Kind::fresh;
  if (fresh) {
    std::unique_lock<std::mutex> lock(mutex_);
    // admit() counted this one already: over the cap means more than the cap now.
    while (counts_[peer] > options_.max_per_client || total_ > options_.max_connections) {
      bool per_client = counts_[peer] > options_.max_per_client;
      lock.unlock();
      bool evicted = evict_oldest(per_client ? &peer : nullptr);
      lock.lock();
      if (!evicted) {
        close_connection(*connection);
        return;
      }
    }
  }
  int fd = connection->fd;
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP;
  ev.data.fd = fd;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
    std::lock_guard<std::mutex> lock(mutex_);
    close_connection(*connection);
    return;
  }
  auto now = Clock::now();
  Waiting w;
  w.idle = connection->buffered.empty();
  w.since = now;
  w.deadline = now + std::chrono::milliseconds(fresh || !w.idle ? options_.head_timeout_ms
                                                                 : options_.idle_timeout_ms);
  if (kind == Kind::linger) {
    ::shutdown(fd, SHUT_WR);
    w.lingering = true;
    w.deadline = now + std::chrono::seconds(1);
    connection->buffered.clear();
  }
  w.connection = std::move(connection);
  waiting_[fd] = std::move(w);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_count_ = waiting_.size();
  }
  // A pipelined request may already be whole in what the worker left over.
  if (!waiting_[fd].connection->buffered.empty()) try_dispatch(fd);
}

bool ConnectionGate::evict_oldest(const std::string* peer) {
  auto oldest = waiting_.end();
  for (auto it = waiting_.begin(); it != waiting_.end(); ++it) {
    if (peer && it->second.connection->peer_ip != *peer) continue;
    if (oldest == waiting_.end() || it->second.since < oldest->second.since) oldest = it;
  }
  if (oldest == waiting_.end()) return false;
  close_waiting(oldest->first);
  return true;
}

void ConnectionGate::on_readable(int fd) {
  auto it = waiting_.find(fd);
  if (it == waiting_.end()) return;
  Connection& c = *it->second.connection;
  char buf[16384];
  if (it->second.lingering) {
    ssize_t got = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (got > 0) it->second.discarded += static_cast<size_t>(got);
    bool again = got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
    if ((got <= 0 && !again) || it->second.discarded > (1u << 20)) close_waiting(fd);
    return;
  }
  size_t room = options_.max_head_bytes + 1 > c.buffered.size()
                    ? options_.max_head_bytes + 1 - c.buffered.size()
                    : 1;
  ssize_t got = ::recv(fd, buf, std::min(room, sizeof buf), MSG_DONTWAIT);
  if (got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
    close_waiting(fd);
    return;
  }
  if (got < 0) return;
  c.buffered.append(buf, static_cast<size_t>(got));
  if (it->second.idle) {
    it->second.idle = false;
    it->second.deadline = Clock::now() + std::chrono::milliseconds(options_.head_timeout_ms);
  }
  try_dispatch(fd);
}

void ConnectionGate::try_dispatch(int fd) {
  auto it = waiting_.find(fd);
  if (it == waiting_.end()) return;
  switch (check_head(it->second.connection->buffered, options_)) {
    case HeadState::incomplete:
      return;
    case HeadState::too_large:
      drop(fd, &answer_431());
      return;
    case HeadState::complete:
      break;
  }
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  auto connection = std::move(it->second.connection);
  if (dispatch_(connection)) {
    waiting_.erase(it);
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_count_ = waiting_.size();
    return;
  }
  it->second.connection = std::move(connection);
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP;
  ev.data.fd = fd;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
    close_waiting(fd);
    return;
  }
  drop(fd, &answer_503());
}

void ConnectionGate::drop(int fd, const std::string* answer) {
  auto it = waiting_.find(fd);
  if (it == waiting_.end()) return;
  if (!answer) {
    close_waiting(fd);
    return;
  }
  // One non-blocking send: this thread never waits on a client. The answers are small.
  (void)::send(fd, answer->data(), answer->size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  it->second.lingering = true;
  it->second.connection->buffered.clear();
  it->second.deadline = Clock::now() + std::chrono::seconds(1);
}

void ConnectionGate::close_waiting(int fd) {
  auto it = waiting_.find(fd);
  if (it == waiting_.end()) return;
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  std::lock_guard<std::mutex> lock(mutex_);
  close_connection(*it->second.connection);
  waiting_.erase(it);
  waiting_count_ = waiting_.size();
}

void ConnectionGate::expire() {
  auto now = Clock::now();
  std::vector<std::pair<int, bool>> late;  // (fd, had bytes of a head)
  for (const auto& [fd, w] : waiting_) {
    if (w.deadline <= now) late.emplace_back(fd, !w.idle);
  }
  for (auto [fd, started] : late) {
    auto it = waiting_.find(fd);
    if (it == waiting_.end()) continue;
    if (it->second.lingering || !started) {
      close_waiting(fd);
    } else {
      drop(fd, &answer_408());
    }
  }
}

}  // namespace timpush::server
