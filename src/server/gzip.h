// gzip (RFC 1952) compression of a whole buffer, for the Content-Encoding of static files.
// Depends on zlib only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace timpush::server {

// The gzip member for `data` at zlib's best level (the result is cached, so the time is spent
// once); nothing if zlib fails.
std::optional<std::string> gzip_compress(std::string_view data);

}  // namespace timpush::server
