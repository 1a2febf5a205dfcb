// The relay forwards to the service's region hosts (reference.md section 1) and nothing else,
// passes status and body through verbatim, and answers a clear 502 quickly without network.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
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
  namespace fs = std::filesystem;
  // A local HTTPS server posing as console.tim.qq.com, with a certificate made here.
  fs::path dir = fs::temp_directory_path() / ("timpush-relay-test-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
  std::string make_cert = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=console.tim.qq.com"
                          " -addext subjectAltName=DNS:console.tim.qq.com -keyout " + key +
                          " -out " + cert + " >/dev/null 2>&1";
  if (std::system(make_cert.c_str()) != 0) {
    MESSAGE("openssl is not available: the TLS forwarding test is skipped");
    fs::remove_all(dir);
    return;
  }
  httplib::SSLServer upstream(cert.c_str(), key.c_str());
  REQUIRE(upstream.is_valid());
  std::string seen_target, seen_body, seen_type;
  upstream.Post("/v4/timpush/push", [&](const httplib::Request& req, httplib::Response& res) {
    seen_target = req.target;
    seen_body = req.body;
    seen_type = req.get_header_value("Content-Type");
    res.set_content("{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"TaskId\":\"t\"}",
                    "application/json");
  });
  upstream.Post("/v4/timpush/revoke", [](const httplib::Request&, httplib::Response& res) {
    res.status = 504;
    res.set_content("<html><title>504 Gateway Time-out</title></html>", "text/html");
  });
  int port = upstream.bind_to_any_port("127.0.0.1");
  std::thread upstream_thread([&] { upstream.listen_after_bind(); });

  HarnessOptions options;
  options.relay.port = port;
  options.relay.address_override = "127.0.0.1";
  options.relay.ca_file = cert;
  {
    Harness h(options);
    // UserSigs keep '*', '-' and '_' (reference.md section 4, 70003's fix): they must arrive as sent.
    const std::string query = "?usersig=eJx*ab-c_d_&identifier=admin&sdkappid=1400000000"
                              "&random=4294967295&contenttype=json";
    const std::string body = "{\"MsgRandom\":1,\"OfflinePushInfo\":{\"Desc\":\"\xe4\xbd\xa0\xe5\xa5\xbd\"}}";
    auto result = h.post("/relay/console.tim.qq.com/v4/timpush/push" + query, body);
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(result->body == "{\"ActionStatus\":\"OK\",\"ErrorInfo\":\"\",\"ErrorCode\":0,\"TaskId\":\"t\"}");
    CHECK(seen_target == "/v4/timpush/push" + query);
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
  upstream.stop();
  upstream_thread.join();
  fs::remove_all(dir);
}
