// The one bilingual value of the project: a message in English and in Chinese, for every text a
// person reads (validation issues, guard notes, store errors, catalogue entries, UI labels).
// Bilingual<S> is one shape over the string types a message lives in: Words (std::string) for
// built messages, Phrase (std::string_view) for the core's constant tables, and the UI's Text
// (const char*, what ImGui takes). Constant tables stay constexpr and cost no start-up work in
// the page. tr() picks the language; `+` joins messages language by language.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace timpush::core {

enum class Lang { en, zh };

template <typename S>
struct Bilingual {
  S en{};
  S zh{};
  // A constant phrase becomes a built message wherever one is expected.
  template <typename T>
  operator Bilingual<T>() const {
    return {T(en), T(zh)};
  }
};

using Words = Bilingual<std::string>;
using Phrase = Bilingual<std::string_view>;

template <typename S>
const S& tr(Lang lang, const Bilingual<S>& text) {
  return lang == Lang::zh ? text.zh : text.en;
}

inline Words operator+(Words a, const Words& b) {
  a.en += b.en;
  a.zh += b.zh;
  return a;
}
inline Words& operator+=(Words& a, const Words& b) {
  a.en += b.en;
  a.zh += b.zh;
  return a;
}
// "en" or "zh" (the CLI's --lang and the page's setting), nothing for any other name.
inline std::optional<Lang> parse_lang(std::string_view name) {
  if (name == "en") return Lang::en;
  if (name == "zh") return Lang::zh;
  return std::nullopt;
}

// The same text in both languages (a number, a name, a code).
inline Words same(std::string text) { return {text, text}; }

}  // namespace timpush::core
