// Pointers of a JSON text's spans (json_paths.h).
#include "ui/json_paths.h"

#include "core/json.h"
#include "core/text_util.h"

namespace timpush::ui {
namespace {

struct Level {
  std::string pointer;  // of the container
  bool array = false;
  size_t next_index = 0;
  std::string member;   // object: the pointer the last key named
};

// A key's text as JSON reads it (escapes resolved); the raw text between the quotes when it
// does not read, so a broken key still gets a pointer.
std::string key_name(std::string_view quoted) {
  core::JsonReadResult read = core::read_json(quoted);
  if (read.ok() && read.value.is_string()) return read.value.get<std::string>();
  if (quoted.size() >= 2) return std::string(quoted.substr(1, quoted.size() - 2));
  return std::string(quoted);
}

}  // namespace

std::vector<std::string> json_span_pointers(std::string_view text, const std::vector<JsonSpan>& spans) {
  std::vector<std::string> out(spans.size());
  std::vector<Level> stack;
  // The pointer a value starting here names: the member just keyed, the array's next index, or
  // the document itself at the top.
  auto value_pointer = [&]() -> std::string {
    if (stack.empty()) return "";
    Level& level = stack.back();
    if (level.array) return level.pointer + "/" + std::to_string(level.next_index++);
    return level.member;
  };
  for (size_t i = 0; i < spans.size(); ++i) {
    const JsonSpan& span = spans[i];
    const std::string_view piece = text.substr(span.begin, span.end - span.begin);
    switch (span.kind) {
      case JsonToken::key:
        if (!stack.empty() && !stack.back().array) {
          stack.back().member = stack.back().pointer + "/" + core::json_pointer_token(key_name(piece));
          out[i] = stack.back().member;
        }
        break;
      case JsonToken::string:
      case JsonToken::number:
      case JsonToken::literal:
        out[i] = value_pointer();
        break;
      case JsonToken::punct:
        if (piece == "{" || piece == "[") {
          std::string at = value_pointer();
          out[i] = at;
          stack.push_back(Level{at, piece == "[", 0, {}});
        } else if ((piece == "}" || piece == "]") && !stack.empty()) {
          out[i] = stack.back().pointer;
          stack.pop_back();
        }
        break;
      default:
        break;
    }
  }
  return out;
}

}  // namespace timpush::ui
