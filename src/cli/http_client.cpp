// The CLI's HTTP client on cpp-httplib (http_client.h): the only CLI file that includes it, so it
// is compiled once. HTTPS goes through OpenSSL (tp_httplib defines CPPHTTPLIB_OPENSSL_SUPPORT for
// the relay), with the server's certificate verified by httplib's defaults.
#include "cli/http_client.h"

#include <httplib.h>

namespace timpush::cli {

namespace {

constexpr size_t kMaxAnswerBytes = 4u << 20;

struct Split {
  std::string origin;  // scheme://host[:port]
  std::string target;  // /path?query
};

Split split_url(const std::string& url) {
  const size_t scheme = url.find("://");
  const size_t path = scheme == std::string::npos ? std::string::npos : url.find('/', scheme + 3);
  if (path == std::string::npos) return {url, "/"};
  return {url.substr(0, path), url.substr(path)};
}

template <typename Send>
HttpReply exchange(const std::string& url, int timeout_seconds, Send send) {
  Split parts = split_url(url);
  HttpReply reply;
  httplib::Client client(parts.origin);
  if (!client.is_valid()) {
    reply.error = "cannot make a client for this URL";
    return reply;
  }
  client.set_connection_timeout(timeout_seconds, 0);
  client.set_read_timeout(timeout_seconds, 0);
  client.set_write_timeout(timeout_seconds, 0);
  std::string body;
  bool too_big = false;
  auto receive = [&](const char* data, size_t length) {
    if (body.size() + length > kMaxAnswerBytes) {
      too_big = true;
      return false;
    }
    body.append(data, length);
    return true;
  };
  httplib::Result result = send(client, parts.target, receive);
  if (too_big) {
    reply.error = "the answer is larger than 4 MiB";
    return reply;
  }
  if (!result) {
    reply.error = httplib::to_string(result.error());
    return reply;
  }
  reply.status = result->status;
  reply.body = std::move(body);
  return reply;
}

}  // namespace

HttpReply http_post(const std::string& url, const std::string& body, int timeout_seconds) {
  return exchange(url, timeout_seconds, [&](httplib::Client& client, const std::string& target,
                                            const httplib::ContentReceiver& receive) {
    httplib::Request request;
    request.method = "POST";
    request.path = target;
    request.body = body;
    request.set_header("Content-Type", "application/json");
    request.content_receiver = [receive](const char* data, size_t length, uint64_t, uint64_t) {
      return receive(data, length);
    };
    return client.send(request);
  });
}

HttpReply http_get(const std::string& url, int timeout_seconds) {
  return exchange(url, timeout_seconds, [&](httplib::Client& client, const std::string& target,
                                            const httplib::ContentReceiver& receive) {
    return client.Get(target, receive);
  });
}

}  // namespace timpush::cli
