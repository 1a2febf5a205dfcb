// What the composer computes and decides, apart from drawing: target URL, UserSig cache, the
// derived body and checks, the send flow and reading HTTP results. No ImGui here, so it is
// tested directly; panels call these and only draw.
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

// Regenerates the key-signed UserSig when inputs changed or it expired; re-checks a pasted one.
void refresh_usersig(AppState& state);
// Recomputes body, preview, checks and target once per frame (cheap when nothing changed).
void refresh_derived(AppState& state);

// Audience that matches a request's Condition (used after a paste of raw JSON).
Audience infer_audience(const core::PushRequest& request);
void set_audience(AppState& state, Audience audience);

// Raw JSON text edited: read it into the form when it parses.
void apply_raw_text(AppState& state);
void enter_raw_mode(AppState& state);
// The check saying where the Raw JSON text stops being JSON (90001, with line and column), from
// the frame's derived report; nullptr while the text parses or the check has no place.
const core::Issue* raw_json_error(const AppState& state);
// Puts the Raw JSON field's caret at that place.
void go_to_raw_error(AppState& state);

// Why Send is disabled, or nothing when it is enabled.
std::optional<Text> send_blocker(const AppState& state);
// Queues the push request (Send pressed). Returns false when blocked.
bool start_send(AppState& state);
// The URL of the next send, with the UserSig masked unless `reveal`.
std::string preview_url(const AppState& state, bool reveal);
std::string mask_usersig_in_url(const std::string& url, const std::string& usersig);
// A POSIX shell curl command sending the exact body. Holds the UserSig, never the SecretKey.
std::string curl_command(const AppState& state);

void queue_sandbox_app_request(AppState& state);
void handle_http_result(AppState& state, const HttpResult& result);
// Gives up on a request the platform never answered (a little after its own timeout).
void check_send_timeout(AppState& state);

// A new MsgRandom (fresh_random of this frame; never 0 so it cannot read as "unset").
void regenerate_msg_random(AppState& state);

void note(AppState& state, const Text& text, double seconds = 2.5);

}  // namespace timpush::ui
