// Helpers the sandbox's flows share (sandbox.cpp: the URL and account checks; sandbox_push.cpp:
// push, batch and revoke; sandbox_tasks.cpp: the task list). Internal to the sandbox.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "server/sandbox.h"

namespace timpush::server::sandbox_detail {

// The catalogue's English meaning, so a code never goes out without words.
std::string meaning(int code);

// A service answer with this code; `info` defaults to the code's meaning.
SandboxAnswer fail(int code, std::string info = {});

}  // namespace timpush::server::sandbox_detail
