// The CLI's one HTTP client (cpp-httplib lives only in http_client.cpp): a POST or GET of a whole
// URL, with timeouts, the answer capped in size. Failures are values: status 0 and why.
#pragma once

#include <string>

namespace timpush::cli {

struct HttpReply {
  int status = 0;      // 0: no HTTP answer
  std::string body;
  std::string error;   // why there was no answer (English, technical)
};

// url: "http(s)://host[:port]/path?query". The body is sent as application/json.
HttpReply http_post(const std::string& url, const std::string& body, int timeout_seconds = 15);
HttpReply http_get(const std::string& url, int timeout_seconds = 15);

}  // namespace timpush::cli
