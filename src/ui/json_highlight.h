// Splits JSON text into coloured spans for the preview: keys, strings, numbers, literals,
// punctuation, blanks and line breaks. Pure text work; no ImGui. Never fails: bytes it does not
// understand become punctuation, so a broken paste still shows.
#pragma once

#include <cstddef>
#include <string>
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

// One text's spans and the first span of each line, made again only when the text changes: the
// preview is drawn every frame, while its text changes with an edit.
class JsonLayout {
public:
  void set_text(const std::string& text);
  const std::string& text() const { return text_; }
  const std::vector<JsonSpan>& spans() const { return spans_; }
  const std::vector<size_t>& line_starts() const { return line_starts_; }

private:
  bool made_ = false;
  std::string text_;
  std::vector<JsonSpan> spans_;
  std::vector<size_t> line_starts_;
};

}  // namespace timpush::ui
