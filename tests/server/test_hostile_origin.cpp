// Who may talk to the server: Host must be ours (DNS rebinding), /sandbox and /relay answer only
// their own page (cross-site POST), the log shows no terminal controls, the CSP names exactly the
// region hosts, and fonts revalidate.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>

#include "core/endpoints.h"
#include "harness.h"
#include "server/request_policy.h"

using namespace timpush;
using namespace timpush::test;

namespace {

std::string own_origin(Harness& h) { return "http://127.0.0.1:" + std::to_string(h.server().port()); }

Json json_of(const httplib::Result& result) {
  if (!result) return Json();
  Json doc = Json::parse(result->body, nullptr, false);
  return doc.is_discarded() ? Json() : doc;
}

bool ipv6_loopback_available() {
  int fd = ::socket(AF_INET6, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in6 addr{};
  addr.sin6_family = AF_INET6;
  addr.sin6_addr = in6addr_loopback;
  bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

TEST_CASE("hostile: a foreign Host gets 421 with words; our names and --allow-host pass") {
  HarnessOptions options;
  options.allow_hosts = {"proxy.example", "exact.example:8443"};
  Harness h(options);
  const std::string port = std::to_string(h.server().port());
  auto rebound = h.get("/sandbox/app", {{"Host", "attacker.example:" + port}});
  REQUIRE(rebound);
  CHECK(rebound->status == 421);
  Json doc = json_of(rebound);
  CHECK(doc.contains("Error"));
  CHECK(doc.contains("ErrorZh"));
  CHECK(rebound->body.find("key") == std::string::npos);
  CHECK(h.get("/", {{"Host", "127.0.0.1:1"}})->status == 421);  // our name, another port
  CHECK(h.get("/", {{"Host", "exact.example:9999"}})->status == 421);
  CHECK(raw_exchange(h.server().port(), "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 10)
            .rfind("HTTP/1.1 421", 0) == 0);  // no Host at all
  for (std::string ok : {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port,
                         "[::1]:" + port, std::string("proxy.example"), std::string("proxy.example:443"),
                         std::string("exact.example:8443")}) {
    CAPTURE(ok);
    CHECK(h.get("/", {{"Host", ok}})->status == 200);
  }
}

TEST_CASE("hostile: the server bound to [::1] answers Host [::1]:port") {
  if (!ipv6_loopback_available()) {
    MESSAGE("no IPv6 loopback here: skipped");
    return;
  }
  HarnessOptions options;
  options.host = "::1";
  Harness h(options);
  const std::string port = std::to_string(h.server().port());
  int fd = connect_to(h.server().port(), "::1");
  REQUIRE(fd >= 0);
  std::string reply = stream_exchange(fd, [sent = false, port]() mutable -> std::string {
    if (sent) return {};
    sent = true;
    return "GET / HTTP/1.1\r\nHost: [::1]:" + port + "\r\nConnection: close\r\n\r\n";
  }, 10);
  CHECK(reply.rfind("HTTP/1.1 200", 0) == 0);
  fd = connect_to(h.server().port(), "::1");
  REQUIRE(fd >= 0);
  reply = stream_exchange(fd, [sent = false]() mutable -> std::string {
    if (sent) return {};
    sent = true;
    return "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n";
  }, 10);
  CHECK(reply.rfind("HTTP/1.1 421", 0) == 0);
}

TEST_CASE("hostile: a cross-site POST to /sandbox or /relay is refused; our own page passes") {
  Harness h;
  const std::string path = "/sandbox/v4/timpush/push" + Harness::query(h.good_params());
  // What a form or fetch() on another site sends without a preflight.
  auto cross = h.client().Post(path, {{"Origin", "https://attacker.example"}}, body_with(7),
                               "text/plain");
  REQUIRE(cross);
  CHECK(cross->status == 403);
  Json doc = json_of(cross);
  CHECK(doc.value("ActionStatus", "") == "FAIL");
  CHECK(doc.value("ErrorInfo", "").find("cross-origin") != std::string::npos);
  CHECK(doc.value("ErrorInfo", "").find("跨站") != std::string::npos);
  auto marked = h.client().Post(path, {{"Sec-Fetch-Site", "cross-site"}}, body_with(8),
                                "application/json");
  CHECK(marked->status == 403);
  auto null_origin = h.client().Post(path, {{"Origin", "null"}}, body_with(9), "application/json");
  CHECK(null_origin->status == 403);
  auto relay = h.client().Post("/relay/console.tim.qq.com/v4/timpush/push?random=1",
                               {{"Origin", "https://attacker.example"}}, "{}", "text/plain");
  CHECK(relay->status == 403);
  CHECK(json_of(relay).contains("RelayErrorZh"));
  // The refused pushes did not reach the sandbox.
  CHECK(h.get("/sandbox/tasks")->body.find("TaskId") == std::string::npos);

  auto own = h.client().Post(path, {{"Origin", own_origin(h)}, {"Sec-Fetch-Site", "same-origin"}},
                             body_with(10), "application/json");
  REQUIRE(own);
  CHECK(own->status == 200);
  CHECK(json_of(own).value("ErrorCode", -1) == 0);
}

TEST_CASE("hostile: the log escapes 8-bit CSI, bidi controls and every other non-ASCII byte") {
  CHECK(server::log_escape("a\x9b" "31mb") == "a\\x9b31mb");
  CHECK(server::log_escape("\xe2\x80\xae" "txt") == "\\xe2\\x80\\xaetxt");
  CHECK(server::log_escape("\x1b[2J\\x41") == "\\x1b[2J\\x5cx41");
  CHECK(server::log_escape("/sandbox/app") == "/sandbox/app");

  std::mutex mutex;
  std::vector<std::string> lines;
  HarnessOptions options;
  options.log = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex);
    lines.push_back(line);
  };
  Harness h(options);
  CHECK(h.get("/a%9Bb%E2%80%AEc%1B")->status == 404);
  std::lock_guard<std::mutex> lock(mutex);
  REQUIRE(lines.size() == 1);
  for (char c : lines[0]) {
    auto u = static_cast<unsigned char>(c);
    CHECK((u >= 0x20 && u < 0x7f));
  }
  CHECK(lines[0].find("/a\\x9bb\\xe2\\x80\\xaec\\x1b 404") != std::string::npos);
}

TEST_CASE("static: CSP connect-src is 'self' and exactly the region table's hosts") {
  Harness h;
  std::string csp = h.get("/")->get_header_value("Content-Security-Policy");
  auto start = csp.find("connect-src ");
  REQUIRE(start != std::string::npos);
  auto end = csp.find(';', start);
  std::string connect = csp.substr(start + 12, end - start - 12);
  std::set<std::string> listed;
  std::istringstream in(connect);
  for (std::string item; in >> item;) listed.insert(item);
  std::set<std::string> expected{"'self'"};
  for (const auto& region : core::regions()) {
    expected.insert("https://" + std::string(region.host));
    if (!region.backup_host.empty()) expected.insert("https://" + std::string(region.backup_host));
  }
  CHECK(listed == expected);
  // The 16 hosts of reference.md section 1, Riyadh's one (task-apis.md section 1), and 'self'.
  CHECK(expected.size() == 18);
  CHECK(listed.count("https://") == 0);  // never an empty host
  CHECK(connect.find('*') == std::string::npos);
}

TEST_CASE("static: fonts are revalidated by ETag, so an update shows at once") {
  Harness h;
  auto first = h.get("/fonts/ui.ttf");
  REQUIRE(first);
  CHECK(first->get_header_value("Cache-Control") == "no-cache");
  std::string etag = first->get_header_value("ETag");
  REQUIRE_FALSE(etag.empty());
  CHECK(h.get("/fonts/ui.ttf", {{"If-None-Match", etag}})->status == 304);
}
