// What the libFuzzer targets share: a check that aborts (so libFuzzer keeps the input), a UTF-8
// check for messages people read, and splitting one input into fields.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace timpush::fuzz {

// A broken invariant: says which one on stderr and aborts.
#define FUZZ_ENSURE(condition)                                                              \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "invariant broken at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Structural UTF-8 (lead byte, continuation bytes, no overlong two-byte forms).
inline bool is_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
               : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > text.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// The first `count - 1` newline-terminated lines, then everything after them as the last field
// (which may hold newlines: a body). Missing fields are empty. Seeds stay readable text files.
inline std::vector<std::string_view> split_fields(std::string_view text, size_t count) {
  std::vector<std::string_view> fields;
  while (fields.size() + 1 < count) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) {
      fields.push_back(text);
      text = {};
      continue;
    }
    fields.push_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  fields.push_back(text);
  return fields;
}

}  // namespace timpush::fuzz
