// libFuzzer target: any bytes through validate_body, parse_push_request and the serializers.
// Built only with -DTIMPUSH_FUZZ=ON and clang (see the end of tests/CMakeLists.txt). Aborts on
// a broken invariant so libFuzzer keeps the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/push_request.h"
#include "core/validation.h"

namespace {
void ensure(bool condition) {
  if (!condition) std::abort();
}

// Structural UTF-8 check (lead byte, continuation bytes): messages must stay printable text.
bool is_utf8(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
               : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > text.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace timpush::core;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  ValidationReport report = validate_body(text);
  bool has_error = false, has_90001 = false;
  for (const auto& issue : report.issues) {
    has_error |= issue.severity == Severity::error;
    has_90001 |= issue.code == 90001;
    ensure(!issue.message.en.empty() && !issue.message.zh.empty());
    ensure(is_utf8(issue.message.en) && is_utf8(issue.message.zh) && is_utf8(issue.pointer));
    ensure(issue.pointer.empty() || issue.pointer[0] == '/');
  }
  ensure(report.ok() == !has_error);

  ParsedRequest parsed = parse_push_request(text);
  if (has_90001) ensure(!parsed.request);
  if (!parsed.request) return 0;
  std::string once = serialize_body(*parsed.request);
  ParsedRequest again = parse_push_request(once);
  ensure(again.request.has_value());
  ensure(serialize_body(*again.request) == once);
  serialize_pretty(*parsed.request);
  validate_body(once);
  return 0;
}
