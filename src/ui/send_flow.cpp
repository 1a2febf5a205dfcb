// One push from the Send button to the history (see send_flow.h).
#include "ui/send_flow.h"

#include "core/endpoints.h"
#include "ui/derive.h"
#include "ui/keeping.h"
#include "ui/sched_flow.h"
#include "ui/target.h"

namespace timpush::ui {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

core::UrlParams url_params(const AppState& state) {
  core::UrlParams params;
  params.usersig = state.derived.usersig;
  params.identifier = state.creds.identifier;
  params.sdkappid = state.derived.sdkappid.value_or(0);
  params.random = state.next_url_random;
  return params;
}

}  // namespace

std::optional<Text> send_blocker(const AppState& state) {
  const Derived& d = state.derived;
  if (state.send.in_flight || state.keep.guard.in_flight()) return txt::send_blocked_in_flight;
  if (auto mode = send_mode_blocker(state)) return mode;
  if (state.keep.guard.lock_remaining_ms(now_ms(state)) > 0) return txt::send_blocked_cooling;
  if (d.base_error || d.base_url.empty()) return txt::send_blocked_target;
  if (!d.sdkappid || state.creds.identifier.empty()) return txt::send_blocked_app;
  if (d.usersig.empty()) return txt::send_blocked_usersig;
  if (d.error_count > 0) return txt::send_blocked_errors;
  return std::nullopt;
}

std::string preview_url(const AppState& state, bool reveal) {
  if (state.derived.base_url.empty()) return {};
  std::string url = core::request_url(state.derived.base_url, send_api(state), url_params(state));
  return reveal ? url : mask_usersig_in_url(url, state.derived.usersig);
}

std::string service_url(const AppState& state, std::string_view api, uint32_t random) {
  core::UrlParams params = url_params(state);
  params.random = random;
  return core::request_url(state.derived.base_url, api, params);
}

std::string mask_usersig_in_url(const std::string& url, const std::string& usersig) {
  // Mask whatever follows usersig= up to the next parameter, whether or not it was encoded.
  size_t at = url.find("usersig=");
  if (at == std::string::npos) return url;
  at += 8;
  size_t end = url.find('&', at);
  if (end == std::string::npos) end = url.size();
  std::string shown = usersig.empty() ? std::string() : "****(" + std::to_string(usersig.size()) + ")";
  return url.substr(0, at) + shown + url.substr(end);
}

std::string curl_command(const AppState& state) {
  std::string base = direct_base_url(state);
  if (base.empty()) return {};
  std::string url = core::request_url(base, send_api(state), url_params(state));
  return "curl -sS -X POST " + shell_quote(url) + " -H 'Content-Type: application/json' --data-binary " +
         shell_quote(state.derived.body);
}

bool start_send(AppState& state) {
  if (send_blocker(state)) return false;
  Keeping& k = state.keep;
  // A host this device has not sent to is named and confirmed first (its modal sends again).
  if (std::string host = host_to_confirm(state); !host.empty()) {
    state.view.confirm_host = host;
    state.view.host_confirm_open = true;
    return false;
  }
  const int64_t ms = now_ms(state);
  const uint32_t app = *state.derived.sdkappid;
  core::SendCheck check = k.guard.check(ms, state.derived.report, app, state.view.confirm_typed);
  const bool asks = check.block == core::SendBlock::needs_confirmation || check.block == core::SendBlock::confirmation_mismatch;
  // A test send goes to its named accounts only: never the all-user confirmation.
  const bool test = state.sched.mode == SendMode::test;
  if (asks && !test) {
    state.view.confirm_open = true;  // the modal asks for the SDKAppID; its button sends
    return false;
  }
  if (!check.ok() && !(asks && test)) return false;
  // A retry after a failure whose fate is unknown carries the same MsgRandom, so the server
  // cannot push twice; otherwise the form's (fresh) MsgRandom goes.
  k.plan = k.guard.plan(state.derived.report, app, state.request.msg_random.value_or(0));
  if (k.plan.is_retry && state.request.msg_random != k.plan.msg_random) {
    state.request.msg_random = k.plan.msg_random;
    mark_edited(state);
    refresh_derived(state);
    if (send_blocker(state)) return false;
  }
  if (!k.guard.begin(ms, app, state.request.msg_random.value_or(0), state.derived.report)) return false;
  state.view.confirm_open = false;
  state.view.confirm_typed.clear();
  k.outcome.reset();

  HttpRequest request;
  request.id = state.next_http_id++;
  request.method = "POST";
  request.url = core::request_url(state.derived.base_url, send_api(state), url_params(state));
  request.body = state.derived.body;
  request.content_type = "application/json";
  // The relay waits up to 5 s to connect and 20 s to read: give it time to explain itself.
  bool relayed = state.creds.kind == TargetKind::region && state.creds.via_relay;
  request.timeout_seconds = relayed ? 30 : 15;

  SendFlow& s = state.send;
  s = SendFlow{};
  s.in_flight = true;
  s.request_id = request.id;
  s.started_at = state.input.now_seconds;
  s.timeout_seconds = request.timeout_seconds;
  s.host = region_host(state);
  s.cross_origin = state.origin.empty() || request.url.rfind(state.origin + "/", 0) != 0;
  s.usersig = state.derived.usersig;
  core::SentPush& sent = s.sent;
  sent.url = mask_usersig_in_url(request.url, state.derived.usersig);
  sent.sdkappid = app;
  sent.identifier = state.creds.identifier;
  sent.target = target_of(state.creds);
  sent.msg_random = state.request.msg_random.value_or(0);
  sent.request_body = state.derived.body;
  state.out.http.push_back(std::move(request));
  remember_sent_host(state);
  // `random` must be fresh for every request.
  state.next_url_random = fresh_random_besides(state, state.next_url_random);
  state.view.select_tab = RightTab::response;
  return true;
}

void handle_send_result(AppState& state, const HttpResult& result) {
  SendFlow& s = state.send;
  if (!s.in_flight || result.id != s.request_id) return;  // late answer to a request given up on
  s.in_flight = false;
  s.has_result = true;
  s.result = result;
  s.elapsed = -1;  // measured by the next frame's clock (results arrive between frames)
  s.response = core::read_push_response(result.status, result.body);
  state.view.select_tab = RightTab::response;
  finish_send(state);
}

void check_send_timeout(AppState& state) {
  SendFlow& s = state.send;
  if (!s.in_flight) return;
  if (state.input.now_seconds - s.started_at <= s.timeout_seconds + 5) return;
  s.in_flight = false;
  s.has_result = true;
  s.client_timeout = true;
  s.result = HttpResult{s.request_id, 0, "", "", true};
  s.elapsed = state.input.now_seconds - s.started_at;
  s.response = core::read_push_response(0, "");
  finish_send(state);
}

void finish_send(AppState& state) {
  Keeping& k = state.keep;
  SendFlow& s = state.send;
  k.outcome = k.guard.finish(now_ms(state), state.input.now_unix, s.response);
  s.sent.time = state.input.now_unix;  // the history's time is when the send ended
  core::HistoryEntry entry = core::make_history_entry(s.sent, s.result.status, s.result.body, s.response);
  std::vector<std::string> secrets;
  if (!state.creds.secret_key.empty()) secrets.push_back(state.creds.secret_key);
  if (!s.usersig.empty()) secrets.push_back(s.usersig);
  k.history.add(std::move(entry), secrets);
  write_history(state);
  // A created task makes the next send a new push: fresh MsgRandom. A failure keeps it, so a
  // retry is the same task (the guard insists on it for failures whose fate is unknown).
  if (k.outcome->outcome == core::Outcome::ok && state.renew_msg_random_after_ok) regenerate_msg_random(state);
}

}  // namespace timpush::ui
