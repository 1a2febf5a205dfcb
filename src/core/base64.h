// Base64 as UserSigs use it: the standard alphabet (RFC 4648 section 4) and Tencent's URL variant
// (+ -> *, / -> -, = -> _). Decoding says exactly which character fails. Standard library only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/words.h"

namespace timpush::core::base64 {

// Standard alphabet with '=' padding.
std::string encode(std::string_view bytes);
// Tencent's UserSig variant: the standard text with + -> *, / -> -, = -> _.
std::string encode_usersig(std::string_view bytes);

struct DecodeError {
  size_t position = 0;  // 1-based character position the reason points at (0: the whole text)
  Words reason;
};

struct Decoded {
  std::string bytes;
  std::optional<DecodeError> error;
  bool ok() const { return !error; }
};

// Decodes either alphabet (Tencent's own decoders map * - _ back to + / = and decode standard
// base64, so both spellings reach the same bytes). Padding may be absent or partial, as long as
// what is there is right. No whitespace is skipped: a stray space is reported, since it usually
// means a '+' was turned into a space by URL decoding.
Decoded decode_usersig(std::string_view text);

}  // namespace timpush::core::base64
