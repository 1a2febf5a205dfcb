// Clients that hold connections instead of sending requests: slow header senders and idle
// connections. They are dropped at their deadlines, never hold a worker, and a normal GET made
// meanwhile is answered at once.
#include <doctest/doctest.h>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// A GET / on a fresh connection; its time in seconds, or a negative number when it failed.
double timed_get(Harness& h) {
  auto start = Clock::now();
  auto result = h.get("/");
  if (!result || result->status != 200) return -1;
  return seconds_since(start);
}

bool closed_by_server(int fd) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 0) <= 0) return false;
  char buf[512];
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n == 0) return true;
    if (n < 0) return errno != EAGAIN;
  }
}

}  // namespace

TEST_CASE("hostile: slow header senders are dropped and do not stall a normal GET") {
  Harness h;  // 4 workers: 16 slow clients would stall it if each held one
  const std::string host = "127.0.0.1:" + std::to_string(h.server().port());
  std::vector<int> slow;
  for (int i = 0; i < 16; ++i) {
    int fd = connect_to(h.server().port(), "127.0.0.1", "127.0.0.2");
    REQUIRE(fd >= 0);
    slow.push_back(fd);
  }
  auto start = Clock::now();
  std::vector<double> gets;
  for (int step = 0; step < 3; ++step) {  // a header line at 0, 2.5 and 5 s
    for (int fd : slow) {
      std::string line = step == 0 ? "GET / HTTP/1.1\r\n" : "X-Slow: " + std::to_string(step) + "\r\n";
      (void)::send(fd, line.data(), line.size(), MSG_NOSIGNAL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    gets.push_back(timed_get(h));
    std::this_thread::sleep_for(std::chrono::milliseconds(2000));
  }
  // The head deadline is 5 s from the first byte: by 6 s every slow client is gone.
  while (seconds_since(start) < 6.0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  int dropped = 0;
  for (int fd : slow) {
    if (closed_by_server(fd)) ++dropped;
    ::close(fd);
  }
  CHECK(dropped == 16);
  for (double t : gets) {
    CHECK(t >= 0);
    CHECK(t < 1.0);
  }
  CHECK(h.server().waiting_connections() <= 1);
}

TEST_CASE("hostile: 100 idle connections do not delay a GET, and are capped per address") {
  Harness h;
  long before = rss_kb();
  std::vector<int> idle;
  for (int i = 0; i < 100; ++i) {
    int fd = connect_to(h.server().port());  // the same address as the normal client
    REQUIRE(fd >= 0);
    idle.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // At most 64 of one address are kept; the longest waiting make room for newcomers.
  CHECK(h.server().waiting_connections() <= 64);
  for (int i = 0; i < 5; ++i) {
    double t = timed_get(h);
    CHECK(t >= 0);
    CHECK(t < 0.5);
  }
  CHECK((rss_kb() - before) / 1024 < 100);
  for (int fd : idle) ::close(fd);
}

TEST_CASE("hostile: an idle kept-alive connection is closed after its idle time, a busy one is not") {
  Harness h;
  const std::string host = "127.0.0.1:" + std::to_string(h.server().port());
  int fd = connect_to(h.server().port());
  REQUIRE(fd >= 0);
  std::string request = "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
  // Two requests on one connection, pipelined: both answered.
  std::string two = request + request;
  REQUIRE(::send(fd, two.data(), two.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(two.size()));
  std::string got;
  auto start = Clock::now();
  while (seconds_since(start) < 3.0) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) > 0) {
      char buf[4096];
      ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
    }
    size_t answers = 0;
    for (size_t at = got.find("HTTP/1.1 200"); at != std::string::npos;
         at = got.find("HTTP/1.1 200", at + 1)) {
      ++answers;
    }
    if (answers == 2) break;
  }
  CHECK(got.find("HTTP/1.1 200") != got.rfind("HTTP/1.1 200"));
  // Then it idles: closed after the 3 s keep-alive, well before the 5 s head deadline.
  start = Clock::now();
  bool closed = false;
  while (seconds_since(start) < 6.0 && !closed) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    closed = closed_by_server(fd);
  }
  CHECK(closed);
  CHECK(seconds_since(start) > 2.5);
  CHECK(seconds_since(start) < 4.5);
  ::close(fd);
}
