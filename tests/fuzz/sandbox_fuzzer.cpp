// libFuzzer target: a whole request through Sandbox::handle. Input lines: method, API path,
// query string (URL form: a=b&c=d, percent-escapes decoded here as the server glue would), then
// the body. The clock and random source are fixed, so each input is judged the same way every
// time. Every answer is the service's document; the app's key appears in none unless the request
// held it; a push the sandbox accepted and sees again (same MsgRandom, 2 s later) is the same task.
// The follow-up APIs (statistics, loss, trace) answer the same document shape.
#include <map>
#include <string>

#include "core/json.h"
#include "fuzz_support.h"
#include "server/sandbox.h"

namespace core = timpush::core;
using timpush::server::Sandbox;
using timpush::server::SandboxAnswer;

namespace {
// The key of the seed corpus's UserSigs (made by `timpush sign --time 1767225590`).
const std::string app_key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
constexpr int64_t start_ms = 1767225600000;  // 2026-01-01T00:00:00Z

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
               hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::multimap<std::string, std::string> parse_query(std::string_view query) {
  std::multimap<std::string, std::string> params;
  while (!query.empty()) {
    std::string_view item = query.substr(0, query.find('&'));
    query.remove_prefix(std::min(query.size(), item.size() + 1));
    if (item.empty()) continue;
    size_t eq = item.find('=');
    params.emplace(url_decode(item.substr(0, eq)),
                   eq == std::string_view::npos ? std::string() : url_decode(item.substr(eq + 1)));
  }
  return params;
}

struct Reading {
  int64_t code = -1;
  std::string status;
  std::string task_id;
};

// request: the whole input. The key may come back only if the client itself sent it (an unknown
// API path is named in the answer).
Reading check_answer(const SandboxAnswer& answer, std::string_view request) {
  FUZZ_ENSURE(answer.http_status == 200);
  if (request.find(app_key) == std::string_view::npos)
    FUZZ_ENSURE(answer.body.find(app_key) == std::string::npos);
  core::JsonReadResult read = core::read_json(answer.body);
  FUZZ_ENSURE(read.ok() && read.value.is_object());
  const timpush::Json& doc = read.value;
  FUZZ_ENSURE(doc.contains("ActionStatus") && doc["ActionStatus"].is_string());
  FUZZ_ENSURE(doc.contains("ErrorCode") && doc["ErrorCode"].is_number_integer());
  FUZZ_ENSURE(doc.contains("ErrorInfo") && doc["ErrorInfo"].is_string());
  Reading r;
  r.status = doc["ActionStatus"].get<std::string>();
  r.code = doc["ErrorCode"].get<int64_t>();
  FUZZ_ENSURE((r.status == "OK") == (r.code == 0));
  FUZZ_ENSURE(r.status == "OK" || r.status == "FAIL");
  if (doc.contains("TaskId")) r.task_id = doc["TaskId"].get<std::string>();
  return r;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view request = timpush::fuzz::as_text(data, size);
  auto fields = timpush::fuzz::split_fields(request, 4);
  int64_t now = start_ms;
  timpush::server::SandboxOptions options;
  options.key = app_key;
  options.daily_quota = 3;
  options.world.population = 40;  // a world each input: small, so the fuzzer stays fast
  Sandbox sandbox(options, [&now] { return now; }, [] { return 0x5eed5eedu; });
  auto params = parse_query(fields[2]);

  Reading first = check_answer(sandbox.handle(fields[0], fields[1], params, fields[3]), request);
  now += 2000;
  Reading second = check_answer(sandbox.handle(fields[0], fields[1], params, fields[3]), request);
  bool pushes = fields[1] == "/v4/timpush/push" || fields[1] == "/v4/timpush/batch";
  if (first.code == 0 && pushes) {
    FUZZ_ENSURE(!first.task_id.empty());
    FUZZ_ENSURE(second.code == 0 && second.task_id == first.task_id);
  }
  // The task list's paging reads the same query: any parameters give a JSON answer.
  timpush::server::SandboxAnswer list = sandbox.tasks(params);
  FUZZ_ENSURE(!timpush::Json::parse(list.body, nullptr, false).is_discarded());
  sandbox.app_info();
  // The reach helper reads any body: a count within the world, or a 400.
  SandboxAnswer reach = sandbox.reach(fields[3]);
  FUZZ_ENSURE(reach.http_status == 200 || reach.http_status == 400);
  return 0;
}
