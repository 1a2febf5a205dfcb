// UserSig (TLSSigAPIv2, HMAC-SHA256) as the service computes and checks it (reference.md
// section 5). Time is always a parameter: nothing here reads a clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/words.h"

namespace timpush::core::usersig {

constexpr int64_t default_expire_seconds = 180LL * 24 * 3600;  // 15552000, as Tencent's libraries

// The UserSig for (sdkappid, identifier), signed with the SecretKey's UTF-8 bytes.
std::string generate(uint32_t sdkappid, std::string_view identifier, std::string_view key,
                     int64_t time, int64_t expire = default_expire_seconds);

// The text that is HMAC'd, exactly (each line ends in \n).
std::string content_to_sign(uint32_t sdkappid, std::string_view identifier, int64_t time,
                            int64_t expire, std::optional<std::string_view> userbuf_base64 = {});

// Raw HMAC-SHA256 (32 bytes) and base64 helpers, exposed for tests against RFC 4231.
std::string hmac_sha256(std::string_view key, std::string_view message);
std::string base64_encode(std::string_view bytes);

// What decoding a UserSig found, whether or not it verifies.
struct Decoded {
  std::string version;      // TLS.ver
  std::string identifier;   // TLS.identifier
  uint32_t sdkappid = 0;    // TLS.sdkappid
  int64_t time = 0;         // TLS.time: issue time, Unix seconds
  int64_t expire = 0;       // TLS.expire: validity in seconds
  std::optional<std::string> userbuf;  // TLS.userbuf, as given (base64)
  std::string sig;          // TLS.sig
  std::string json;         // the decompressed document
  int64_t expires_at() const { return time + expire; }
};

struct Verdict {
  int code = 0;  // 0 valid; else the server's code: 70002, 70003, 70001, 70013, 70014, 70009
  Words reason;  // exact reason, e.g. "not valid base64 at character 17"
  std::optional<Decoded> decoded;  // present whenever decoding got that far
  int64_t remaining_seconds = 0;   // expires_at - now (negative when expired)
  bool signature_checked = false;  // true when a key was given and the HMAC was compared
  bool ok() const { return code == 0; }
};

// Largest decompressed document accepted; real ones are a few hundred bytes.
constexpr size_t max_document_bytes = 64 * 1024;

// Why an identifier cannot be signed (empty, a line break, not UTF-8), or nothing when it can.
std::optional<Words> identifier_problem(std::string_view identifier);

// "2026-11-26T10:26:27Z" for Unix seconds (proleptic Gregorian, UTC), computed without a clock.
std::string format_utc(int64_t unix_seconds);
// "180 days", "1 day 2 h", "5 min 3 s" (zh: "180 天", "1 天 2 小时"): the two largest units.
// The one duration format of the page and `timpush verify-sig`.
Words format_duration(int64_t seconds);

// Decodes a UserSig without judging it against an app (70002/70003 only).
Verdict decode(std::string_view usersig);

// Decodes and checks in the server's order: sdkappid, identifier, expiry, then (with a key) HMAC.
Verdict verify(std::string_view usersig, uint32_t sdkappid, std::string_view identifier,
               std::optional<std::string_view> key, int64_t now);

}  // namespace timpush::core::usersig
