// libFuzzer target: any text as a UserSig through usersig::decode and usersig::verify. A UserSig
// that decodes is signed again from its own fields with a fixed key; that one must decode to the
// same fields and verify, and the fuzzed one must verify exactly when its signature is that one's.
#include "core/usersig.h"
#include "fuzz_support.h"

namespace us = timpush::core::usersig;

namespace {
constexpr std::string_view key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

void check_messages(const us::Verdict& v) {
  if (v.ok()) return;
  FUZZ_ENSURE(!v.reason.en.empty() && !v.reason.zh.empty());
  FUZZ_ENSURE(timpush::fuzz::is_utf8(v.reason.en) && timpush::fuzz::is_utf8(v.reason.zh));
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = timpush::fuzz::as_text(data, size);
  us::Verdict decoded = us::decode(text);
  check_messages(decoded);
  FUZZ_ENSURE(!decoded.ok() || decoded.decoded);
  if (!decoded.decoded) {
    us::Verdict verdict = us::verify(text, 1400000000, "administrator", key, 0);
    FUZZ_ENSURE(!verdict.ok() && !verdict.signature_checked);
    check_messages(verdict);
    return 0;
  }
  const us::Decoded& d = *decoded.decoded;
  FUZZ_ENSURE(d.json.size() <= us::max_document_bytes);
  us::format_utc(d.time);
  us::format_duration(d.expire);

  int64_t now = d.time;  // within the validity whenever expire >= 0
  us::Verdict verdict = us::verify(text, d.sdkappid, d.identifier, key, now);
  check_messages(verdict);
  FUZZ_ENSURE(verdict.decoded.has_value());
  if (!decoded.ok() || d.userbuf || d.expire < 0) {
    FUZZ_ENSURE(!verdict.ok());
    return 0;
  }

  std::string again = us::generate(d.sdkappid, d.identifier, key, d.time, d.expire);
  us::Verdict redecoded = us::decode(again);
  FUZZ_ENSURE(redecoded.ok() && redecoded.decoded);
  const us::Decoded& r = *redecoded.decoded;
  FUZZ_ENSURE(r.sdkappid == d.sdkappid && r.identifier == d.identifier && r.time == d.time &&
              r.expire == d.expire && r.version == d.version);
  FUZZ_ENSURE(us::verify(again, d.sdkappid, d.identifier, key, now).ok());
  // The fuzzed UserSig passes exactly when it carries the signature the key gives its fields.
  FUZZ_ENSURE(verdict.signature_checked);
  FUZZ_ENSURE(verdict.ok() == (d.sig == r.sig));
  return 0;
}
