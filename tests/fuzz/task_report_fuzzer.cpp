// libFuzzer target: any bytes as the answer of statistics, loss, trace and revoke. The readers
// never throw or crash, keep the envelope's verdict (read_push_response's kind), give words in
// both languages, and explain every loss code they read, in valid UTF-8.
#include "core/task_report.h"
#include "fuzz_support.h"

namespace core = timpush::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body = timpush::fuzz::as_text(data, size);
  const core::ResponseKind kind = core::read_push_response(200, body).kind;

  core::StatisticsReport stats = core::read_statistics(200, body);
  FUZZ_ENSURE(stats.envelope.kind == kind);
  FUZZ_ENSURE(!stats.envelope.summary.en.empty() && !stats.envelope.summary.zh.empty());

  core::LossReport loss = core::read_loss(200, body);
  FUZZ_ENSURE(loss.envelope.kind == kind);
  for (const auto& result : loss.results) {
    for (const auto* list : {&result.ready_to_send, &result.post_send_delivered,
                             &result.platform_ready_to_send, &result.platform_post_send}) {
      for (const auto& entry : *list) {
        core::LossExplanation e = core::explain_loss(entry.err_code, entry.err_info);
        FUZZ_ENSURE(!e.meaning.en.empty() && !e.meaning.zh.empty());
        FUZZ_ENSURE(timpush::fuzz::is_utf8(e.meaning.en) && timpush::fuzz::is_utf8(e.meaning.zh));
      }
    }
  }

  core::TraceReport trace = core::read_trace(200, body);
  FUZZ_ENSURE(trace.envelope.kind == kind);
  for (const auto& instance : trace.instances) {
    if (auto failed = instance.failed_stage()) {
      FUZZ_ENSURE(!core::stage_name(*failed).en.empty());
      FUZZ_ENSURE(!instance.stages[static_cast<int>(*failed)]->passed());
    }
    if (instance.push_platform) FUZZ_ENSURE(!core::platform_name(*instance.push_platform).zh.empty());
  }
  FUZZ_ENSURE(core::read_revoke(200, body).kind == kind);
  return 0;
}
