#include "core/hmac.h"

#include <mbedtls/md.h>

namespace timpush::core::hmac {

std::string sha256(std::string_view key, std::string_view message) {
  const mbedtls_md_info_t* info = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
  if (info == nullptr) return {};
  unsigned char out[32];
  int rc = mbedtls_md_hmac(info, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                           reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           out);
  if (rc != 0) return {};
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i)
    diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
  return diff == 0;
}

}  // namespace timpush::core::hmac
