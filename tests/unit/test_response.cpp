// Reading what a push returns: the service's JSON (reference.md section 1) and the other things a
// browser may receive instead (gateway HTML pages, empty bodies, relay errors, no answer at all).
#include <doctest/doctest.h>

#include "core/response.h"

using timpush::core::read_push_response;
using timpush::core::ResponseKind;

TEST_CASE("response: success answer of reference.md section 1") {
  // Shape and TaskId format as in reference.md section 1 and the product document's example.
  auto r = read_push_response(
      200, R"({"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"TaskId":"6a5e4d3c_537529d8_2000005e80aa873_d03ac87_56f5e750"})");
  CHECK(r.kind == ResponseKind::ok);
  CHECK(r.ok());
  CHECK(r.http_status == 200);
  REQUIRE(r.task_id);
  CHECK(*r.task_id == "6a5e4d3c_537529d8_2000005e80aa873_d03ac87_56f5e750");
  CHECK(r.error_code == 0);
  CHECK(r.summary.en.find("6a5e4d3c_537529d8") != std::string::npos);
}

TEST_CASE("response: refusal carries code, info and the catalogue's meaning") {
  auto r = read_push_response(200, R"({"ActionStatus":"FAIL","ErrorCode":70009,"ErrorInfo":"sig check failed","RequestId":"req-1"})");
  CHECK(r.kind == ResponseKind::fail);
  CHECK_FALSE(r.ok());
  CHECK(r.error_code == 70009);
  CHECK(r.error_info == std::optional<std::string>("sig check failed"));
  CHECK(r.request_id == std::optional<std::string>("req-1"));
  CHECK_FALSE(r.task_id);
  CHECK(r.summary.en.find("70009") != std::string::npos);
  CHECK(r.summary.zh.find("70009") != std::string::npos);
  // The catalogue's own full stops are not doubled.
  CHECK(r.summary.en.find("..") == std::string::npos);
  CHECK(r.summary.zh.find("。。") == std::string::npos);
}

TEST_CASE("response: a non-zero ErrorCode is a failure whatever ActionStatus says") {
  auto r = read_push_response(200, R"({"ActionStatus":"OK","ErrorCode":90024})");
  CHECK(r.kind == ResponseKind::fail);
}

TEST_CASE("response: an unknown code is still reported with its number") {
  auto r = read_push_response(200, R"({"ActionStatus":"FAIL","ErrorCode":12345678,"ErrorInfo":"x"})");
  CHECK(r.kind == ResponseKind::fail);
  CHECK(r.summary.en.find("12345678") != std::string::npos);
}

TEST_CASE("response: status 0 means no HTTP answer") {
  auto r = read_push_response(0, "");
  CHECK(r.kind == ResponseKind::no_answer);
  CHECK(r.summary.en.find("CORS") != std::string::npos);
}

TEST_CASE("response: empty and blank bodies") {
  CHECK(read_push_response(200, "").kind == ResponseKind::empty);
  CHECK(read_push_response(502, " \r\n ").kind == ResponseKind::empty);
}

TEST_CASE("response: a gateway's HTML 502 page") {
  // The page nginx serves for a failed upstream.
  auto r = read_push_response(502,
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
      "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
  CHECK(r.kind == ResponseKind::html);
  CHECK(r.html_title == "502 Bad Gateway");
  CHECK(r.http_status == 502);
  CHECK(r.summary.en.find("MsgRandom") != std::string::npos);
  CHECK(read_push_response(200, "<!DOCTYPE html><p>login</p>").kind == ResponseKind::html);
}

TEST_CASE("response: a gateway page in GBK still gives UTF-8 words") {
  // "504 网关超时" in GBK: the title's bytes are not UTF-8, so they show as U+FFFD each.
  auto r = read_push_response(504, "<html><title>504 \xCD\xF8\xB9\xD8</title></html>");
  CHECK(r.kind == ResponseKind::html);
  CHECK(r.html_title == "504 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(r.summary.en.find("504 \xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("response: plain text and JSON of the wrong shape") {
  CHECK(read_push_response(200, "upstream connect error").kind == ResponseKind::not_json);
  CHECK(read_push_response(200, "[1,2]").kind == ResponseKind::unexpected);
  CHECK(read_push_response(200, R"({"hello":"world"})").kind == ResponseKind::unexpected);
  // Truncated service JSON is not JSON.
  CHECK(read_push_response(200, R"({"ActionStatus":"OK","Err)").kind == ResponseKind::not_json);
}

TEST_CASE("response: relay errors of timpush serve") {
  auto r = read_push_response(502, R"({"RelayError":"cannot resolve console.tim.qq.com","RelayErrorZh":"无法解析","Host":"console.tim.qq.com"})");
  CHECK(r.kind == ResponseKind::relay_error);
  CHECK(r.relay_message == "cannot resolve console.tim.qq.com");
  CHECK(r.summary.en.find("cannot resolve console.tim.qq.com") != std::string::npos);
  CHECK(r.summary.zh.find("无法解析") != std::string::npos);
}

TEST_CASE("response: fields of the wrong type are ignored, not trusted") {
  auto r = read_push_response(200, R"({"ActionStatus":"FAIL","ErrorCode":"70009","TaskId":5})");
  CHECK(r.kind == ResponseKind::fail);
  CHECK_FALSE(r.error_code);
  CHECK_FALSE(r.task_id);
}
