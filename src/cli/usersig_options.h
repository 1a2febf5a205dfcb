// Options shared by `timpush sign` and `timpush verify-sig`: strict numbers and where the SecretKey
// comes from (environment or file, never the command line). Standard library only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cli/command.h"

namespace timpush::cli::usersig_options {

constexpr const char* key_env = "TIMPUSH_SECRET_KEY";

// What a UserSig document may hold for a time or a validity: seconds below 2^53.
constexpr int64_t max_seconds = int64_t{1} << 53;

// Decimal digits only (no sign, no spaces), within [min, max].
std::optional<int64_t> parse_whole(const std::string& text, int64_t min, int64_t max);

// A moment in Unix seconds from `option` (--time, --now), or the clock's now when it is absent;
// nothing, after printing why for `command`, when the value is not whole seconds.
std::optional<int64_t> unix_time_option(const Args& args, const std::string& option, const std::string& command);

// The reason `--key` is refused, for both commands.
std::string key_option_refusal(const std::string& command);

struct KeySource {
  std::optional<std::string> key;  // nothing when neither source gives one
  std::string error;               // non-empty: unreadable file, empty key...
  std::string origin;              // "--key-file" or "TIMPUSH_SECRET_KEY", for messages
};

// --key-file F (content, trailing CR/LF stripped; "-" reads standard input) wins over the
// TIMPUSH_SECRET_KEY environment variable. An empty environment variable counts as unset.
KeySource read_key(const Args& args);

// Removes the line ending a file or pipe adds (any trailing CR and LF); nothing else.
void strip_line_end(std::string& text);

// A note for stderr when the key does not look like a console key (64 hexadecimal characters),
// which catches pasted quotes or whitespace; empty when it looks right. Never contains the key.
std::string key_shape_note(const std::string& key);

}  // namespace timpush::cli::usersig_options
