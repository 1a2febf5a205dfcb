// A demo SecretKey for the sandbox when none is configured: 32 bytes from the operating system's
// CSPRNG, as 64 hex digits (the shape of the console's keys). Not part of the core, which reads
// no random source.
#pragma once

#include <optional>
#include <string>

namespace timpush::server {

// Nothing when no CSPRNG could be read.
std::optional<std::string> generate_demo_key();

}  // namespace timpush::server
