// Counting and cutting a notification's text (device_text.h).
#include "core/device_text.h"

namespace timpush::core {

namespace {

// One code point from text at i (advancing i); a byte that does not start a well-formed
// sequence is returned alone as U+FFFD, so any input counts and cuts without failing.
char32_t next_code_point(std::string_view text, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  i += len;
  return c;
}

size_t width_of(char32_t c, bool emoji_wide) {
  if (is_wide(c)) return 2;
  if (emoji_wide && is_emoji(c)) return 2;
  return 1;
}

constexpr std::string_view ellipsis = "…";  // U+2026: 3 bytes, 1 character, width 1

}  // namespace

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) ||    // Hangul Jamo
         (c >= 0x2E80 && c <= 0x303E) ||    // CJK radicals, symbols and punctuation
         (c >= 0x3041 && c <= 0x33FF) ||    // kana, bopomofo, CJK compatibility
         (c >= 0x3400 && c <= 0x4DBF) ||    // CJK extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||    // CJK unified ideographs
         (c >= 0xA000 && c <= 0xA4CF) ||    // Yi
         (c >= 0xAC00 && c <= 0xD7A3) ||    // Hangul syllables
         (c >= 0xF900 && c <= 0xFAFF) ||    // CJK compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||    // CJK compatibility forms
         (c >= 0xFF00 && c <= 0xFF60) ||    // fullwidth forms
         (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x20000 && c <= 0x3FFFD);    // CJK extensions B and later
}

bool is_emoji(char32_t c) {
  return (c >= 0x1F300 && c <= 0x1FAFF) ||  // pictographs, emoticons, transport, supplemental
         (c >= 0x2600 && c <= 0x27BF);      // miscellaneous symbols and dingbats
}

TextCount count_text(std::string_view text, bool emoji_wide) {
  TextCount count;
  count.bytes = text.size();
  for (size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    ++count.chars;
    count.width += width_of(c, emoji_wide);
  }
  return count;
}

size_t counted(const TextCount& count, Counter counter) {
  return counter == Counter::bytes ? count.bytes : counter == Counter::chars ? count.chars : count.width;
}

CutText cut_text(std::string_view text, size_t budget, Counter counter, bool emoji_wide) {
  CutText out;
  const size_t whole = counted(count_text(text, emoji_wide), counter);
  if (whole <= budget) {
    out.shown = std::string(text);
    out.kept = whole;
    return out;
  }
  const size_t mark = counted(count_text(ellipsis), counter);
  const size_t room = budget > mark ? budget - mark : 0;
  size_t used = 0;
  size_t end = 0;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t c = next_code_point(text, i);
    size_t cost = counter == Counter::bytes ? i - start : counter == Counter::chars ? 1 : width_of(c, emoji_wide);
    if (used + cost > room) break;
    used += cost;
    end = i;
  }
  out.shown = std::string(text.substr(0, end)) + std::string(ellipsis);
  out.cut = true;
  out.kept = used;
  return out;
}

}  // namespace timpush::core
