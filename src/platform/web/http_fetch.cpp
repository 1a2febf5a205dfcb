#include "platform/web/http_fetch.h"

#include <cstring>
#include <memory>
#include <string>

#include <emscripten.h>
#include <emscripten/fetch.h>

namespace timpush::web {

namespace {

// Everything emscripten_fetch points at must live until the answer comes.
struct Pending {
  ui::HttpRequest request;
  std::vector<const char*> headers;
  double started_ms = 0;
};

std::vector<ui::HttpResult> g_results;
std::function<void()> g_wake;

void finish(emscripten_fetch_t* fetch) {
  std::unique_ptr<Pending> pending(static_cast<Pending*>(fetch->userData));
  ui::HttpResult result;
  result.id = pending->request.id;
  result.status = fetch->status;
  result.status_text = fetch->statusText;
  if (fetch->data && fetch->numBytes > 0)
    result.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
  // XHR reports a timeout and a refused connection alike (status 0); the elapsed time tells them
  // apart.
  const double elapsed_ms = emscripten_get_now() - pending->started_ms;
  result.timed_out = result.status == 0 &&
                     elapsed_ms >= pending->request.timeout_seconds * 1000.0 * 0.98;
  if (result.status == 0 && result.status_text.empty())
    result.status_text = result.timed_out ? "timeout" : "network error";
  emscripten_fetch_close(fetch);
  g_results.push_back(std::move(result));
  if (g_wake) g_wake();
}

}  // namespace

void http_start(const ui::HttpRequest& request) {
  auto pending = std::make_unique<Pending>();
  pending->request = request;
  pending->started_ms = emscripten_get_now();
  const ui::HttpRequest& req = pending->request;

  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strncpy(attr.requestMethod, req.method.c_str(), sizeof(attr.requestMethod) - 1);
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
  if (req.method != "GET" && req.method != "HEAD") {
    attr.requestData = req.body.data();
    attr.requestDataSize = req.body.size();
    pending->headers = {"Content-Type", req.content_type.c_str()};
  }
  pending->headers.push_back(nullptr);
  attr.requestHeaders = pending->headers.data();
  attr.timeoutMSecs = static_cast<unsigned long>(req.timeout_seconds > 0 ? req.timeout_seconds * 1000.0 : 0);
  attr.onsuccess = finish;
  attr.onerror = finish;
  attr.userData = pending.get();
  if (emscripten_fetch(&attr, req.url.c_str())) {
    pending.release();  // owned by the callback now
  } else {
    ui::HttpResult result;
    result.id = req.id;
    result.status_text = "request could not be started";
    g_results.push_back(std::move(result));
    if (g_wake) g_wake();
  }
}

std::vector<ui::HttpResult> http_take_results() {
  std::vector<ui::HttpResult> out;
  out.swap(g_results);
  return out;
}

void http_set_wake(std::function<void()> wake) { g_wake = std::move(wake); }

}  // namespace timpush::web
