#include "harness.h"

#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <random>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/usersig.h"

namespace timpush::test {

namespace fs = std::filesystem;

namespace {

fs::path make_temp_dir() {
  std::random_device device;
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path dir = fs::temp_directory_path() / ("timpush-server-test-" + std::to_string(device()));
    std::error_code ec;
    if (fs::create_directory(dir, ec)) return dir;
  }
  throw std::runtime_error("cannot make a temporary directory");
}

void write_file(const fs::path& path, const std::string& data) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << data;
}

}  // namespace

Harness::Harness(HarnessOptions options) {
  site_ = make_temp_dir();
  if (options.with_site) {
    write_file(site_ / "index.html",
               "<!doctype html><html><head><script src=\"timpush.js\"></script></head>"
               "<body><canvas id=\"canvas\"></canvas></body></html>\n");
    std::string js;
    for (int i = 0; i < 2000; ++i) js += "var value" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
    write_file(site_ / "timpush.js", js);
    // The wasm magic and version, then zeros: compressible, like real wasm's sections.
    std::string wasm("\0asm\1\0\0\0", 8);
    wasm += std::string(4096, '\0');
    write_file(site_ / "timpush.wasm", wasm);
    write_file(site_ / "bridges.css", "body { margin: 0; }\n");
    write_file(site_ / "fonts" / "ui.ttf", std::string(2048, '\x01'));
    write_file(site_ / "icon.png", "\x89PNG\r\n\x1a\n");
  }
  write_file(site_.parent_path() / (site_.filename().string() + "-secret.txt"), "outside\n");

  server::ServeOptions serve;
  serve.host = options.host;
  serve.allow_hosts = options.allow_hosts;
  serve.log = options.log;
  serve.port = 0;
  serve.root = site_;
  serve.threads = 4;
  serve.sandbox.sdkappid = kAppId;
  serve.sandbox.admin = kAdmin;
  serve.sandbox.key = kKey;
  serve.sandbox.key_is_demo = options.key_is_demo;
  serve.sandbox.daily_quota = options.daily_quota;
  serve.relay = options.relay;
  server_ = std::make_unique<server::PageServer>(
      serve, [this] { return now_ms_.load(); }, [this] { return random_ += 0x9e3779b9u; });
  if (auto error = server_->bind()) throw std::runtime_error(*error);
  server_->start();
  client_ = std::make_unique<httplib::Client>(options.host, server_->port());
  client_->set_path_encode(false);
  client_->set_connection_timeout(5, 0);
  client_->set_read_timeout(40, 0);
  client_->set_decompress(false);  // the tests look at the bytes on the wire
}

Harness::~Harness() {
  client_.reset();
  server_.reset();
  std::error_code ec;
  fs::remove(site_.parent_path() / (site_.filename().string() + "-secret.txt"), ec);
  fs::remove_all(site_, ec);
}

std::string Harness::sig(const std::string& identifier, int64_t issued, int64_t expire,
                         uint32_t sdkappid, const std::string& key) const {
  if (issued < 0) issued = now_s() - 60;
  return core::usersig::generate(sdkappid, identifier, key, issued, expire);
}

Params Harness::good_params() const {
  return {{"usersig", sig()},
          {"identifier", kAdmin},
          {"sdkappid", std::to_string(kAppId)},
          {"random", "99999999"},
          {"contenttype", "json"}};
}

std::string Harness::query(const Params& params) {
  std::string out;
  for (const auto& [name, value] : params) {
    out += out.empty() ? "?" : "&";
    out += name + "=" + value;
  }
  return out;
}

httplib::Result Harness::post(const std::string& path_and_query, const std::string& body,
                              const std::string& content_type) {
  return client_->Post(path_and_query.c_str(), body, content_type.c_str());
}

httplib::Result Harness::get(const std::string& path, const httplib::Headers& headers) {
  return client_->Get(path.c_str(), headers);
}

Json Harness::push(const std::string& body, const Params& params, const std::string& api) {
  auto result = post("/sandbox/v4/timpush/" + api + query(params), body);
  if (!result || result->status != 200) return Json();
  Json doc = Json::parse(result->body, nullptr, false);
  return doc.is_discarded() ? Json() : doc;
}

std::string body_with(uint32_t msg_random) { return body_with(msg_random, Json::object()); }

std::string body_with(uint32_t msg_random, const Json& patch) {
  Json doc = Json::object();
  doc["From_Account"] = kAdmin;
  doc["MsgRandom"] = msg_random;
  doc["OfflinePushInfo"] = {{"PushFlag", 0}, {"Title", "title"}, {"Desc", "text"}};
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    if (it.value().is_null()) {
      doc.erase(it.key());
    } else {
      doc[it.key()] = it.value();
    }
  }
  return doc.dump();
}

Params with(Params params, const std::string& name, const std::string& value) {
  for (auto& [n, v] : params) {
    if (n == name) {
      v = value;
      return params;
    }
  }
  params.emplace_back(name, value);
  return params;
}

Params without(Params params, const std::string& name) {
  Params out;
  for (auto& p : params) {
    if (p.first != name) out.push_back(std::move(p));
  }
  return out;
}

std::string raw_exchange(int port, const std::string& request, int timeout_seconds,
                         bool* closed, bool until_close) {
  if (closed) *closed = false;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {};
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return {};
  }
  if (!request.empty()) (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    char buf[4096];
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      if (closed) *closed = true;
      break;
    }
    out.append(buf, static_cast<size_t>(n));
    // Stop at the end of one complete answer (headers plus Content-Length bytes).
    auto end = out.find("\r\n\r\n");
    if (!until_close && end != std::string::npos) {
      auto at = out.find("Content-Length: ");
      if (at != std::string::npos && at < end) {
        size_t length = std::stoul(out.substr(at + 16));
        if (out.size() >= end + 4 + length) break;
      }
    }
  }
  ::close(fd);
  return out;
}

int connect_to(int port, const char* address, const char* source) {
  sockaddr_storage addr{};
  socklen_t len = 0;
  auto* in4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* in6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (inet_pton(AF_INET, address, &in4->sin_addr) == 1) {
    in4->sin_family = AF_INET;
    in4->sin_port = htons(static_cast<uint16_t>(port));
    len = sizeof *in4;
  } else if (inet_pton(AF_INET6, address, &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(static_cast<uint16_t>(port));
    len = sizeof *in6;
  } else {
    return -1;
  }
  int fd = ::socket(addr.ss_family, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  if (source) {
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source, &from.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
      ::close(fd);
      return -1;
    }
  }
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::string stream_exchange(int fd, const std::function<std::string()>& next,
                            int timeout_seconds) {
  std::string out;
  std::string pending;
  bool sending = true;
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    if (sending && pending.empty()) {
      pending = next();
      if (pending.empty()) sending = false;
    }
    pollfd p{fd, static_cast<short>(POLLIN | (sending ? POLLOUT : 0)), 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[4096];
      ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
      sending = false;  // an answer came: the rest would not be read
      continue;
    }
    if (sending && (p.revents & POLLOUT)) {
      ssize_t n = ::send(fd, pending.data(), pending.size(), MSG_NOSIGNAL);
      if (n < 0 && errno != EAGAIN) sending = false;
      if (n > 0) pending.erase(0, static_cast<size_t>(n));
    }
  }
  ::close(fd);
  return out;
}

long rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

}  // namespace timpush::test
