// How a notification's text is measured and cut on a device: the three counters of
// ../shared/spec/vendors.md §1 and §10 (UTF-8 bytes, characters, width with CJK as 2) and the
// cut to a budget in one of them, ending as the platforms end a cut text (with "…").
// Characters are Unicode code points, not UTF-16 units or grapheme clusters (vendors.md §1: no
// vendor documents how multi-code-point emoji count; our choice).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace timpush::core {

struct TextCount {
  size_t bytes = 0;  // UTF-8 bytes
  size_t chars = 0;  // code points
  size_t width = 0;  // CJK, fullwidth forms and (with emoji_wide) emoji as 2, the rest as 1
};

// What a counter counts, for limits written in one of them.
enum class Counter { bytes, chars, width };

// Counts text; bytes that are not UTF-8 count one character of width 1 each. emoji_wide counts
// an emoji as 2 width units (vivo and Honor; vendors.md §1, our choice).
TextCount count_text(std::string_view text, bool emoji_wide = false);
size_t counted(const TextCount& count, Counter counter);

// A CJK ideograph, kana, hangul, CJK punctuation or a fullwidth form: what vendors count as 2.
bool is_wide(char32_t c);
bool is_emoji(char32_t c);

struct CutText {
  std::string shown;    // the text as drawn: whole, or cut with "…" at the end
  bool cut = false;
  size_t kept = 0;      // the cut's place, in the counter's units of the text kept
};

// The longest prefix whose count is at most `budget` (the "…" included, as it takes its place on
// the line); the whole text when it fits. Never splits a character.
CutText cut_text(std::string_view text, size_t budget, Counter counter, bool emoji_wide = false);

}  // namespace timpush::core
