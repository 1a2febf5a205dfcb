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
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace timpush::core;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  ValidationReport report = validate_body(text);
  bool has_error = false, has_90001 = false;
  for (const auto& issue : report.issues) {
    has_error |= issue.severity == Severity::error;
    has_90001 |= issue.code == 90001;
    ensure(!issue.message_en.empty() && !issue.message_zh.empty());
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
