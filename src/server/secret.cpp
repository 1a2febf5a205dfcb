#include "server/secret.h"

#include <fstream>
#include <random>

namespace timpush::server {

std::optional<std::string> generate_demo_key() {
  unsigned char bytes[32];
  bool filled = false;
  {
    std::ifstream urandom("/dev/urandom", std::ios::binary);
    if (urandom.read(reinterpret_cast<char*>(bytes), sizeof bytes)) filled = true;
  }
  if (!filled) {
    try {
      // libstdc++'s default random_device reads the OS source (getrandom or rdrand).
      std::random_device device;
      for (size_t i = 0; i < sizeof bytes; i += 4) {
        unsigned int v = device();
        for (size_t j = 0; j < 4; ++j) bytes[i + j] = static_cast<unsigned char>(v >> (8 * j));
      }
      filled = true;
    } catch (...) {
      return std::nullopt;
    }
  }
  static const char digits[] = "0123456789abcdef";
  std::string key;
  key.reserve(64);
  for (unsigned char b : bytes) {
    key += digits[b >> 4];
    key += digits[b & 15];
  }
  return key;
}

}  // namespace timpush::server
