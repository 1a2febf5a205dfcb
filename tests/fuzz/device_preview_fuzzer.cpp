// libFuzzer target: any bytes as a push body through the device preview, and as text through its
// counters and cuts. Built only with -DTIMPUSH_FUZZ=ON and clang (tests/fuzz/CMakeLists.txt).
// Aborts on a broken invariant so libFuzzer keeps the input.
#include "core/device_preview.h"
#include "core/json.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace timpush::core;
  using timpush::fuzz::is_utf8;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  // Any bytes count and cut without failing; a cut fits its budget and is a prefix plus "…".
  TextCount count = count_text(text, size % 2 == 0);
  FUZZ_ENSURE(count.bytes == size && count.chars <= size && count.width >= count.chars);
  const size_t budget = size % 97;
  for (Counter counter : {Counter::bytes, Counter::chars, Counter::width}) {
    CutText cut = cut_text(text, budget, counter, size % 2 == 0);
    if (!cut.cut) {
      FUZZ_ENSURE(cut.shown == text);
    } else {
      FUZZ_ENSURE(budget < 3 || counted(count_text(cut.shown, size % 2 == 0), counter) <= budget);
      FUZZ_ENSURE(cut.shown.size() >= 3 && cut.shown.compare(cut.shown.size() - 3, 3, "…") == 0);
      FUZZ_ENSURE(text.substr(0, cut.shown.size() - 3) == std::string_view(cut.shown).substr(0, cut.shown.size() - 3));
    }
  }

  JsonReadResult read = read_json(text, {64, 10000});
  if (!read.ok()) return 0;
  DevicePreview preview = preview_devices(read.value);
  FUZZ_ENSURE(preview.platforms.size() == 8);
  for (const auto& card : preview.platforms) {
    for (const auto& w : card.warnings) {
      FUZZ_ENSURE(!w.message.en.empty() && !w.message.zh.empty());
      FUZZ_ENSURE(w.pointer.empty() || w.pointer[0] == '/');
    }
    if (card.shows_notification) FUZZ_ENSURE(!card.body.text.empty());
    // What is shown of valid text stays valid: a cut never splits a character.
    if (is_utf8(card.title.text)) FUZZ_ENSURE(is_utf8(card.title.collapsed.shown) && is_utf8(card.title.expanded.shown));
    if (is_utf8(card.body.text)) FUZZ_ENSURE(is_utf8(card.body.collapsed.shown) && is_utf8(card.body.expanded.shown));
  }
  return 0;
}
