// Sandbox push throughput as the sandbox's state grows: `timpush serve`'s server in-process on
// 127.0.0.1, pushes over HTTP from one keep-alive client, with a clock that moves 1 s per push
// so every push is accepted (each one grows the dedup memory and the task list). One client,
// because the clock is read before the sandbox's lock: two clients could take the lock in the
// other order and be refused 90024 for a push "1 s before" the last.
//
// Measures the first `window` pushes over HTTP, fills the state by calling the sandbox directly
// (no HTTP, to keep the run short; its first and last `window` calls are measured too), then
// the next `window` pushes over HTTP again. Each figure is the median rate of ten blocks of the
// window, so a burst of other work on a shared machine moves it less than a plain average.
// Run by scripts/bench-server.sh; bounded in count and in time (it gives up after
// --max-seconds).
//
// usage: sandbox_push_bench [--window N] [--fill N] [--max-seconds N]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

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
  uint32_t done = 0;
  long refused = 0;             // anything but ErrorCode 0: the state would not have grown
  std::vector<double> blocks;   // pushes per second of each tenth of the window
  double median() const {
    if (blocks.empty()) return 0;
    std::vector<double> sorted = blocks;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() / 2];
  }
};

// `count` pushes, MsgRandoms from `first` on, each made by push(msg_random), which says
// whether it was accepted.
template <typename Push>
Window measure(uint32_t first, uint32_t count, Clock::time_point give_up, Push push) {
  Window out;
  const uint32_t block = std::max<uint32_t>(1, count / 10);
  auto block_start = Clock::now();
  while (out.done < count && Clock::now() < give_up) {
    if (!push(first + out.done)) ++out.refused;
    ++out.done;
    if (out.done % block == 0) {
      auto now = Clock::now();
      out.blocks.push_back(block / std::chrono::duration<double>(now - block_start).count());
      block_start = now;
    }
  }
  return out;
}

bool accepted(const std::string& answer) {
  return answer.find("\"ErrorCode\":0") != std::string::npos;
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

  httplib::Client client("127.0.0.1", server.port());
  client.set_keep_alive(true);
  // httplib writes headers and body apart: without this each push waits out a delayed ACK.
  client.set_tcp_nodelay(true);
  const std::string path = "/sandbox/v4/timpush/push" + query;
  auto over_http = [&](uint32_t msg_random) {
    auto result = client.Post(path.c_str(), body_for(msg_random), "application/json");
    return result && accepted(result->body);
  };
  const std::multimap<std::string, std::string> params{{"usersig", sig},
                                                       {"identifier", kAdmin},
                                                       {"sdkappid", std::to_string(kAppId)},
                                                       {"random", "1"},
                                                       {"contenttype", "json"}};
  auto direct = [&](uint32_t msg_random) {
    return accepted(
        server.sandbox().handle("POST", "/v4/timpush/push", params, body_for(msg_random)).body);
  };

  const uint32_t middle = fill > 2 * window ? fill - 2 * window : 0;
  Window http_first = measure(0, window, give_up, over_http);
  Window direct_first = measure(window, window, give_up, direct);
  Window direct_middle = measure(2 * window, middle, give_up, direct);
  Window direct_last = measure(2 * window + middle, window, give_up, direct);
  Window http_later = measure(3 * window + middle, window, give_up, over_http);
  server.stop();

  const long refused = http_first.refused + direct_first.refused + direct_middle.refused +
                       direct_last.refused + http_later.refused;
  const uint32_t before_later =
      http_first.done + direct_first.done + direct_middle.done + direct_last.done;
  const bool timed_out = Clock::now() > give_up;
  auto row = [](const char* what, const Window& a, uint32_t a_after, const Window& b,
                uint32_t b_after) {
    std::printf("  %-13s %u after %u: %7.0f pushes/s; %u after %u: %7.0f pushes/s (%.0f%%)\n",
                what, a.done, a_after, a.median(), b.done, b_after, b.median(),
                a.median() > 0 ? 100.0 * b.median() / a.median() : 0.0);
  };
  std::printf("sandbox pushes, median of ten blocks each (all accepted: %s)\n",
              refused == 0 ? "yes" : "NO");
  row("over HTTP:", http_first, 0, http_later, before_later);
  row("direct calls:", direct_first, http_first.done, direct_last,
      2 * window + direct_middle.done);
  if (timed_out) std::printf("  gave up after %ld s: the figures are partial\n", max_seconds);
  return refused == 0 && !timed_out ? 0 : 1;
}
