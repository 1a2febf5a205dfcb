// Helpers the sandbox's flows share (sandbox.cpp: the URL and account checks; sandbox_push.cpp:
// push, batch and revoke; sandbox_tasks.cpp: the task list). Internal to the sandbox.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/sandbox.h"

namespace timpush::server::sandbox_detail {

// The catalogue's English meaning, so a code never goes out without words.
std::string meaning(int code);

// A service answer with this code; `info` defaults to the code's meaning.
SandboxAnswer fail(int code, std::string info = {});

// An answer's JSON as sent: invalid UTF-8 echoed from a user's body is replaced, never thrown on.
std::string dump(const Json& doc);
// The service's success envelope (ActionStatus OK, empty ErrorInfo, ErrorCode 0), to add fields to.
Json envelope();

// Push's checks of a body (size, then the validator's first error, with the app's attribute
// names), answered as push answers them; nothing when the body passes (sandbox_push.cpp).
std::optional<SandboxAnswer> check_push_body(std::string_view body,
                                             std::vector<std::string> attr_names);

}  // namespace timpush::server::sandbox_detail
