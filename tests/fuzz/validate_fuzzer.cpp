// libFuzzer target: any bytes through validate_body, parse_push_request and the serializers.
// Built only with -DTIMPUSH_FUZZ=ON and clang (tests/fuzz/CMakeLists.txt). Aborts on a broken
// invariant so libFuzzer keeps the input.
#include "core/push_request.h"
#include "core/validation.h"
#include "fuzz_support.h"

namespace {
using timpush::fuzz::is_utf8;
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace timpush::core;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  ValidationReport report = validate_body(text);
  bool has_error = false, has_90001 = false;
  for (const auto& issue : report.issues) {
    has_error |= issue.severity == Severity::error;
    has_90001 |= issue.code == 90001;
    FUZZ_ENSURE(!issue.message.en.empty() && !issue.message.zh.empty());
    FUZZ_ENSURE(is_utf8(issue.message.en) && is_utf8(issue.message.zh) && is_utf8(issue.pointer));
    FUZZ_ENSURE(issue.pointer.empty() || issue.pointer[0] == '/');
  }
  FUZZ_ENSURE(report.ok() == !has_error);

  ParsedRequest parsed = parse_push_request(text);
  if (has_90001) FUZZ_ENSURE(!parsed.request);
  if (!parsed.request) return 0;
  std::string once = serialize_body(*parsed.request);
  ParsedRequest again = parse_push_request(once);
  FUZZ_ENSURE(again.request.has_value());
  FUZZ_ENSURE(serialize_body(*again.request) == once);
  serialize_pretty(*parsed.request);
  // The composer checks its model's document without parsing the dump: the same issues.
  ValidationReport of_text = validate_body(once);
  ValidationReport of_document = validate_document(once, to_json(*parsed.request));
  FUZZ_ENSURE(of_text.issues.size() == of_document.issues.size());
  for (size_t i = 0; i < of_text.issues.size(); ++i) {
    const Issue& a = of_text.issues[i];
    const Issue& b = of_document.issues[i];
    FUZZ_ENSURE(a.code == b.code && a.severity == b.severity && a.pointer == b.pointer &&
                a.message.en == b.message.en && a.message.zh == b.message.zh);
  }
  return 0;
}
