// HMAC-SHA256 through mbedtls's message-digest layer (no hand-written hash). Depends on mbedtls
// only inside hmac.cpp; callers see bytes in, bytes out.
#pragma once

#include <string>
#include <string_view>

namespace timpush::core::hmac {

// The 32-byte HMAC-SHA256 of message under key (RFC 2104 / FIPS 180-4). Returns an empty string
// only if mbedtls cannot allocate its context.
std::string sha256(std::string_view key, std::string_view message);

// Compares two byte strings in time that depends only on their lengths.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace timpush::core::hmac
