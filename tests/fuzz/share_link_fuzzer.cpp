// libFuzzer target: any text as a page URL or "#draft=..." fragment through
// decode_share_fragment. A link that opens carries no secret and no query on its base, and
// sharing the opened draft again gives a link that opens to the same draft.
#include "core/share_link.h"
#include "fuzz_support.h"

namespace core = timpush::core;

namespace {
std::string dump(const core::Draft& draft) {
  return core::to_json(draft).dump(-1, ' ', false, timpush::Json::error_handler_t::replace);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = timpush::fuzz::as_text(data, size);
  core::has_share_fragment(text);
  core::ShareDecoded decoded = core::decode_share_fragment(text);
  if (!decoded.ok()) {
    FUZZ_ENSURE(!decoded.error.en.empty() && !decoded.error.zh.empty());
    FUZZ_ENSURE(timpush::fuzz::is_utf8(decoded.error.en) && timpush::fuzz::is_utf8(decoded.error.zh));
    return 0;
  }
  const core::Draft& draft = *decoded.draft;
  FUZZ_ENSURE(draft.secret_key.empty() && draft.pasted_usersig.empty() && !draft.remember_secrets);
  FUZZ_ENSURE(draft.target.custom_base.find_first_of("?#") == std::string::npos);
  FUZZ_ENSURE(!core::name_problem(draft.name));

  core::ShareEncoded encoded = core::encode_share_fragment(draft);
  if (!encoded.ok()) {
    // Refused only for a secret-looking body or name; never silently empty.
    FUZZ_ENSURE(encoded.fragment.empty() && !encoded.error.zh.empty());
    return 0;
  }
  FUZZ_ENSURE(core::has_share_fragment(encoded.fragment));
  std::string url = core::share_url("http://127.0.0.1:8080/index.html#old", encoded.fragment);
  core::ShareDecoded again = core::decode_share_fragment(url);
  if (encoded.fragment.size() > core::max_share_fragment_chars) return 0;  // refused by design
  FUZZ_ENSURE(again.ok());
  FUZZ_ENSURE(dump(*again.draft) == dump(draft));
  return 0;
}
