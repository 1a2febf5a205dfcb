// zlib-format (RFC 1950) compression and size-capped decompression, from the zlib sources in
// third_party. Callers never see zlib's types; failures come back as reasons, never exceptions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/words.h"

namespace timpush::core::zlib_codec {

// zlib's compress2 at the given level (0 stored .. 9 best; Tencent's libraries use various).
std::string compress(std::string_view data, int level = 6);

struct Inflated {
  std::string data;
  Words error;  // empty on success
  bool ok() const { return error.en.empty(); }
};

// Inflates a zlib stream, refusing to produce more than max_output bytes so a small hostile input
// cannot expand into gigabytes. Bytes after the end of the stream are ignored, as zlib's own
// uncompress does.
Inflated inflate_capped(std::string_view data, size_t max_output);

}  // namespace timpush::core::zlib_codec
