// Small text rules the core, the UI and the server share, each written once: trimming, cutting
// UTF-8 at a character boundary, RFC 6901 pointer tokens, strict decimal uint32 reading and the
// service's date-time text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace timpush::core {

// The text without leading and trailing ASCII whitespace (space, \t \n \v \f \r).
std::string_view trim(std::string_view text);

// The longest prefix of at most max_bytes that does not end inside a UTF-8 character, so a cut
// text stays valid wherever the input was. Bytes that are not UTF-8 are left as they are.
std::string_view utf8_prefix(std::string_view text, size_t max_bytes);

// The text with A-Z made a-z and every other byte as it is: for names the protocols compare
// without case (hosts, MIME types, HTML tags), whatever the locale.
std::string ascii_lower(std::string_view text);

// The text with every byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing past U+10FFFF) replaced by U+FFFD, so text from outside
// (a gateway's HTML page in GBK) can be shown and stored as UTF-8.
std::string valid_utf8(std::string_view text);

// 64-bit FNV-1a of the bytes (offset basis 14695981039346656037, prime 1099511628211, as the
// algorithm's authors publish them): a fast, stable fingerprint, not a security property.
uint64_t fnv1a64(std::string_view bytes);

// One RFC 6901 reference token: "~" becomes "~0" and "/" becomes "~1".
std::string json_pointer_token(std::string_view name);

// A uint32 written as 1 to 10 ASCII digits and nothing else (no sign, no space, no "0x"):
// 0..4294967295. Leading zeros are allowed ("007" is 7).
std::optional<uint32_t> parse_uint32(std::string_view text);

// Unix seconds as "YYYY-MM-DD HH:MM:SS" in UTC, the shape of the service's scheduled and trace
// times (task-apis.md section 1). Proleptic Gregorian; any int64 within +-10^12 s.
std::string utc_datetime(int64_t unix_seconds);

}  // namespace timpush::core
