// The relay forwards the push APIs (v4/timpush/...) to the service's region hosts (reference.md
// section 1) and nothing else, passes status and body through verbatim, and answers a clear 502
// quickly without network, for an answer over 1 MiB and for one that does not end in time.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "harness.h"

using namespace timpush;
using namespace timpush::test;

namespace {

Json json_of(const httplib::Result& result) {
  REQUIRE(result);
  Json doc = Json::parse(result->body, nullptr, false);
  REQUIRE(doc.is_object());
  return doc;
}

// A local HTTPS server posing as console.tim.qq.com, with a certificate made here. Routes are
// added before start(); usable() is false (and the test skips) without openssl.
class TlsUpstream {
public:
  TlsUpstream() {
    namespace fs = std::filesystem;
    dir_ = fs::temp_directory_path() /
           ("timpush-relay-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
    cert_ = (dir_ / "cert.pem").string();
    key_ = (dir_ / "key.pem").string();
    std::string make_cert =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=console.tim.qq.com"
        " -addext subjectAltName=DNS:console.tim.qq.com -keyout " + key_ + " -out " + cert_ +
        " >/dev/null 2>&1";
    if (std::system(make_cert.c_str()) != 0) return;
    server_ = std::make_unique<httplib::SSLServer>(cert_.c_str(), key_.c_str());
  }
  ~TlsUpstream() {
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  bool usable() const { return server_ && server_->is_valid(); }
  httplib::SSLServer& server() { return *server_; }
  // Starts serving; options that send the relay here.
  HarnessOptions start() {
    int port = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    HarnessOptions options;
    options.relay.port = port;
    options.relay.address_override = "127.0.0.1";
    options.relay.ca_file = cert_;
    return options;
  }

private:
  std::filesystem::path dir_;
  std::string cert_, key_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
};

size_t rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
  }
  return 0;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

const std::string kQuery = "?usersig=eJx*ab-c_d_&identifier=admin&sdkappid=1400000000"
                           "&random=4294967295&contenttype=json";

}  // namespace

TEST_CASE("relay: refuses every host that is not a region host of the API (403)") {
  Harness h;
  const std::string q = "?usersig=x&identifier=admin&sdkappid=1&random=1&contenttype=json";
  for (const char* path : {
           "/relay/evil.example.com/v4/timpush/push",
           "/relay/127.0.0.1/v4/timpush/push",
           "/relay/localhost/v4/timpush/push",
           "/relay/console.tim.qq.com:8443/v4/timpush/push",  // no ports
           "/relay/user@console.tim.qq.com/v4/timpush/push",  // no userinfo
           "/relay/console.tim.qq.com.evil.example/v4/timpush/push",
           "/relay/tim.qq.com/v4/timpush/push",
           "/relay/console.tim.qq.com/v5/timpush/push",       // only /v4/
           "/relay/console.tim.qq.com/v4/../admin",
           "/relay/console.tim.qq.com/v4/%2e%2e/admin",
           "/relay/console.tim.qq.com",
           "/relay/http:/console.tim.qq.com/v4/timpush/push",
       }) {
    CAPTURE(path);
    auto result = h.post(std::string(path) + q, "{}");
    REQUIRE(result);
    CHECK(result->status == 403);
    Json doc = json_of(result);
    CHECK_FALSE(doc.value("RelayError", "").empty());
    CHECK_FALSE(doc.value("RelayErrorZh", "").empty());
    CHECK(doc.contains("Host"));
  }
  auto get = h.get("/relay/console.tim.qq.com/v4/timpush/push" + q);
  REQUIRE(get);
  CHECK(get->status == 405);
}

TEST_CASE("relay: a host is taken by its canonical name, lower case and without a trailing dot") {
  auto parsed = server::parse_relay_target("/relay/Console.TIM.qq.com./v4/timpush/push?random=1");
  auto* target = std::get_if<server::RelayTarget>(&parsed);
  REQUIRE(target != nullptr);
  CHECK(target->host == "console.tim.qq.com");
  CHECK(target->path_and_query == "/v4/timpush/push?random=1");
  // Riyadh's host (task-apis.md section 1) is one of the table's; it has no backup to allow.
  auto riyadh = server::parse_relay_target("/relay/adminapiksa.im.qcloud.com/v4/timpush/add_sched_task");
  REQUIRE(std::get_if<server::RelayTarget>(&riyadh) != nullptr);
  CHECK(std::get_if<server::RelayTarget>(&riyadh)->host == "adminapiksa.im.qcloud.com");
  CHECK(std::holds_alternative<server::RelayRefusal>(server::parse_relay_target("/relay//v4/timpush/push")));
  CHECK(std::holds_alternative<server::RelayRefusal>(
      server::parse_relay_target("/relay/adminapiksa.my-imcloud.com/v4/timpush/push")));
  // Only one dot goes: "..." is no name of the table.
  CHECK(std::holds_alternative<server::RelayRefusal>(
      server::parse_relay_target("/relay/console.tim.qq.com../v4/timpush/push")));
}

TEST_CASE("relay: without network a known host gets a quick 502 with the reason") {
  HarnessOptions options;
  // Bounded: whether DNS fails, the connection is refused or it times out, the answer comes
  // within these limits.
  options.relay.resolve_timeout_seconds = 3;
  options.relay.connect_timeout_seconds = 3;
  options.relay.read_timeout_seconds = 5;
  Harness h(options);
  auto start = std::chrono::steady_clock::now();
  auto result = h.post("/relay/adminapisgp.im.qcloud.com/v4/timpush/push?usersig=x&identifier=a"
                       "&sdkappid=1&random=1&contenttype=json",
                       "{}");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(result);
  CHECK(seconds < 15.0);
  Json doc = json_of(result);
  if (result->status == 200 && doc.contains("ErrorCode")) {
    MESSAGE("this machine reached the real service: it answered ErrorCode " << doc["ErrorCode"]);
  } else {
    CHECK(result->status == 502);
    CHECK_FALSE(doc.value("RelayError", "").empty());
    CHECK_FALSE(doc.value("RelayErrorZh", "").empty());
    CHECK(doc.value("Host", "") == "adminapisgp.im.qcloud.com");
  }
}

TEST_CASE("relay: forwards query and body byte for byte over TLS and returns the answer verbatim") {
  std::string seen_target, seen_body, seen_type;
  std::multimap<std::string, std::string> seen_params;
  TlsUpstream upstream;
  if (!upstream.usable()) {
    MESSAGE("openssl is not available: the TLS forwarding test is skipped");
    return;
  }
  upstream.server().Post("/v4/timpush/push", [&](const httplib::Request& req, httplib::Response& res) {
    seen_target = req.target;
    seen_params.clear();
    for (const auto& p : req.params) seen_params.insert(p);
    seen_body = req.body;
    seen_type = req.get_header_value("Content-Type");
    res.set_content("{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"TaskId\":\"t\"}",
                    "application/json");
  });
  upstream.server().Post("/v4/timpush/revoke", [](const httplib::Request&, httplib::Response& res) {
    res.status = 504;
    res.set_content("<html><title>504 Gateway Time-out</title></html>", "text/html");
  });
  HarnessOptions options = upstream.start();
  {
    Harness h(options);
    // UserSigs keep '*', '-' and '_' (reference.md section 4, 70003's fix): they must arrive as sent.
    const std::string& query = kQuery;
    const std::string body = "{\"MsgRandom\":1,\"OfflinePushInfo\":{\"Desc\":\"\xe4\xbd\xa0\xe5\xa5\xbd\"}}";
    auto result = h.post("/relay/console.tim.qq.com/v4/timpush/push" + query, body);
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->body == "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"TaskId\":\"t\"}");
    CHECK(seen_target == "/v4/timpush/push" + query);
    // What the service reads of the query: every value as the page sent it.
    CHECK(seen_params == std::multimap<std::string, std::string>{
                             {"usersig", "eJx*ab-c_d_"}, {"identifier", "admin"},
                             {"sdkappid", "1400000000"}, {"random", "4294967295"}, {"contenttype", "json"}});
    CHECK(seen_body == body);
    CHECK(seen_type == "application/json");
    // A gateway's error page comes back as it is, status included.
    auto gateway = h.post("/relay/console.tim.qq.com/v4/timpush/revoke" + query, "{}");
    REQUIRE(gateway);
    CHECK(gateway->status == 504);
    CHECK(gateway->body == "<html><title>504 Gateway Time-out</title></html>");
  }
  {
    // A certificate the system store does not know is refused.
    HarnessOptions untrusted = options;
    untrusted.relay.ca_file.clear();
    Harness h(untrusted);
    auto result = h.post("/relay/console.tim.qq.com/v4/timpush/push?random=1", "{}");
    REQUIRE(result);
    CHECK(result->status == 502);
    CHECK_FALSE(json_of(result).value("RelayError", "").empty());
  }
}

TEST_CASE("relay: only the push APIs (v4/timpush/...) are forwarded; the rest is refused (403)") {
  std::atomic<int> reached{0};
  TlsUpstream upstream;
  if (!upstream.usable()) {
    MESSAGE("openssl is not available: the test is skipped");
    return;
  }
  upstream.server().Post(".*", [&](const httplib::Request&, httplib::Response& res) {
    ++reached;
    res.set_content("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}",
                    "application/json");
  });
  Harness h(upstream.start());
  for (const char* path : {
           "/v4/im_open_login_svc/account_import",  // REST APIs an admin UserSig also opens
           "/v4/group_open_http_svc/create_group",
           "/v4/openim/sendmsg",
           "/v4/timpush",
           "/v4/timpush/",
           "/v4/timpushx/push",
           "/v4/TIMPUSH/push",
       }) {
    CAPTURE(std::string(path));
    auto result = h.post(std::string("/relay/console.tim.qq.com") + path + kQuery, "{}");
    REQUIRE(result);
    CHECK(result->status == 403);
    Json doc = json_of(result);
    CHECK_FALSE(doc.value("RelayError", "").empty());
    CHECK_FALSE(doc.value("RelayErrorZh", "").empty());
    CHECK(doc.value("Host", "") == "console.tim.qq.com");
  }
  CHECK(reached == 0);
  // The push APIs themselves still go through.
  for (const char* api : {"push", "batch", "revoke"}) {
    CAPTURE(std::string(api));
    auto result = h.post(std::string("/relay/console.tim.qq.com/v4/timpush/") + api + kQuery, "{}");
    REQUIRE(result);
    CHECK(result->status == 200);
  }
  CHECK(reached == 3);
}

TEST_CASE("relay: an answer over 1 MiB is a 502, and is not held in memory") {
  TlsUpstream upstream;
  if (!upstream.usable()) {
    MESSAGE("openssl is not available: the test is skipped");
    return;
  }
  // 256 MiB, made as it is sent, so only the relay could hold it.
  const size_t huge = size_t{256} << 20;
  upstream.server().Post("/v4/timpush/push", [huge](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(huge, "application/json",
                             [](size_t offset, size_t length, httplib::DataSink& sink) {
                               static const std::string block(64 * 1024, 'x');
                               (void)offset;
                               return sink.write(block.data(), std::min(length, block.size()));
                             });
  });
  Harness h(upstream.start());
  const size_t before = rss_kib();
  auto start = std::chrono::steady_clock::now();
  auto result = h.post("/relay/console.tim.qq.com/v4/timpush/push" + kQuery, "{}");
  const double seconds = seconds_since(start);
  REQUIRE(result);
  CHECK(result->status == 502);
  Json doc = json_of(result);
  CHECK(doc.value("RelayError", "").find("1024 KiB") != std::string::npos);
  CHECK_FALSE(doc.value("RelayErrorZh", "").empty());
  CHECK(doc.value("Host", "") == "console.tim.qq.com");
  CHECK(seconds < 15.0);
  // The relay stopped reading at the cap: far less than the answer's size came into memory.
  const size_t after = rss_kib();
  CAPTURE(before);
  CAPTURE(after);
  CHECK(after < before + 64 * 1024);
}

TEST_CASE("relay: an upstream that trickles its answer gets a 502 at the deadline") {
  // Before the upstream, so they outlive its handlers.
  std::mutex mutex;
  std::condition_variable released;
  bool release = false;
  TlsUpstream upstream;
  if (!upstream.usable()) {
    MESSAGE("openssl is not available: the test is skipped");
    return;
  }
  // One byte each 200 ms: every read succeeds quickly, only the overall deadline can end it.
  // The sender stops by itself after 30 s or when the relay hangs up.
  upstream.server().Post("/v4/timpush/push", [](const httplib::Request&, httplib::Response& res) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    res.set_chunked_content_provider(
        "application/json", [until](size_t, httplib::DataSink& sink) {
          if (std::chrono::steady_clock::now() > until) {
            sink.done();
            return true;
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(200));
          return sink.write(" ", 1);
        });
  });
  // A handler that says nothing at all until it is let go.
  upstream.server().Post("/v4/timpush/revoke", [&](const httplib::Request&, httplib::Response& res) {
    std::unique_lock<std::mutex> lock(mutex);
    released.wait_for(lock, std::chrono::seconds(30), [&] { return release; });
    res.set_content("{}", "application/json");
  });
  HarnessOptions options = upstream.start();
  options.relay.deadline_seconds = 2;
  options.relay.read_timeout_seconds = 20;
  {
    Harness h(options);
    for (const char* api : {"push", "revoke"}) {
      CAPTURE(std::string(api));
      auto start = std::chrono::steady_clock::now();
      auto result = h.post(std::string("/relay/console.tim.qq.com/v4/timpush/") + api + kQuery, "{}");
      const double seconds = seconds_since(start);
      REQUIRE(result);
      CHECK(result->status == 502);
      Json doc = json_of(result);
      CHECK_FALSE(doc.value("RelayError", "").empty());
      CHECK_FALSE(doc.value("RelayErrorZh", "").empty());
      CHECK(seconds >= 1.5);
      CHECK(seconds < 2.0 + 4.0);
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    release = true;
  }
  released.notify_all();
}
