// Requests an attacker would send, each refused without reading or keeping what it sends, and a
// normal request right after still answered: Range past the body, bodies over the limit in
// every framing, compressed bodies, too many headers, foreign Host, cross-site calls, log
// escapes; and the page's CSP and font caching.
#include <doctest/doctest.h>

#include <zlib.h>

#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "core/endpoints.h"
#include "harness.h"
#include "server/request_policy.h"

using namespace timpush;
using namespace timpush::test;

namespace {

std::string host_of(Harness& h) { return "127.0.0.1:" + std::to_string(h.server().port()); }

struct Answer {
  int status = 0;
  std::string head;
  std::string body;
};

// Splits a whole exchange read until close into status, head and everything after the head.
Answer parse(const std::string& raw) {
  Answer a;
  auto end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) return a;
  a.status = std::stoi(raw.substr(9, 3));
  a.head = raw.substr(0, end);
  a.body = raw.substr(end + 4);
  return a;
}

std::string header(const Answer& a, const std::string& name) {
  std::istringstream in(a.head);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > name.size() + 1 && line.compare(0, name.size(), name) == 0 &&
        line[name.size()] == ':') {
      auto value = line.substr(name.size() + 1);
      while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
      if (!value.empty() && value.back() == '\r') value.pop_back();
      return value;
    }
  }
  return {};
}

Answer get_closing(Harness& h, const std::string& path, const std::string& extra) {
  return parse(raw_exchange(h.server().port(),
                            "GET " + path + " HTTP/1.1\r\nHost: " + host_of(h) + "\r\n" + extra +
                                "Connection: close\r\n\r\n",
                            10, nullptr, true));
}

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs `attack` on 16 threads at once and returns the RSS growth in MB.
template <typename F>
double rss_growth_mb(F attack) {
  long before = rss_kb();
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) threads.emplace_back(attack);
  for (auto& t : threads) t.join();
  return static_cast<double>(rss_kb() - before) / 1024.0;
}

// A piece generator: `head`, then `total` bytes of body in `piece`-sized parts, each framed.
std::function<std::string()> body_source(std::string head, size_t total, bool chunked) {
  auto sent = std::make_shared<size_t>(0);
  auto started = std::make_shared<bool>(false);
  return [=]() -> std::string {
    if (!*started) {
      *started = true;
      return head;
    }
    if (*sent >= total) return chunked && *sent != SIZE_MAX ? (*sent = SIZE_MAX, "0\r\n\r\n") : "";
    const size_t piece = 64 * 1024;
    *sent += piece;
    std::string data(piece, '{');
    return chunked ? "10000\r\n" + data + "\r\n" : data;
  };
}

}  // namespace

TEST_CASE("hostile: a Range never brings a byte past the body") {
  Harness h;
  SUBCASE("on a 404, 16 at once") {
    for (int i = 0; i < 16; ++i) {
      auto a = get_closing(h, "/nope", "Range: bytes=0-2000000\r\n");
      CHECK(a.status == 404);
      CHECK(a.body.size() == std::stoul(header(a, "Content-Length")));
      CHECK(a.body.size() < 200);
    }
  }
  SUBCASE("on a real file: exact bytes, or the whole file") {
    const std::string js = file_bytes(h.site() / "timpush.js");
    auto a = get_closing(h, "/timpush.js", "Range: bytes=10-19\r\n");
    REQUIRE((a.status == 206 || a.status == 200));
    if (a.status == 206) {
      CHECK(a.body == js.substr(10, 10));
    } else {
      CHECK(a.body == js);
    }
    auto past = get_closing(h, "/timpush.js", "Range: bytes=0-2000000\r\n");
    CHECK(past.body.size() <= js.size());
    CHECK(js.compare(0, past.body.size(), past.body) == 0);
    auto unsatisfiable = get_closing(h, "/timpush.js", "Range: bytes=900000-900010\r\n");
    CHECK((unsatisfiable.status == 416 || unsatisfiable.status == 200));
    if (unsatisfiable.status == 200) {
      CHECK(unsatisfiable.body == js);
    } else {
      CHECK(unsatisfiable.body.size() < 200);
    }
    auto garbled = get_closing(h, "/timpush.js", "Range: bytes=zz\r\n");
    CHECK((garbled.status == 416 || garbled.status == 200));
  }
  CHECK(h.get("/")->status == 200);
}

TEST_CASE("hostile: bodies over 1 MiB are refused in every framing, memory stays bounded") {
  Harness h;
  const std::string target = "POST /sandbox/v4/timpush/push" + Harness::query(h.good_params()) +
                             " HTTP/1.1\r\nHost: " + host_of(h) + "\r\n";
  // 16 clients each sending 8 MiB: 128 MB if the server kept what it reads.
  const size_t each = 8u << 20;
  SUBCASE("chunked") {
    std::atomic<int> refused{0};
    double growth = rss_growth_mb([&] {
      auto out = stream_exchange(connect_to(h.server().port()),
                                 body_source(target + "Transfer-Encoding: chunked\r\n\r\n", each,
                                             true),
                                 20);
      if (parse(out).status == 413) ++refused;
    });
    CHECK(refused == 16);
    CHECK(growth < 100);
  }
  SUBCASE("without a length: 411, since HTTP/1.1 would read it as no body at all") {
    std::atomic<int> refused{0};
    double growth = rss_growth_mb([&] {
      auto out = stream_exchange(connect_to(h.server().port()),
                                 body_source(target + "\r\n", each, false), 20);
      if (parse(out).status == 411) ++refused;
    });
    CHECK(refused == 16);
    CHECK(growth < 100);
  }
  SUBCASE("a Content-Length over the limit: refused before the body") {
    auto out = stream_exchange(connect_to(h.server().port()),
                               body_source(target + "Content-Length: 8388608\r\n\r\n", each,
                                           false),
                               20);
    CHECK(parse(out).status == 413);
  }
  CHECK(h.push(body_with(1)).value("ErrorCode", -1) == 0);
}

TEST_CASE("hostile: a gzip request body is refused with 415, never inflated") {
  Harness h;
  // 64 MiB of spaces deflate to about 64 KB: 16 inflated at once would be 1 GB.
  std::string zipped(128 * 1024, '\0');
  {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string block(1 << 20, ' ');
    z.next_out = reinterpret_cast<Bytef*>(zipped.data());
    z.avail_out = static_cast<uInt>(zipped.size());
    for (int i = 0; i < 64; ++i) {
      z.next_in = reinterpret_cast<Bytef*>(block.data());
      z.avail_in = static_cast<uInt>(block.size());
      REQUIRE(deflate(&z, i == 63 ? Z_FINISH : Z_NO_FLUSH) != Z_STREAM_ERROR);
    }
    zipped.resize(z.total_out);
    deflateEnd(&z);
  }
  const std::string request =
      "POST /sandbox/v4/timpush/push" + Harness::query(h.good_params()) +
      " HTTP/1.1\r\nHost: " + host_of(h) + "\r\nContent-Type: application/json\r\n"
      "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(zipped.size()) +
      "\r\n\r\n" + zipped;
  std::atomic<int> refused{0};
  double growth = rss_growth_mb([&] {
    auto a = parse(raw_exchange(h.server().port(), request, 20, nullptr, true));
    if (a.status == 415 && a.body.find("\"ErrorZh\"") != std::string::npos) ++refused;
  });
  CHECK(refused == 16);
  CHECK(growth < 100);
  CHECK(h.push(body_with(1)).value("ErrorCode", -1) == 0);
}

TEST_CASE("hostile: 3,000 header lines of 4 KB get 431") {
  Harness h;
  std::string line = "X-Filler: " + std::string(4096, 'a') + "\r\n";
  std::atomic<int> refused{0};
  double growth = rss_growth_mb([&] {
    auto lines = std::make_shared<int>(0);
    std::string start = "GET / HTTP/1.1\r\nHost: " + host_of(h) + "\r\n";
    auto out = stream_exchange(connect_to(h.server().port()), [&, lines]() -> std::string {
      int n = (*lines)++;
      if (n == 0) return start;
      return n <= 3000 ? line : std::string();
    }, 20);
    if (parse(out).status == 431) ++refused;
  });
  CHECK(refused == 16);
  CHECK(growth < 100);
  // 65 short lines are too many as well; 40 are fine.
  std::string many, some;
  for (int i = 0; i < 65; ++i) many += "X-N" + std::to_string(i) + ": 1\r\n";
  for (int i = 0; i < 40; ++i) some += "X-N" + std::to_string(i) + ": 1\r\n";
  CHECK(get_closing(h, "/", many).status == 431);
  CHECK(get_closing(h, "/", some).status == 200);
  CHECK(h.get("/")->status == 200);
}
