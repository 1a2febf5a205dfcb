#include "cli/usersig_options.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace timpush::cli::usersig_options {

std::optional<int64_t> parse_whole(const std::string& text, int64_t min, int64_t max) {
  if (text.empty()) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < min || value > max) return std::nullopt;
  return value;
}

std::string key_option_refusal(const std::string& command) {
  return "--key is refused: a key on the command line is kept in the shell history and shown to "
         "every user of this machine by ps. Put it in a file and use --key-file FILE, or set " +
         std::string(key_env) + " (see timpush " + command + " --help)";
}

KeySource read_key(const Args& args) {
  KeySource source;
  if (auto path = args.value("--key-file")) {
    // The path is not repeated in messages: a key typed where its file was expected is common.
    source.origin = "--key-file";
    InputText input = read_input(*path);
    if (!input.text) {
      source.error = "--key-file: " + core::tr(wants_zh(args) ? core::Lang::zh : core::Lang::en, input.error);
      return source;
    }
    std::string text = std::move(*input.text);
    strip_line_end(text);
    if (text.empty()) {
      source.error = wants_zh(args) ? "--key-file：密钥文件为空" : "--key-file: the key file is empty";
      return source;
    }
    source.key = std::move(text);
    return source;
  }
  if (const char* env = std::getenv(key_env); env != nullptr && *env != '\0') {
    source.origin = key_env;
    source.key = env;
  }
  return source;
}

void strip_line_end(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
}

std::string key_shape_note(const std::string& key) {
  bool hex = key.size() == 64;
  for (char c : key) hex = hex && std::isxdigit(static_cast<unsigned char>(c));
  if (hex) return {};
  std::string note = "note: the SecretKey is " + std::to_string(key.size()) +
                     " bytes long; keys from the IM console are 64 hexadecimal characters";
  if (!key.empty() && (std::isspace(static_cast<unsigned char>(key.front())) ||
                       std::isspace(static_cast<unsigned char>(key.back()))))
    note += " (it starts or ends with whitespace)";
  if (!key.empty() && (key.front() == '"' || key.front() == '\''))
    note += " (it starts with a quote)";
  return note;
}

}  // namespace timpush::cli::usersig_options
