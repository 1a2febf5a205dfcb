// One push from the Send button to the history: why Send is off, the confirmations it may ask for
// first (every user, a new host), the request itself, its answer or its timeout, and the record it
// leaves (the guard's outcome, the history entry, the next MsgRandom). Also the URL and curl
// command of the next send. The frame calls start_send once, after drawing, when the top bar's
// Send or a confirmation's button was pressed; nothing else starts a send.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ui/app_state.h"

namespace timpush::ui {

// Why Send is disabled, or nothing when it is enabled.
std::optional<Text> send_blocker(const AppState& state);
// Queues the push request, or opens the confirmation it needs first. False when nothing left.
bool start_send(AppState& state);

// The URL of the next send, with the UserSig masked unless `reveal`.
std::string preview_url(const AppState& state, bool reveal);
std::string mask_usersig_in_url(const std::string& url, const std::string& usersig);
// The URL of another API of the push's target (the follow-up APIs): the same base, query and admin
// UserSig as a push, with `random` given by the caller (fresh for every request).
std::string service_url(const AppState& state, std::string_view api, uint32_t random);
// A POSIX shell curl command sending the exact body. Holds the UserSig, never the SecretKey.
std::string curl_command(const AppState& state);

// The platform's answer to the send in flight (other ids are ignored: late answers).
void handle_send_result(AppState& state, const HttpResult& result);
// Gives up on a request the platform never answered (a little after its own timeout).
void check_send_timeout(AppState& state);
// Send finished (or given up on): the guard learns the outcome, the history records it.
void finish_send(AppState& state);

}  // namespace timpush::ui
