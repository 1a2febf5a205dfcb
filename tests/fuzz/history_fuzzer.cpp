// libFuzzer target: any text as a history file through import_history (the user's import) and
// parse_history (what storage holds). The counts add up, the list stays bounded and in time
// order, and what is exported or stored reads back to the same history.
#include "core/history.h"
#include "fuzz_support.h"

namespace core = timpush::core;

namespace {
void check_list(const core::History& h) {
  FUZZ_ENSURE(h.entries.size() <= core::max_history_entries);
  for (size_t i = 1; i < h.entries.size(); ++i) FUZZ_ENSURE(h.entries[i - 1].time <= h.entries[i].time);
}

void check_import(std::string_view text) {
  core::History h;
  core::HistoryImport first = core::import_history(h, text);
  check_list(h);
  if (!first.ok()) {
    FUZZ_ENSURE(h.entries.empty() && first.added == 0);
    return;
  }
  FUZZ_ENSURE(h.entries.size() == first.added - first.dropped);
  std::string exported = core::export_history(h);
  if (first.dropped == 0) {
    core::HistoryImport second = core::import_history(h, text);
    FUZZ_ENSURE(second.ok() && second.added == 0 && second.invalid == first.invalid);
    FUZZ_ENSURE(core::export_history(h) == exported);
  }
  core::History fresh;
  core::HistoryImport back = core::import_history(fresh, exported);
  FUZZ_ENSURE(back.ok() && back.invalid == 0 && back.duplicates == 0 && back.added == h.entries.size());
  FUZZ_ENSURE(core::export_history(fresh) == exported);
  for (const auto& entry : h.entries) core::draft_from_history(entry, "From history", entry.time);
  h.search("push");
}

void check_storage(std::string_view text) {
  core::HistoryRead read = core::parse_history(text);
  check_list(read.history);
  if (read.unreadable) FUZZ_ENSURE(read.history.entries.empty() && !read.message.en.empty() && !read.message.zh.empty());
  std::string stored = core::serialize_history(read.history);
  core::HistoryRead again = core::parse_history(stored);
  FUZZ_ENSURE(!again.unreadable && again.skipped == 0);
  FUZZ_ENSURE(core::serialize_history(again.history) == stored);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = timpush::fuzz::as_text(data, size);
  check_import(text);
  check_storage(text);
  return 0;
}
