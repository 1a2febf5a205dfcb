// libFuzzer target: an HTTP status (first two bytes) and any body through read_push_response.
// Every answer is classified with a sentence in both languages; "ok" only for the service's own
// success shape.
#include "core/response.h"
#include "fuzz_support.h"

namespace core = timpush::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  int status = (data[0] << 8 | data[1]) % 1000;
  std::string_view body = timpush::fuzz::as_text(data + 2, size - 2);
  core::PushResponse r = core::read_push_response(status, body);
  FUZZ_ENSURE(r.http_status == status);
  FUZZ_ENSURE(!r.summary.en.empty() && !r.summary.zh.empty());
  // An HTML page's <title> in another encoding (a GBK gateway page) still gives UTF-8 words.
  FUZZ_ENSURE(timpush::fuzz::is_utf8(r.summary.en) && timpush::fuzz::is_utf8(r.summary.zh));
  FUZZ_ENSURE(timpush::fuzz::is_utf8(r.html_title));
  FUZZ_ENSURE(timpush::fuzz::is_utf8(r.relay_message));
  if (status == 0) FUZZ_ENSURE(r.kind == core::ResponseKind::no_answer);
  if (r.kind == core::ResponseKind::ok) {
    FUZZ_ENSURE(r.ok());
    FUZZ_ENSURE(!r.error_code || *r.error_code == 0);
    FUZZ_ENSURE(r.action_status == std::optional<std::string>("OK"));
  }
  if (r.kind == core::ResponseKind::fail) FUZZ_ENSURE(r.action_status || r.error_code);
  // The same answer read twice is read the same way: no hidden state.
  core::PushResponse again = core::read_push_response(status, body);
  FUZZ_ENSURE(again.kind == r.kind && again.summary.en == r.summary.en);
  return 0;
}
