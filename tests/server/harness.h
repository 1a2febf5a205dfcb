// Runs `timpush serve` in-process on 127.0.0.1 with a free port, a clock the test moves and a
// known key, and talks real HTTP to it. Shared by the server tests; no test logic here.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/json.h"
#include "support/test_files.h"
#include "server/page_server.h"

namespace timpush::test {

// 2026-01-01T00:00:00Z plus half a second: a fixed instant, so answers do not depend on today.
constexpr int64_t kStartMs = 1767225600LL * 1000 + 500;
constexpr uint32_t kAppId = 1400000000;
constexpr const char* kAdmin = "administrator";
constexpr const char* kKey = "5a0a7d1f3c2b4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";

using Params = std::vector<std::pair<std::string, std::string>>;

struct HarnessOptions {
  int daily_quota = 100;
  bool key_is_demo = false;
  bool with_site = true;  // write a small index.html etc.
  server::RelayOptions relay;
  std::string host = "127.0.0.1";          // the address to bind ("::1" for IPv6)
  std::vector<std::string> allow_hosts;    // --allow-host entries
  std::function<void(const std::string&)> log;  // the request log, when a test reads it
};

class Harness {
public:
  explicit Harness(HarnessOptions options = {});
  ~Harness();

  int64_t now_ms() const { return now_ms_.load(); }
  int64_t now_s() const { return now_ms_.load() / 1000; }
  void advance_ms(int64_t ms) { now_ms_ += ms; }

  // A UserSig made by the core's generator (the same code the page and CLI use).
  std::string sig(const std::string& identifier = kAdmin, int64_t issued = -1,
                  int64_t expire = 86400, uint32_t sdkappid = kAppId,
                  const std::string& key = kKey) const;

  // The five URL parameters of a good push request.
  Params good_params() const;
  static std::string query(const Params& params);

  httplib::Result post(const std::string& path_and_query, const std::string& body,
                       const std::string& content_type = "application/json");
  httplib::Result get(const std::string& path, const httplib::Headers& headers = {});
  // POST /sandbox/v4/timpush/<api> with these parameters; the answer's JSON (null on failure).
  Json push(const std::string& body, const Params& params, const std::string& api = "push");
  Json push(const std::string& body) { return push(body, good_params()); }

  httplib::Client& client() { return *client_; }
  server::PageServer& server() { return *server_; }
  const std::filesystem::path& site() const { return site_; }

private:
  std::atomic<int64_t> now_ms_{kStartMs};
  std::atomic<uint32_t> random_{0x1234567u};
  std::filesystem::path site_;
  std::unique_ptr<server::PageServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

// A valid push body: an all-user push with title and text.
std::string body_with(uint32_t msg_random);
// The same, with `patch` merged into the document (RFC 7386 style, one level of objects).
std::string body_with(uint32_t msg_random, const Json& patch);

// Replaces (or adds) one URL parameter; removes one.
Params with(Params params, const std::string& name, const std::string& value);
Params without(Params params, const std::string& name);

// Sends `request` bytes on a fresh TCP connection to 127.0.0.1:port and returns what is read
// until one whole answer came, the server closes, or `timeout_seconds` pass; *closed is set when
// the server closed the connection. With until_close, it reads on until the server closes.
std::string raw_exchange(int port, const std::string& request, int timeout_seconds,
                         bool* closed = nullptr, bool until_close = false);

// A TCP connection to address:port (IPv4 or IPv6 literal) made from source (an IPv4 loopback
// address such as 127.0.0.2, so one test client looks like another machine), or -1.
int connect_to(int port, const char* address = "127.0.0.1", const char* source = nullptr);

// Sends what `next` produces (an empty piece ends it) while watching for an answer, and stops
// sending once one arrives, as a client would that reads while it uploads; then reads until
// close or `timeout_seconds`. Returns what was read.
std::string stream_exchange(int fd, const std::function<std::string()>& next,
                            int timeout_seconds);

// This process's resident memory in kB (VmRSS of /proc/self/status).
long rss_kb();

// Removes // comments outside strings (the product document annotates its examples so).
// strip_line_comments comes from support/test_files.h.

}  // namespace timpush::test
