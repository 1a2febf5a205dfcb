// Where a push goes and who signs it: the base URL of the chosen target (sandbox, region with or
// without the relay, custom), the SDKAppID as typed, the UserSig cache, Credentials as a draft's
// DraftTarget, and the sandbox's own app (GET /sandbox/app).
#pragma once

#include <optional>
#include <string>

#include "ui/app_state.h"

namespace timpush::ui {

// SDKAppID field text -> value (1..4294967295), or nothing.
std::optional<uint32_t> parse_sdkappid(const std::string& text);

// Where requests go for the chosen target: base URL, or an error message in the UI language.
struct BaseUrl {
  std::string base;
  std::optional<std::string> error;
};
BaseUrl base_url(const AppState& state);
// The base a terminal (curl) should use: the region host itself rather than our relay.
std::string direct_base_url(const AppState& state);
// The chosen region's host (main or backup); "" for other targets or an unknown region.
std::string region_host(const AppState& state);

// Regenerates the key-signed UserSig when inputs changed or it expired; re-checks a pasted one.
// `app` is the SDKAppID field as parse_sdkappid reads it.
void refresh_usersig(AppState& state, std::optional<uint32_t> app);

// A draft's target is the credentials without their secrets (Credentials extends DraftTarget).
inline const core::DraftTarget& target_of(const Credentials& creds) { return creds; }
inline void apply_target(Credentials& creds, const core::DraftTarget& target) {
  static_cast<core::DraftTarget&>(creds) = target;
}

// GET {origin}/sandbox/app, queued at start; its answer fills the fields the user has not touched.
void queue_sandbox_app_request(AppState& state);
// True when `result` answered that request (and was consumed).
bool handle_sandbox_app_result(AppState& state, const HttpResult& result);

}  // namespace timpush::ui
