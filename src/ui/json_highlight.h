// Splits JSON text into coloured spans for the preview: keys, strings, numbers, literals,
// punctuation, blanks and line breaks. Pure text work; no ImGui. Never fails: bytes it does not
// understand become punctuation, so a broken paste still shows.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace timpush::ui {

enum class JsonToken { key, string, number, literal, punct, space, newline };

struct JsonSpan {
  JsonToken kind;
  size_t begin;
  size_t end;  // one past the last byte
};

// Spans cover the text exactly, in order, with no gaps.
std::vector<JsonSpan> tokenize_json(std::string_view text);

}  // namespace timpush::ui
