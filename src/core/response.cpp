#include "core/response.h"

#include <algorithm>
#include <cctype>

#include "core/error_catalog.h"
#include "core/json.h"
#include "core/text_util.h"

namespace timpush::core {
namespace {


// Gateways answer with HTML (nginx's "502 Bad Gateway" page, a captive portal's login page).
bool looks_like_html(std::string_view text) {
  std::string head = ascii_lower(text.substr(0, 512));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
         head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
         head.find("<title") != std::string::npos;
}

std::string html_title(std::string_view text) {
  std::string low = ascii_lower(text);
  size_t open = low.find("<title");
  if (open == std::string::npos) return {};
  open = low.find('>', open);
  if (open == std::string::npos) return {};
  size_t close = low.find("</title", open);
  if (close == std::string::npos) return {};
  // Shown in the page and stored in the history: UTF-8 whatever the page's encoding, and short.
  return valid_utf8(utf8_prefix(trim(text.substr(open + 1, close - open - 1)), 200));
}

std::string status_words(int status) {
  return "HTTP " + std::to_string(status);
}

// Catalogue sentences end with their own full stop; summaries add their own punctuation.
std::string without_stop(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  const std::string_view zh_stop = "。";
  if (s.size() >= zh_stop.size() && s.substr(s.size() - zh_stop.size()) == zh_stop)
    s.remove_suffix(zh_stop.size());
  return std::string(s);
}

void summarise_service_answer(PushResponse& r) {
  if (r.kind == ResponseKind::ok) {
    r.summary.en = "Accepted: the push task was created" +
                   (r.task_id ? " (TaskId " + *r.task_id + ")." : std::string("."));
    r.summary.zh = "已受理:推送任务已创建" +
                   (r.task_id ? "(TaskId " + *r.task_id + ")。" : std::string("。"));
    return;
  }
  std::string code = r.error_code ? std::to_string(*r.error_code) : std::string("?");
  const ErrorEntry* entry = r.error_code ? find_error(static_cast<int>(*r.error_code)) : nullptr;
  if (entry) {
    r.summary.en = "Refused with " + code + ": " + without_stop(entry->meaning.en) + ". Fix: " +
                   without_stop(entry->fix.en) + ".";
    r.summary.zh = "被拒绝,错误码 " + code + ":" + without_stop(entry->meaning.zh) + "。处理:" +
                   without_stop(entry->fix.zh) + "。";
  } else {
    r.summary.en = "Refused with " + code + (r.error_info ? ": " + *r.error_info : std::string()) +
                   " (a code this tool does not know).";
    r.summary.zh = "被拒绝,错误码 " + code + (r.error_info ? ":" + *r.error_info : std::string()) +
                   "(本工具未收录该错误码)。";
  }
}

}  // namespace

PushResponse read_push_response(int http_status, std::string_view body) {
  PushResponse r;
  r.http_status = http_status;
  std::string_view text = trim(body);

  if (http_status == 0) {
    r.kind = ResponseKind::no_answer;
    r.summary.en = "No HTTP answer: the network failed, the request timed out, or the browser "
                   "blocked a cross-origin answer (CORS).";
    r.summary.zh = "没有收到 HTTP 应答:网络故障、请求超时,或浏览器拦截了跨域应答(CORS)。";
    return r;
  }
  if (text.empty()) {
    r.kind = ResponseKind::empty;
    r.summary.en = status_words(http_status) + " with an empty body: the service always answers "
                   "with JSON, so something in between (proxy, gateway) answered instead.";
    r.summary.zh = status_words(http_status) + ",应答体为空:服务本身总是返回 JSON,"
                   "应是中间的代理或网关代为应答。";
    return r;
  }

  Json doc = parse_json(text);
  if (doc.is_discarded()) {
    if (looks_like_html(text)) {
      r.kind = ResponseKind::html;
      r.html_title = html_title(text);
      std::string title = r.html_title.empty() ? std::string() : " (\"" + r.html_title + "\")";
      r.summary.en = status_words(http_status) + ": an HTML page" + title +
                     " came back instead of JSON, typically a gateway error. Retry later with "
                     "the same MsgRandom, so a push that did get through is not sent twice.";
      r.summary.zh = status_words(http_status) + ":返回的是 HTML 页面" + title +
                     "而不是 JSON,通常是网关故障。请稍后用相同的 MsgRandom 重试,"
                     "以免已送达的推送被重复发送。";
    } else {
      r.kind = ResponseKind::not_json;
      r.summary.en = status_words(http_status) + ": the answer is not JSON, so it did not come "
                     "from the push service.";
      r.summary.zh = status_words(http_status) + ":应答不是 JSON,并非推送服务的应答。";
    }
    return r;
  }
  if (!doc.is_object()) {
    r.kind = ResponseKind::unexpected;
    r.summary.en = status_words(http_status) + ": JSON that is not an object; not the service's "
                   "answer shape.";
    r.summary.zh = status_words(http_status) + ":JSON 不是对象,不是服务的应答格式。";
    return r;
  }

  // The relay of `timpush serve` explains its own failures with RelayError / RelayErrorZh.
  if (auto relay = get_string(doc, "RelayError")) {
    r.kind = ResponseKind::relay_error;
    r.relay_message = *relay;
    std::string zh = get_string(doc, "RelayErrorZh").value_or(*relay);
    r.summary.en = "The relay could not forward the request: " + *relay;
    r.summary.zh = "中转服务无法转发请求:" + zh;
    return r;
  }

  r.action_status = get_string(doc, "ActionStatus");
  auto code_it = doc.find("ErrorCode");
  if (code_it != doc.end() && code_it->is_number_integer()) r.error_code = code_it->get<int64_t>();
  r.error_info = get_string(doc, "ErrorInfo");
  r.task_id = get_string(doc, "TaskId");
  r.request_id = get_string(doc, "RequestId");

  if (!r.action_status && !r.error_code) {
    r.kind = ResponseKind::unexpected;
    r.summary.en = status_words(http_status) + ": JSON without ActionStatus or ErrorCode; not the "
                   "push service's answer.";
    r.summary.zh = status_words(http_status) + ":JSON 中没有 ActionStatus 或 ErrorCode,"
                   "不是推送服务的应答。";
    return r;
  }
  // A non-zero ErrorCode is a failure even if ActionStatus were to say OK.
  bool ok = r.action_status == std::optional<std::string>("OK") && r.error_code.value_or(0) == 0;
  r.kind = ok ? ResponseKind::ok : ResponseKind::fail;
  summarise_service_answer(r);
  return r;
}

}  // namespace timpush::core
