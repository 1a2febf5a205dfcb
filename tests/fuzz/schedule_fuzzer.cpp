// libFuzzer target: any bytes as a typed account list, a typed local time, a SchedAt, and a batch
// body. Built only with -DTIMPUSH_FUZZ=ON and clang (tests/fuzz/CMakeLists.txt). Aborts on a
// broken invariant so libFuzzer keeps the input.
#include "core/schedule.h"
#include "core/test_send.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace timpush::core;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  AccountList list = parse_accounts(text);
  for (const auto& a : list.accounts) FUZZ_ENSURE(!a.empty() && a.find(',') == std::string::npos);
  FUZZ_ENSURE(list.accounts.empty() == (!list.issues.empty() && list.issues[0].code == test_send_code::no_accounts));

  // A time read back is written the same way: the conversion loses nothing.
  if (auto at = parse_sched_at(text)) FUZZ_ENSURE(format_sched_at(*at) == text);
  const int offset = static_cast<int>(size % 1681) - 840;  // UTC-14:00 .. UTC+14:00
  if (auto at = parse_local_time(text, offset)) {
    FUZZ_ENSURE(parse_local_time(format_local_time(*at, offset), offset) == at);
    sched_time_problem(*at, 1796126400);
  }

  JsonReadResult read = read_json(text, {64, 10000});
  if (!read.ok()) return 0;
  ValidationReport batch = validate_batch(read.value);
  for (const auto& issue : batch.issues) FUZZ_ENSURE(!issue.message.en.empty() && !issue.message.zh.empty());
  timpush::Json add = add_sched_body(1400000000, 1796126400, read.value, "administrator");
  FUZZ_ENSURE(add["Content"]["From_Account"] == "administrator");
  return 0;
}
