#include "ui/json_highlight.h"

namespace timpush::ui {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}
bool is_word_char(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

std::vector<JsonSpan> tokenize_json(std::string_view text) {
  std::vector<JsonSpan> spans;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    size_t start = i;
    if (c == '\n') {
      spans.push_back({JsonToken::newline, i, i + 1});
      ++i;
    } else if (is_blank(c)) {
      while (i < n && is_blank(text[i])) ++i;
      spans.push_back({JsonToken::space, start, i});
    } else if (c == '"') {
      ++i;
      while (i < n && text[i] != '"' && text[i] != '\n') {
        if (text[i] == '\\' && i + 1 < n && text[i + 1] != '\n') ++i;
        ++i;
      }
      if (i < n && text[i] == '"') ++i;
      // A string followed by ':' (blanks allowed) names a member.
      size_t look = i;
      while (look < n && is_blank(text[look])) ++look;
      bool key = look < n && text[look] == ':';
      spans.push_back({key ? JsonToken::key : JsonToken::string, start, i});
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      while (i < n && is_number_char(text[i])) ++i;
      spans.push_back({JsonToken::number, start, i});
    } else if (is_word_char(c)) {
      while (i < n && is_word_char(text[i])) ++i;
      spans.push_back({JsonToken::literal, start, i});
    } else {
      // Keep UTF-8 sequences whole so a stray non-ASCII byte run is one span.
      ++i;
      while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      spans.push_back({JsonToken::punct, start, i});
    }
  }
  return spans;
}

void JsonLayout::set_text(const std::string& text) {
  if (made_ && text == text_) return;
  made_ = true;
  text_ = text;
  spans_ = tokenize_json(text_);
  line_starts_.assign(1, 0);
  for (size_t i = 0; i < spans_.size(); ++i)
    if (spans_[i].kind == JsonToken::newline) line_starts_.push_back(i + 1);
}

}  // namespace timpush::ui
