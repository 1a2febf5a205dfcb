// The RFC 6901 pointer of each span of a JSON text (json_highlight.h's spans): a key and the value
// after it name the member, an array's values their index, a container's brackets the container.
// Pure text work, no ImGui; like the tokenizer it never fails: text it cannot follow (a broken
// paste) gets the pointers it had reached, or none.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ui/json_highlight.h"

namespace timpush::ui {

// One entry per span, "" for punctuation between values, blanks and line breaks.
std::vector<std::string> json_span_pointers(std::string_view text, const std::vector<JsonSpan>& spans);

}  // namespace timpush::ui
