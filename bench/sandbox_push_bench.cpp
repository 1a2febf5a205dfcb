// Sandbox push throughput as the sandbox's state grows: `timpush serve`'s server in-process on
// 127.0.0.1, pushes over HTTP from one keep-alive client, with a clock that moves 1 s per push
// so every push is accepted (each one grows the dedup memory and the task list). One client,
// because the clock is read before the sandbox's lock: two clients could take the lock in the
// other order and be refused 90024 for a push "1 s before" the last. Measures
// the first 10k pushes, fills the state to 100k by calling the sandbox directly (no HTTP, to
// keep the run short), then measures the next 10k over HTTP again. Run by
// scripts/bench-server.sh; bounded in count and in time (it gives up after --max-seconds).
//
// usage: sandbox_push_bench [--window N] [--fill N] [--max-seconds N]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include <httplib.h>

#include "core/usersig.h"
#include "server/page_server.h"

namespace {

using namespace timpush;
using Clock = std::chrono::steady_clock;

constexpr uint32_t kAppId = 1400000000;
constexpr const char* kAdmin = "administrator";
constexpr const char* kKey = "bench-key-0123456789abcdef0123456789abcdef0123456789abcdef01234567";
constexpr int64_t kStartMs = 1767225600LL * 1000;  // 2026-01-01T00:00:00Z

std::string body_for(uint32_t msg_random) {
  return "{\"From_Account\":\"administrator\",\"MsgRandom\":" + std::to_string(msg_random) +
         ",\"OfflinePushInfo\":{\"PushFlag\":0,\"Title\":\"bench\",\"Desc\":\"load test\"}}";
}

struct Window {
  double seconds = 0;
  long refused = 0;  // anything but ErrorCode 0: would mean the state did not grow
};

// `count` pushes over HTTP, MsgRandoms from `first` on.
Window over_http(int port, const std::string& query, uint32_t first, uint32_t count,
                 Clock::time_point give_up) {
  httplib::Client client("127.0.0.1", port);
  client.set_keep_alive(true);
  Window out;
  auto start = Clock::now();
  for (uint32_t i = 0; i < count && Clock::now() < give_up; ++i) {
    auto result = client.Post(("/sandbox/v4/timpush/push" + query).c_str(), body_for(first + i),
                              "application/json");
    if (!result || result->body.find("\"ErrorCode\":0") == std::string::npos) ++out.refused;
  }
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return out;
}

long arg(int argc, char** argv, const char* name, long fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], name) == 0) return std::strtol(argv[i + 1], nullptr, 10);
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const auto window = static_cast<uint32_t>(arg(argc, argv, "--window", 10000));
  const auto fill = static_cast<uint32_t>(arg(argc, argv, "--fill", 90000));
  const long max_seconds = arg(argc, argv, "--max-seconds", 300);
  const auto give_up = Clock::now() + std::chrono::seconds(max_seconds);

  std::atomic<int64_t> now_ms{kStartMs};
  std::atomic<uint32_t> random{1};
  server::ServeOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.root = "/nonexistent-timpush-bench-site";
  options.threads = 4;
  options.sandbox.sdkappid = kAppId;
  options.sandbox.admin = kAdmin;
  options.sandbox.key = kKey;
  options.sandbox.daily_quota = 1000000000;
  // One call of the clock per push (after the URL checks): each push is 1 s after the last.
  server::PageServer server(
      options, [&] { return now_ms += 1000; }, [&] { return random += 0x9e3779b9u; });
  if (auto error = server.bind()) {
    std::fprintf(stderr, "sandbox_push_bench: %s\n", error->c_str());
    return 2;
  }
  server.start();
  // Valid for 180 days of the moving clock.
  const std::string sig = core::usersig::generate(kAppId, kAdmin, kKey, kStartMs / 1000 - 60,
                                                  180LL * 86400);
  const std::string query = "?usersig=" + sig + "&identifier=administrator&sdkappid=" +
                            std::to_string(kAppId) + "&random=1&contenttype=json";

  Window first = over_http(server.port(), query, 0, window, give_up);

  std::multimap<std::string, std::string> params{{"usersig", sig},
                                                 {"identifier", kAdmin},
                                                 {"sdkappid", std::to_string(kAppId)},
                                                 {"random", "1"},
                                                 {"contenttype", "json"}};
  long fill_refused = 0;
  auto fill_start = Clock::now();
  for (uint32_t i = 0; i < fill && Clock::now() < give_up; ++i) {
    auto answer = server.sandbox().handle("POST", "/v4/timpush/push", params,
                                          body_for(window + i));
    if (answer.body.find("\"ErrorCode\":0") == std::string::npos) ++fill_refused;
  }
  const double fill_seconds = std::chrono::duration<double>(Clock::now() - fill_start).count();

  Window later = over_http(server.port(), query, window + fill, window, give_up);
  server.stop();

  const bool timed_out = Clock::now() > give_up;
  const double first_rate = window / first.seconds;
  const double later_rate = window / later.seconds;
  std::printf("sandbox pushes over HTTP (one keep-alive client, all accepted: %s)\n",
              first.refused + later.refused + fill_refused == 0 ? "yes" : "NO");
  std::printf("  first %u:            %8.0f pushes/s\n", window, first_rate);
  std::printf("  %u after %u:   %8.0f pushes/s (%.0f%% of the first)\n", window, window + fill,
              later_rate, 100.0 * later_rate / first_rate);
  std::printf("  fill of %u direct calls: %.1f s (%.0f calls/s)\n", fill, fill_seconds,
              fill / fill_seconds);
  if (timed_out) std::printf("  gave up after %ld s: the figures are partial\n", max_seconds);
  return first.refused + later.refused + fill_refused == 0 && !timed_out ? 0 : 1;
}
