// Where a push goes and who signs it (see target.h).
#include "ui/target.h"

#include "core/endpoints.h"
#include "core/text_util.h"

namespace timpush::ui {
namespace {

constexpr Text relay_needs_server{
    "The relay needs the page served by `timpush serve` (it was opened from a file).",
    "中转需要由 `timpush serve` 提供页面(当前页面来自本地文件)。"};
constexpr Text unknown_region{"Unknown region.", "未知地域。"};

std::string trim(const std::string& s) { return std::string(core::trim(s)); }

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
  if (c.kind != TargetKind::sandbox) return;
  if (c.sdkappid.empty()) c.sdkappid = std::to_string(app->get<uint64_t>());
  if (c.identifier.empty() || c.identifier == "administrator") c.identifier = id->get<std::string>();
  if (sb.has_key && c.secret_key.empty()) c.secret_key = key->get<std::string>();
  mark_edited(state);
}

}  // namespace

std::string region_host(const AppState& state) {
  if (state.creds.kind != TargetKind::region) return {};
  const core::Region* region = core::find_region(state.creds.region_id);
  if (!region) return {};
  return std::string(core::region_host(*region, state.creds.backup_host));
}

std::optional<uint32_t> parse_sdkappid(const std::string& text) {
  std::optional<uint32_t> v = core::parse_uint32(core::trim(text));
  if (v == 0u) return std::nullopt;
  return v;
}

BaseUrl base_url(const AppState& state) {
  BaseUrl out;
  const Credentials& c = state.creds;
  switch (c.kind) {
    case TargetKind::sandbox:
      if (state.origin.empty()) out.error = tr(state.lang, txt::sandbox_no_origin);
      else out.base = state.origin + "/sandbox";
      break;
    case TargetKind::region: {
      std::string host = region_host(state);
      const core::Region* region = core::find_region(c.region_id);
      if (host.empty() && region) {
        out.error = tr(state.lang, core::no_backup_host(*region));
      } else if (host.empty()) {
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
  if (state.creds.kind == TargetKind::region) {
    std::string host = region_host(state);
    if (!host.empty()) return "https://" + host;
  }
  return base_url(state).base;
}

void refresh_usersig(AppState& state, std::optional<uint32_t> app) {
  const Credentials& c = state.creds;
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
  state.out.http.push_back(std::move(request));
}

bool handle_sandbox_app_result(AppState& state, const HttpResult& result) {
  if (state.sandbox.status != SandboxApp::Status::loading || result.id != state.sandbox.request_id) return false;
  handle_sandbox_app(state, result);
  return true;
}

}  // namespace timpush::ui
