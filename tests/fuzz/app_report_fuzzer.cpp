// libFuzzer target: any bytes as the answer of the attribute, tag and scheduled-task APIs, and as
// a file of attribute names. The readers never throw or crash, keep the envelope's verdict
// (read_push_response's kind), read only slots "0".."9", and name every status in both languages.
#include "core/app_report.h"
#include "core/sched_report.h"
#include "fuzz_support.h"

namespace core = timpush::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body = timpush::fuzz::as_text(data, size);
  const core::ResponseKind kind = core::read_push_response(200, body).kind;

  core::AttrNamesReport names = core::read_attr_names(200, body);
  FUZZ_ENSURE(names.envelope.kind == kind);
  FUZZ_ENSURE(names.names.size() <= core::max_attr_names);
  for (const auto& n : names.names) FUZZ_ENSURE(n.slot >= 0 && n.slot <= 9);

  core::AppDataReport app = core::read_app_data(200, body);
  FUZZ_ENSURE(app.envelope.kind == kind);
  FUZZ_ENSURE(!app.envelope.summary.en.empty() && !app.envelope.summary.zh.empty());

  core::SchedReport sched = core::read_sched(200, body);
  FUZZ_ENSURE(sched.envelope.kind == kind);
  for (const auto& task : sched.tasks) {
    const core::Words status = core::sched_status_name(task.status);
    FUZZ_ENSURE(status.en.empty() == task.status.empty());
  }

  core::AttrNamesFile file = core::read_attr_names_file(body);
  FUZZ_ENSURE(!file.error || file.names.empty());
  // Whatever the file held, the checks of set_attr_name judge it without failing.
  (void)core::check_attr_names(file.names);
  return 0;
}
