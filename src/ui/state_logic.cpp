#include "ui/state_logic.h"

#include "ui/keeping.h"

#include <cctype>
#include <cstdlib>

#include "core/audience.h"
#include "core/endpoints.h"
#include "core/text_util.h"

namespace timpush::ui {
namespace {

constexpr Text relay_needs_server{
    "The relay needs the page served by `timpush serve` (it was opened from a file).",
    "中转需要由 `timpush serve` 提供页面(当前页面来自本地文件)。"};
constexpr Text unknown_region{"Unknown region.", "未知地域。"};

std::string trim(const std::string& s) { return std::string(core::trim(s)); }

const core::Region* chosen_region(const AppState& state) {
  return core::find_region(state.creds.region_id);
}

std::string region_host(const AppState& state) {
  const core::Region* region = chosen_region(state);
  if (!region) return {};
  return std::string(state.creds.backup_host ? region->backup_host : region->host);
}

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

std::optional<uint32_t> parse_sdkappid(const std::string& text) {
  std::optional<uint32_t> v = core::parse_uint32(core::trim(text));
  if (v == 0u) return std::nullopt;
  return v;
}

BaseUrl base_url(const AppState& state) {
  BaseUrl out;
  const Credentials& c = state.creds;
  switch (c.target) {
    case TargetKind::sandbox:
      if (state.origin.empty()) out.error = tr(state.lang, txt::sandbox_no_origin);
      else out.base = state.origin + "/sandbox";
      break;
    case TargetKind::region: {
      std::string host = region_host(state);
      if (host.empty()) {
        out.error = tr(state.lang, unknown_region);
      } else if (c.via_relay) {
        if (state.origin.empty()) out.error = tr(state.lang, relay_needs_server);
        else out.base = state.origin + "/relay/" + host;
      } else {
        out.base = "https://" + host;
      }
      break;
    }
    case TargetKind::custom: {
      std::string base = trim(c.custom_base);
      if (auto problem = core::check_base_url(base)) {
        out.error = tr(state.lang, *problem);
      } else {
        while (!base.empty() && base.back() == '/') base.pop_back();
        out.base = base;
      }
      break;
    }
  }
  return out;
}

std::string direct_base_url(const AppState& state) {
  if (state.creds.target == TargetKind::region) {
    std::string host = region_host(state);
    if (!host.empty()) return "https://" + host;
  }
  return base_url(state).base;
}

void refresh_usersig(AppState& state) {
  const Credentials& c = state.creds;
  std::optional<uint32_t> app = parse_sdkappid(c.sdkappid_text);
  int64_t now = state.input.now_unix;
  if (c.sig_source == SigSource::key) {
    int64_t expire = static_cast<int64_t>(c.validity_days) * 86400;
    uint32_t app_value = app.value_or(0);
    bool inputs_changed = state.sig.sdkappid != app_value || state.sig.identifier != c.identifier ||
                          state.sig.key != c.secret_key || state.sig.expire != expire;
    bool expired = !state.sig.usersig.empty() && state.sig.decoded.decoded &&
                   now > state.sig.decoded.decoded->expires_at();
    if (inputs_changed || expired) {
      state.sig.sdkappid = app_value;
      state.sig.identifier = c.identifier;
      state.sig.key = c.secret_key;
      state.sig.expire = expire;
      state.sig.usersig.clear();
      state.sig.decoded = {};
      if (app && !c.identifier.empty() && !c.secret_key.empty() && expire > 0) {
        state.sig.usersig = core::usersig::generate(*app, c.identifier, c.secret_key, now, expire);
        state.sig.decoded = core::usersig::decode(state.sig.usersig);
      }
    }
  } else {
    std::string pasted = trim(c.pasted_usersig);
    uint32_t app_value = app.value_or(0);
    if (state.pasted.usersig != pasted || state.pasted.sdkappid != app_value ||
        state.pasted.identifier != c.identifier || state.pasted.now != now) {
      state.pasted.usersig = pasted;
      state.pasted.sdkappid = app_value;
      state.pasted.identifier = c.identifier;
      state.pasted.now = now;
      state.pasted.verdict = core::usersig::verify(pasted, app_value, c.identifier, std::nullopt, now);
    }
  }
}

void refresh_derived(AppState& state) {
  refresh_usersig(state);
  Derived& d = state.derived;
  BaseUrl base = base_url(state);
  d.base_url = base.base;
  d.base_error = base.error;
  d.sdkappid = parse_sdkappid(state.creds.sdkappid_text);
  d.usersig = state.creds.sig_source == SigSource::key ? state.sig.usersig
                                                       : trim(state.creds.pasted_usersig);

  bool raw_broken = state.raw.active && !state.raw.parses;
  std::string body = raw_broken ? state.raw.text : core::serialize_body(state.request);
  // Checks carry both languages, so only a new body needs new checks.
  if (body == state.derived_for && !d.body.empty()) return;
  state.derived_for = body;
  d.body = body;
  d.pretty = raw_broken ? state.raw.text : core::serialize_pretty(state.request);
  d.report = core::validate_body(d.body);
  d.error_count = 0;
  d.warning_count = 0;
  for (const auto& issue : d.report.issues) {
    if (issue.severity == core::Severity::error) ++d.error_count;
    else ++d.warning_count;
  }
}

Audience infer_audience(const core::PushRequest& request) {
  if (!request.condition) return Audience::all;
  const core::Condition& c = *request.condition;
  if (c.attrs_and || c.attrs_or) return Audience::attrs;
  if (c.tags_and || c.tags_or || c.tags_not) return Audience::tags;
  return Audience::all;
}

void set_audience(AppState& state, Audience audience) {
  state.audience = audience;
  auto& cond = state.request.condition;
  if (audience == Audience::all) {
    cond.reset();
    return;
  }
  if (!cond) return;
  if (audience == Audience::tags) {
    cond->attrs_and.reset();
    cond->attrs_or.reset();
  } else {
    cond->tags_and.reset();
    cond->tags_or.reset();
    cond->tags_not.reset();
  }
  if (core::is_blank(*cond)) cond.reset();
}

void apply_raw_text(AppState& state) {
  core::ParsedRequest parsed = core::parse_push_request(state.raw.text);
  if (parsed.request) {
    state.request = std::move(*parsed.request);
    state.audience = infer_audience(state.request);
    state.raw.parses = true;
    state.raw.error = {};
    return;
  }
  // The checks of the next frame validate this text as the body (refresh_derived).
  state.raw.parses = false;
  state.raw.error = parsed.error;
}

const core::Issue* raw_json_error(const AppState& state) {
  if (!state.raw.active || state.raw.parses) return nullptr;
  for (const core::Issue& issue : state.derived.report.issues)
    if (issue.code == 90001 && issue.line > 0) return &issue;
  return nullptr;
}

void go_to_raw_error(AppState& state) {
  const core::Issue* issue = raw_json_error(state);
  if (!issue) return;
  state.raw.caret_to = static_cast<int>(core::text_offset(state.raw.text, {issue->line, issue->column}));
}

void enter_raw_mode(AppState& state) {
  state.raw.active = true;
  state.raw.text = core::serialize_pretty(state.request);
  state.raw.parses = true;
  state.raw.error = {};
}

std::optional<Text> send_blocker(const AppState& state) {
  const Derived& d = state.derived;
  if (state.send.in_flight || state.keep.guard.in_flight()) return txt::send_blocked_in_flight;
  if (state.keep.guard.lock_remaining_ms(now_ms(state)) > 0) return txt::send_blocked_cooling;
  if (d.base_error || d.base_url.empty()) return txt::send_blocked_target;
  if (!d.sdkappid || state.creds.identifier.empty()) return txt::send_blocked_app;
  if (d.usersig.empty()) return txt::send_blocked_usersig;
  if (d.error_count > 0) return txt::send_blocked_errors;
  return std::nullopt;
}

std::string preview_url(const AppState& state, bool reveal) {
  if (state.derived.base_url.empty()) return {};
  std::string url = core::push_url(state.derived.base_url, url_params(state));
  return reveal ? url : mask_usersig_in_url(url, state.derived.usersig);
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
  std::string url = core::push_url(base, url_params(state));
  return "curl -sS -X POST " + shell_quote(url) + " -H 'Content-Type: application/json' --data-binary " +
         shell_quote(state.derived.body);
}

bool start_send(AppState& state) {
  if (send_blocker(state)) return false;
  Keeping& k = state.keep;
  // A host this device has not sent to is named and confirmed first (its modal sends again).
  if (std::string host = host_to_confirm(state); !host.empty()) {
    k.confirm_host = host;
    k.host_confirm_open = true;
    return false;
  }
  const int64_t ms = now_ms(state);
  const uint32_t app = *state.derived.sdkappid;
  core::SendCheck check = k.guard.check(ms, state.derived.body, app, k.confirm_typed);
  if (check.block == core::SendBlock::needs_confirmation || check.block == core::SendBlock::confirmation_mismatch) {
    k.confirm_open = true;  // the modal asks for the SDKAppID; its button sends
    return false;
  }
  if (!check.ok()) return false;
  // A retry after a failure whose fate is unknown carries the same MsgRandom, so the server
  // cannot push twice; otherwise the form's (fresh) MsgRandom goes.
  k.plan = k.guard.plan(state.derived.body, app, state.request.msg_random.value_or(0));
  if (k.plan.is_retry && state.request.msg_random != k.plan.msg_random) {
    state.request.msg_random = k.plan.msg_random;
    refresh_derived(state);
    if (send_blocker(state)) return false;
  }
  if (!k.guard.begin(ms, app, state.request.msg_random.value_or(0), state.derived.body)) return false;
  k.confirm_open = false;
  k.confirm_typed.clear();
  k.outcome.reset();
  k.sending_sdkappid = app;
  k.sending_body = state.derived.body;
  k.sending_usersig = state.derived.usersig;
  k.sending_target = target_of(state.creds);
  k.sending_identifier = state.creds.identifier;

  HttpRequest request;
  request.id = state.next_http_id++;
  request.method = "POST";
  request.url = core::push_url(state.derived.base_url, url_params(state));
  request.body = state.derived.body;
  request.content_type = "application/json";
  // The relay waits up to 5 s to connect and 20 s to read: give it time to explain itself.
  bool relayed = state.creds.target == TargetKind::region && state.creds.via_relay;
  request.timeout_seconds = relayed ? 30 : 15;

  SendFlow& s = state.send;
  s = SendFlow{};
  s.in_flight = true;
  s.request_id = request.id;
  s.started_at = state.input.now_seconds;
  s.timeout_seconds = request.timeout_seconds;
  s.url_masked = mask_usersig_in_url(request.url, state.derived.usersig);
  s.host = state.creds.target == TargetKind::region ? region_host(state) : std::string();
  s.cross_origin = state.origin.empty() || request.url.rfind(state.origin + "/", 0) != 0;
  s.msg_random = state.request.msg_random.value_or(0);

  k.sending_url = s.url_masked;  // only its base and path are recorded
  state.queued_http.push_back(std::move(request));
  remember_sent_host(state);
  // `random` must be fresh for every request.
  uint32_t next = state.input.fresh_random;
  if (next == state.next_url_random) next ^= 0x9E3779B9u;
  state.next_url_random = next;
  state.select_tab = RightTab::response;
  return true;
}

void queue_sandbox_app_request(AppState& state) {
  if (state.origin.empty()) {
    state.sandbox.status = SandboxApp::Status::no_origin;
    return;
  }
  HttpRequest request;
  request.id = state.next_http_id++;
  request.method = "GET";
  request.url = state.origin + "/sandbox/app";
  request.content_type.clear();
  request.timeout_seconds = 10;
  state.sandbox.status = SandboxApp::Status::loading;
  state.sandbox.request_id = request.id;
  state.queued_http.push_back(std::move(request));
}

namespace {

void handle_sandbox_app(AppState& state, const HttpResult& result) {
  SandboxApp& sb = state.sandbox;
  if (result.status != 200) {
    sb.status = SandboxApp::Status::failed;
    sb.failure = result.status == 0 ? Words(result.timed_out ? txt::sandbox_timed_out : txt::sandbox_no_answer)
                                    : core::same("HTTP " + std::to_string(result.status));
    return;
  }
  Json doc = core::parse_json(result.body);
  auto app = doc.is_object() ? doc.find("sdkappid") : doc.end();
  auto id = doc.is_object() ? doc.find("identifier") : doc.end();
  if (!doc.is_object() || app == doc.end() || !app->is_number_unsigned() || id == doc.end() ||
      !id->is_string()) {
    sb.status = SandboxApp::Status::failed;
    sb.failure = txt::sandbox_unexpected;
    return;
  }
  sb.status = SandboxApp::Status::loaded;
  auto demo = doc.find("key_is_demo");
  sb.key_is_demo = demo != doc.end() && demo->is_boolean() && demo->get<bool>();
  auto key = doc.find("key");
  sb.has_key = key != doc.end() && key->is_string();
  // Only fill fields the user has not started on.
  Credentials& c = state.creds;
  if (c.target != TargetKind::sandbox) return;
  if (c.sdkappid_text.empty()) c.sdkappid_text = std::to_string(app->get<uint64_t>());
  if (c.identifier.empty() || c.identifier == "administrator") c.identifier = id->get<std::string>();
  if (sb.has_key && c.secret_key.empty()) c.secret_key = key->get<std::string>();
}

}  // namespace

void handle_http_result(AppState& state, const HttpResult& result) {
  if (state.sandbox.status == SandboxApp::Status::loading && result.id == state.sandbox.request_id) {
    handle_sandbox_app(state, result);
    return;
  }
  SendFlow& s = state.send;
  if (!s.in_flight || result.id != s.request_id) return;  // late answer to a request given up on
  s.in_flight = false;
  s.has_result = true;
  s.result = result;
  s.elapsed = -1;  // measured by the next frame's clock (results arrive between frames)
  s.response = core::read_push_response(result.status, result.body);
  state.select_tab = RightTab::response;
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

void regenerate_msg_random(AppState& state) {
  uint32_t value = state.input.fresh_random;
  if (state.request.msg_random && *state.request.msg_random == value) value ^= 0x5BD1E995u;
  if (value == 0) value = 1;
  state.request.msg_random = value;
}

void note(AppState& state, const Text& text, double seconds) {
  state.status_note = tr(state.lang, text);
  state.status_note_until = state.input.now_seconds + seconds;
}

}  // namespace timpush::ui
