#include "cli/usersig_options.h"

#include <cctype>
#include <charconv>
#include <chrono>
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

std::optional<int64_t> unix_time_option(const Args& args, const std::string& option, const std::string& command) {
  auto text = args.value(option);
  if (!text)
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  auto value = parse_whole(*text, 0, max_seconds);
  if (!value) print_error(command, option + " must be Unix seconds (a whole number, 0 or more), not " + shown_value(*text).en);
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
