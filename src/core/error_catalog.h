// Every error code of reference.md section 4 (push API private codes and common REST codes) as
// one sorted table, with meaning in Chinese and English and the fix. The UI, the CLI and the
// sandbox server all read this table; nobody keeps a second copy.
#pragma once

#include <string_view>
#include <vector>

#include "core/words.h"

namespace timpush::core {

struct ErrorEntry {
  int code;
  Phrase meaning;
  Phrase fix;
};

// The whole table, sorted by code.
const std::vector<ErrorEntry>& error_catalog();
// nullptr when the code is unknown.
const ErrorEntry* find_error(int code);
// Entries whose code, meaning or fix (either language) contains the word, case-insensitively.
std::vector<const ErrorEntry*> search_errors(std::string_view word);

}  // namespace timpush::core
